package io.automigrate.lint;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Table;
import io.automigrate.diff.ChangeAction;
import io.automigrate.sql.RenderedChange;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AM1xx: changes that lose data. Decided from the two catalogs (what exists before and after), so that a view or
 * index that is dropped and re-created, or a renamed column, is not mistaken for a loss.
 */
public final class DestructiveRules {
    private static final Pattern VARCHAR = Pattern.compile("(character varying|character|bit varying|bit)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final List<String> FLOATS = List.of("real", "double precision");

    private DestructiveRules() {
    }

    public static List<Finding> check(Catalog from, Catalog to, RenderedMigration migration) {
        List<Finding> findings = new ArrayList<>();
        for (RenderedChange change : migration.changes()) {
            ObjectRef target = change.change().target();
            if (change.change().action() != ChangeAction.DROP) continue;
            String statement = firstStatement(change);
            if (target.kind() == ObjectKind.TABLE && !existsAfter(to, target.qualifiedName())) {
                findings.add(new Finding("AM101", Severity.ERROR, "table dropped", target, statement, 0,
                        "Every row of " + target.qualifiedName() + " is deleted, and code that still reads or writes the "
                                + "table fails.",
                        "Stop using the table in the application first, deploy, take a backup, then drop it in a "
                                + "later migration; allow AM101 for that migration once done on purpose."));
            } else if (target.kind() == ObjectKind.COLUMN && !columnAfter(to, target)) {
                findings.add(new Finding("AM102", Severity.ERROR, "column dropped", target, statement, 0,
                        "The values of " + target.qualifiedName() + "." + target.member() + " are deleted, and running "
                                + "code that selects or inserts the column fails.",
                        "Remove every use of the column from the application and deploy first; if it was meant as a "
                                + "rename, add '-- automigrate:renamed-from " + target.member()
                                + "' on the new column's line instead."));
            } else if (target.kind() == ObjectKind.SCHEMA && to.schema(target.name()).isEmpty()) {
                findings.add(new Finding("AM103", Severity.ERROR, "schema dropped", target, statement, 0,
                        "Everything in schema " + target.name() + " is deleted with it.",
                        "Move or drop its objects in separate, reviewed migrations first."));
            }
        }
        findings.addAll(narrowing(from, to, migration));
        return findings;
    }

    private static List<Finding> narrowing(Catalog from, Catalog to, RenderedMigration migration) {
        List<Finding> findings = new ArrayList<>();
        for (EnumType before : from.enums()) {
            Optional<EnumType> after = to.enums().stream().filter(e -> e.qualifiedName().equals(before.qualifiedName())).findFirst();
            if (after.isEmpty()) continue;
            Set<String> removed = new LinkedHashSet<>(before.labels());
            removed.removeAll(after.get().labels());
            if (!removed.isEmpty()) {
                findings.add(new Finding("AM104", Severity.ERROR, "enum value removed", before.ref(),
                        statementFor(migration, before.ref()), 0,
                        "Rows holding " + String.join(", ", removed) + " cannot be converted: the migration fails on "
                                + "them, and running code that writes those values breaks.",
                        "Update rows to another value in a migration of their own first, and stop writing the value."));
            }
        }
        for (Table before : from.tables()) {
            Optional<Table> after = to.table(before.qualifiedName());
            if (after.isEmpty()) continue;
            for (Column column : before.columns()) {
                Optional<Column> changed = after.get().column(column.name());
                if (changed.isPresent() && narrower(column.type(), changed.get().type())) {
                    ObjectRef ref = ObjectRef.member(ObjectKind.COLUMN, before.qualifiedName(), column.name());
                    findings.add(new Finding("AM104", Severity.ERROR, "narrowing type change", ref,
                            statementFor(migration, ref), 0,
                            "Changing " + ref.qualifiedName() + "." + column.name() + " from " + column.type() + " to "
                                    + changed.get().type() + " fails on values that do not fit, or cuts them.",
                            "Check that every value fits (SELECT ... WHERE length(col) > n), fix the rows, then narrow."));
                }
            }
        }
        return findings;
    }

    /** True when every value of {@code before} may not fit into {@code after}. */
    static boolean narrower(String before, String after) {
        if (before.equals(after)) return false;
        Matcher b = VARCHAR.matcher(before);
        Matcher a = VARCHAR.matcher(after);
        if (a.matches()) {
            if (b.matches()) return Integer.parseInt(a.group(2)) < Integer.parseInt(b.group(2));
            return before.equals("text") || before.equals("character varying");
        }
        Matcher bn = NUMERIC.matcher(before);
        Matcher an = NUMERIC.matcher(after);
        if (an.matches()) {
            if (bn.matches()) {
                int integerDigitsBefore = Integer.parseInt(bn.group(1)) - Integer.parseInt(bn.group(2));
                int integerDigitsAfter = Integer.parseInt(an.group(1)) - Integer.parseInt(an.group(2));
                return integerDigitsAfter < integerDigitsBefore || Integer.parseInt(an.group(2)) < Integer.parseInt(bn.group(2));
            }
            return before.equals("numeric") || INTEGERS.contains(before);
        }
        if (INTEGERS.contains(before) && INTEGERS.contains(after)) {
            return INTEGERS.indexOf(after) < INTEGERS.indexOf(before);
        }
        if (FLOATS.contains(before) && FLOATS.contains(after)) {
            return FLOATS.indexOf(after) < FLOATS.indexOf(before);
        }
        return (before.equals("numeric") || FLOATS.contains(before)) && INTEGERS.contains(after);
    }

    private static boolean existsAfter(Catalog to, QualifiedName name) {
        return to.table(name).isPresent();
    }

    private static boolean columnAfter(Catalog to, ObjectRef column) {
        return to.table(column.qualifiedName()).flatMap(t -> t.column(column.member())).isPresent();
    }

    private static String statementFor(RenderedMigration migration, ObjectRef ref) {
        return migration.changes().stream().filter(c -> c.change().target().equals(ref)).findFirst()
                .map(DestructiveRules::firstStatement).orElse("");
    }

    private static String firstStatement(RenderedChange change) {
        return change.forward().stream().map(Statement::sql).findFirst().orElse("");
    }
}
