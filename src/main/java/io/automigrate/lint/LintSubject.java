package io.automigrate.lint;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.diff.Change;
import io.automigrate.diff.TableChanges;
import io.automigrate.source.StatementShapes;
import io.automigrate.sql.RenderedChange;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the change rules look at: the typed changes, each with the statements that make it, and the catalogs.
 * {@code baseline} is the schema before the whole migration (a table in it holds rows that a change may lock or
 * break); {@code before} and {@code after} frame these changes (for a hand-written file: one changeset).
 */
public record LintSubject(Catalog baseline, Catalog before, Catalog after, List<ChangeSql> changes,
                          List<String> notes, Map<QualifiedName, QualifiedName> renames) {
    /** A change and its statements: rendered ones when planning, the file's own ones for a hand-written file. */
    public record ChangeSql(Change change, List<StatementShapes.Shape> statements) {
        public ChangeSql {
            statements = List.copyOf(statements);
        }

        public String firstStatement() {
            return statements.isEmpty() ? "" : statements.get(0).sql();
        }

        public int line() {
            return statements.isEmpty() ? 0 : statements.get(0).line();
        }

        /** True when any of its statements has {@code words} (upper case, whole tokens). */
        public boolean has(String words) {
            return statements.stream().anyMatch(s -> s.has(words));
        }
    }

    public LintSubject {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        renames = Map.copyOf(renames);
    }

    /** {@code renames} (new table name → old) are read from the changes. */
    public LintSubject(Catalog baseline, Catalog before, Catalog after, List<ChangeSql> changes, List<String> notes) {
        this(baseline, before, after, changes, notes, renamesOf(changes));
    }

    /** A generated migration: every change with its rendered forward statements. */
    public static LintSubject of(Catalog from, Catalog to, RenderedMigration migration, List<String> notes) {
        List<ChangeSql> changes = new ArrayList<>();
        for (RenderedChange rendered : migration.changes()) {
            List<StatementShapes.Shape> shapes = new ArrayList<>();
            for (Statement statement : rendered.forward()) {
                shapes.addAll(StatementShapes.of(statement.sql(), 0, "migration"));
            }
            changes.add(new ChangeSql(rendered.change(), shapes));
        }
        return new LintSubject(from, from, to, changes, notes);
    }

    /**
     * True when {@code table} (named as after the migration) held rows before it: it (or a materialized view of that name)
     * existed in the baseline, perhaps under the name a rename in these changes gave it.
     */
    public boolean existedBefore(QualifiedName table) {
        if (recreated(table)) {
            return false;
        }
        QualifiedName old = oldName(table);
        return baseline.table(old).isPresent() || baseline.view(old).isPresent();
    }

    /**
     * True when the migration re-creates {@code table} (or it is a partition of one): what it builds on the new table
     * is part of the re-creation, which AM413 reports once.
     */
    private boolean recreated(QualifiedName table) {
        return changes.stream().anyMatch(c -> c.change() instanceof TableChanges.RecreateTableRows copy && !copy.save()
                && copy.tree().contains(ObjectRef.of(ObjectKind.TABLE, table)));
    }

    public QualifiedName oldName(QualifiedName table) {
        return renames.getOrDefault(table, table);
    }

    private static Map<QualifiedName, QualifiedName> renamesOf(List<ChangeSql> changes) {
        Map<QualifiedName, QualifiedName> renames = new HashMap<>();
        for (ChangeSql c : changes) {
            if (c.change() instanceof TableChanges.RenameTable rename) renames.put(rename.to(), rename.from());
        }
        return renames;
    }
}
