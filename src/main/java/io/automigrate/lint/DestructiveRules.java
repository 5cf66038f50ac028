package io.automigrate.lint;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Table;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.TableChanges;
import io.automigrate.diff.TypeChanges;
import io.automigrate.diff.ViewChanges;
import io.automigrate.sql.RenderedMigration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AM1xx: changes that lose data. Decided from the catalogs (what exists before and after), so that a view or index
 * that is dropped and re-created, or a renamed column, is not mistaken for a loss.
 */
public final class DestructiveRules {
    private static final Pattern VARCHAR = Pattern.compile("(character varying|character|bit varying|bit)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final List<String> FLOATS = List.of("real", "double precision");

    private DestructiveRules() {
    }

    /** The AM1xx findings of a generated migration. */
    public static List<Finding> check(Catalog from, Catalog to, RenderedMigration migration) {
        return check(LintSubject.of(from, to, migration, List.of()));
    }

    static List<Finding> check(LintSubject subject) {
        Catalog before = subject.before();
        Catalog after = subject.after();
        List<Finding> findings = new ArrayList<>();
        for (LintSubject.ChangeSql c : subject.changes()) {
            Change change = c.change();
            if (change.action() != ChangeAction.DROP) continue;
            ObjectRef target = change.target();
            String statement = c.firstStatement();
            if (change instanceof TableChanges.DropTable drop && after.table(target.qualifiedName()).isEmpty()) {
                findings.add(Rule.AM101.finding(target, statement, drop.table().columns().size() + " columns")
                        .withProbe(Probe.size(target.qualifiedName())));
            } else if (change instanceof TableChanges.DropColumn && !columnAfter(after, target)) {
                findings.add(Rule.AM102.finding(target, statement, "If it was meant as a rename, add "
                                + "'-- automigrate:renamed-from " + target.member() + "' on the new column's line.")
                        .withProbe(Probe.size(target.qualifiedName())));
            } else if (change instanceof TableChanges.DropSchema && after.schema(target.name()).isEmpty()) {
                findings.add(Rule.AM103.finding(target, statement, ""));
            } else if (change instanceof ViewChanges.DropView drop && after.view(target.qualifiedName()).isEmpty()) {
                List<ObjectRef> users = before.dependentsOf(target).stream()
                        .filter(d -> !d.qualifiedName().equals(target.qualifiedName())).toList();
                if (!users.isEmpty()) {
                    findings.add(Rule.AM105.finding(target, statement, "Used by: " + String.join(", ",
                            users.stream().map(ObjectRef::toString).toList()) + "."));
                } else if (drop.view().materialized()) {
                    findings.add(Rule.AM109.finding(target, statement, ""));
                }
            } else if (change instanceof TableChanges.DropSequence drop && drop.sequence().ownedBy() == null
                    && after.sequence(target.qualifiedName()).isEmpty()) {
                findings.add(Rule.AM106.finding(target, statement, ""));
            } else if (isTypeDrop(change) && !typeAfter(after, target.qualifiedName())) {
                findings.add(Rule.AM107.finding(target, statement, ""));
            }
        }
        findings.addAll(narrowing(subject));
        return findings;
    }

    private static boolean isTypeDrop(Change change) {
        return change instanceof TypeChanges.DropEnum || change instanceof TypeChanges.DropComposite
                || change instanceof TypeChanges.DropDomain;
    }

    private static boolean typeAfter(Catalog after, QualifiedName name) {
        return after.enums().stream().anyMatch(e -> e.qualifiedName().equals(name))
                || after.compositeTypes().stream().anyMatch(t -> t.qualifiedName().equals(name))
                || after.domains().stream().anyMatch(d -> d.qualifiedName().equals(name));
    }

    private static List<Finding> narrowing(LintSubject subject) {
        Catalog from = subject.before();
        Catalog to = subject.after();
        List<Finding> findings = new ArrayList<>();
        for (EnumType before : from.enums()) {
            Optional<EnumType> after = to.enums().stream().filter(e -> e.qualifiedName().equals(before.qualifiedName())).findFirst();
            if (after.isEmpty()) continue;
            Set<String> removed = new LinkedHashSet<>(before.labels());
            removed.removeAll(after.get().labels());
            if (!removed.isEmpty()) {
                LintSubject.ChangeSql change = changeOf(subject, before.ref());
                findings.add(Rule.AM104.finding(before.ref(), change == null ? "" : change.firstStatement(),
                        "Rows holding " + String.join(", ", removed) + " cannot be converted."));
            }
        }
        for (Table after : to.tables()) {
            Optional<Table> before = from.table(subject.oldName(after.qualifiedName()));
            if (before.isEmpty()) continue;
            for (Column column : before.get().columns()) {
                Optional<Column> changed = after.column(column.name());
                if (changed.isPresent() && narrower(column.type(), changed.get().type())) {
                    ObjectRef ref = ObjectRef.member(ObjectKind.COLUMN, after.qualifiedName(), column.name());
                    LintSubject.ChangeSql change = changeOf(subject, ref);
                    findings.add(Rule.AM104.finding(ref, change == null ? "" : change.firstStatement(),
                            "From " + column.type() + " to " + changed.get().type() + ".")
                            .withProbe(Probe.size(after.qualifiedName())));
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

    private static boolean columnAfter(Catalog to, ObjectRef column) {
        return to.table(column.qualifiedName()).flatMap(t -> t.column(column.member())).isPresent();
    }

    /** The change that targets {@code ref}, or null when none does (e.g. a type change made by hand). */
    static LintSubject.ChangeSql changeOf(LintSubject subject, ObjectRef ref) {
        return subject.changes().stream().filter(c -> c.change().target().equals(ref)).findFirst().orElse(null);
    }
}
