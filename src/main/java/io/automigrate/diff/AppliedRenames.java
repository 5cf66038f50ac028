package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Policy;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Rule;
import io.automigrate.catalog.Table;
import io.automigrate.catalog.Trigger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code renamed-from} hints that apply to two catalogs (the old name exists only in the current one, the new
 * only in the desired one), and how an object of the current catalog reads once they ran: PostgreSQL keeps views,
 * policies, triggers, rules, indexes and constraints across a rename and prints them with the new names.
 */
final class AppliedRenames {
    /** Desired table name → its name in {@code from}. */
    private final Map<QualifiedName, QualifiedName> tables = new TreeMap<>();
    /** Old table name → desired table name. */
    private final Map<QualifiedName, QualifiedName> newTables = new TreeMap<>();
    /** Desired table name → (desired column → column name in {@code from}). */
    private final Map<QualifiedName, Map<String, String>> columns = new TreeMap<>();

    private AppliedRenames() {
    }

    static AppliedRenames of(DiffContext context) {
        Catalog from = context.from();
        Catalog to = context.to();
        AppliedRenames renames = new AppliedRenames();
        for (RenameHints.TableRename hint : context.options().renames().tables()) {
            QualifiedName old = new QualifiedName(hint.to().schema(), hint.fromName());
            if (from.table(old).isPresent() && to.table(old).isEmpty() && to.table(hint.to()).isPresent()
                    && from.table(hint.to()).isEmpty()) {
                renames.tables.put(hint.to(), old);
                renames.newTables.put(old, hint.to());
            }
        }
        for (RenameHints.ColumnRename hint : context.options().renames().columns()) {
            Optional<Table> desired = to.table(hint.table());
            Optional<Table> current = from.table(renames.tables.getOrDefault(hint.table(), hint.table()));
            if (desired.isPresent() && current.isPresent()
                    && current.get().column(hint.fromColumn()).isPresent()
                    && current.get().column(hint.toColumn()).isEmpty()
                    && desired.get().column(hint.toColumn()).isPresent()
                    && desired.get().column(hint.fromColumn()).isEmpty()) {
                renames.columns.computeIfAbsent(hint.table(), k -> new TreeMap<>())
                        .put(hint.toColumn(), hint.fromColumn());
            }
        }
        return renames;
    }

    boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    /** Desired table name → its name in the current catalog. */
    Map<QualifiedName, QualifiedName> tables() {
        return tables;
    }

    /** Desired table name → (desired column → its current name). */
    Map<QualifiedName, Map<String, String>> columns() {
        return columns;
    }

    /** A current table's name once the renames ran. */
    QualifiedName table(QualifiedName current) {
        return newTables.getOrDefault(current, current);
    }

    /** Whether a rename changes the current table {@code current} or one of its columns. */
    boolean touches(QualifiedName current) {
        return newTables.containsKey(current) || columns.containsKey(table(current));
    }

    /**
     * Deparsed SQL of the current catalog as it reads after the renames: each renamed table where it is named
     * schema-qualified ({@code public.staff}) or qualifies a column ({@code staff.id}), and, where {@code scope} is
     * a table (as in the desired catalog), the renamed columns of that table where they stand bare.
     */
    String sql(String sql, QualifiedName scope) {
        String out = sql;
        for (Map.Entry<QualifiedName, QualifiedName> e : newTables.entrySet()) {
            out = Identifiers.renameTable(out, e.getKey(), e.getValue());
        }
        Map<String, String> renamed = scope == null ? Map.of() : columns.getOrDefault(scope, Map.of());
        if (!renamed.isEmpty()) {
            Map<String, String> newByOld = new HashMap<>();
            renamed.forEach((newName, oldName) -> newByOld.put(oldName, newName));
            out = Identifiers.rename(out, newByOld);
        }
        return out;
    }

    /** A policy of the current catalog as PostgreSQL shows it after the renames. */
    Policy policy(Policy p) {
        QualifiedName table = table(p.tableName());
        return new Policy(table.schema(), table.name(), p.name(), p.permissive(), p.command(), p.roles(),
                p.using() == null ? null : sql(p.using(), table),
                p.withCheck() == null ? null : sql(p.withCheck(), table), p.comment());
    }

    /** A trigger of the current catalog as PostgreSQL shows it after the renames. */
    Trigger trigger(Trigger t) {
        QualifiedName table = table(t.tableName());
        return new Trigger(table.schema(), table.name(), t.name(), sql(t.definition(), table), t.constraintTrigger(),
                t.enabled(), t.comment());
    }

    /** A rule of the current catalog as PostgreSQL shows it after the renames. */
    Rule rule(Rule r) {
        QualifiedName table = table(r.tableName());
        return new Rule(table.schema(), table.name(), r.name(), sql(r.definition(), table), r.enabled(), r.comment());
    }
}
