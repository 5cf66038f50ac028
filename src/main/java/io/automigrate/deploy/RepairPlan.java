package io.automigrate.deploy;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.Grant;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Table;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.PolicyChanges;
import io.automigrate.diff.AlterProgrammableComment;
import io.automigrate.diff.AlterProgrammableGrants;
import io.automigrate.diff.RoutineChanges;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.TableChanges;
import io.automigrate.diff.TriggerChanges;
import io.automigrate.diff.TypeChanges;
import io.automigrate.diff.ViewChanges;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code repair} does with the changes that turn a live database into what its applied history gives: it keeps
 * those that create something missing (an object whose name the live database does not hold, an enum value, a
 * missing default, NOT NULL, identity, comment or grant) and leaves every other change alone: a drop, a narrowing, a
 * rewrite, or the re-creation half of a drop-and-create of something that exists. A constraint or NOT NULL that
 * existing rows violate is blocked. Pure: the row counts come from {@code rows}.
 */
public record RepairPlan(List<Change> repairs, List<Blocked> blocked, List<Change> leftAlone) {
    public RepairPlan {
        repairs = List.copyOf(repairs);
        blocked = List.copyOf(blocked);
        leftAlone = List.copyOf(leftAlone);
    }

    /** A missing constraint (or NOT NULL) not added because {@code violatingRows} existing rows break it. */
    public record Blocked(Change change, long violatingRows) {
    }

    /** Rows that would break a change: 0 none, -1 not counted (the table or a column is new). */
    @FunctionalInterface
    public interface Rows {
        long violating(Change change);
    }

    public boolean isEmpty() {
        return repairs.isEmpty() && blocked.isEmpty() && leftAlone.isEmpty();
    }

    public static RepairPlan of(Catalog live, SchemaDiff diff, Rows rows) {
        Set<ObjectRef> present = refs(live);
        List<Change> repairs = new ArrayList<>();
        List<Blocked> blocked = new ArrayList<>();
        List<Change> leftAlone = new ArrayList<>();
        for (Change change : diff.changes()) {
            if (isGrantRemoval(change)) {
                // Privileges are not part of drift (roles differ between environments): an extra grant is no concern.
                continue;
            }
            if (!creates(change, present)) {
                leftAlone.add(change);
                continue;
            }
            if (change instanceof TableChanges.CreateColumn add && needsValueForExistingRows(add.column())
                    && tableExists(live, add)) {
                long existing = rows.violating(change);
                if (existing > 0) {
                    // The column is added without NOT NULL; NOT NULL waits until every row has a value.
                    Column c = add.column();
                    repairs.add(new TableChanges.CreateColumn(add.table(),
                            new Column(c.name(), c.type(), c.collation(), false, c.defaultExpr(), c.identity(),
                                    c.generatedExpr(), c.local(), c.comment(), c.grants(), c.storage()), add.fromTable()));
                    blocked.add(new Blocked(new TableChanges.AlterColumnNotNull(add.table(), c.name(), true), existing));
                    continue;
                }
            }
            if (isDataDependent(change)) {
                long violating = rows.violating(change);
                if (violating > 0) {
                    blocked.add(new Blocked(change, violating));
                    continue;
                }
            }
            repairs.add(change);
        }
        return new RepairPlan(repairs, blocked, leftAlone);
    }

    /** Whether {@code change} only creates what the live database lacks. */
    static boolean creates(Change change, Set<ObjectRef> present) {
        if (change instanceof TableChanges.CreateSchema
                || change instanceof TableChanges.CreateExtension
                || change instanceof TableChanges.CreateSequence
                || change instanceof TableChanges.CreateTable
                || change instanceof TableChanges.CreateColumn
                || change instanceof TableChanges.CreateConstraint
                || change instanceof TableChanges.CreateIndex
                || change instanceof TypeChanges.CreateEnum
                || change instanceof TypeChanges.CreateComposite
                || change instanceof TypeChanges.CreateDomain
                || change instanceof ViewChanges.CreateView
                || change instanceof RoutineChanges.CreateRoutine
                || change instanceof TriggerChanges.CreateTrigger
                || change instanceof PolicyChanges.CreatePolicy) {
            // A create whose name exists is the second half of a drop-and-create: a rewrite, left alone.
            return change.action() == ChangeAction.CREATE && !present.contains(change.target());
        }
        if (change instanceof TypeChanges.AlterEnumAddLabels) return true;
        if (change instanceof TableChanges.AlterColumnDefault d) return d.before() == null && d.after() != null;
        if (change instanceof TableChanges.AlterColumnNotNull n) return n.notNull();
        if (change instanceof TableChanges.AlterColumnIdentity i) return i.before() == null && i.after() != null;
        if (change instanceof TableChanges.AlterSequenceOwner o) return o.before() == null && o.after() != null;
        if (change instanceof TableChanges.AlterComment c) return c.before() == null && c.after() != null;
        if (change instanceof AlterProgrammableComment c) return c.before() == null && c.after() != null;
        if (change instanceof TableChanges.AlterGrant g) return g.granted();
        if (change instanceof AlterProgrammableGrants g) return g.after().containsAll(g.before());
        return false;
    }

    private static boolean isGrantRemoval(Change change) {
        return change instanceof TableChanges.AlterGrant g && !g.granted()
                || change instanceof AlterProgrammableGrants g2 && !g2.after().containsAll(g2.before());
    }

    /** Rows decide whether it can be added: a validated constraint, or NOT NULL. */
    private static boolean isDataDependent(Change change) {
        return change instanceof TableChanges.CreateConstraint c && c.constraint().validated()
                || change instanceof TableChanges.AlterColumnNotNull;
    }

    private static boolean needsValueForExistingRows(Column c) {
        return c.notNull() && c.defaultExpr() == null && c.identity() == null && c.generatedExpr() == null;
    }

    private static boolean tableExists(Catalog live, TableChanges.CreateColumn add) {
        return live.table(add.table()).isPresent();
    }

    /** Every object the live catalog holds, by the refs changes target. */
    static Set<ObjectRef> refs(Catalog c) {
        Set<ObjectRef> refs = new HashSet<>();
        c.schemas().forEach(s -> refs.add(s.ref()));
        c.extensions().forEach(e -> refs.add(e.ref()));
        c.enums().forEach(e -> refs.add(e.ref()));
        c.compositeTypes().forEach(t -> refs.add(t.ref()));
        c.domains().forEach(d -> refs.add(d.ref()));
        c.sequences().forEach(s -> refs.add(s.ref()));
        for (Table t : c.tables()) {
            refs.add(t.ref());
            t.columns().forEach(col -> refs.add(ObjectRef.member(ObjectKind.COLUMN, t.qualifiedName(), col.name())));
            t.constraints().forEach(k -> refs.add(ObjectRef.member(ObjectKind.CONSTRAINT, t.qualifiedName(),
                    k.name())));
        }
        c.indexes().forEach(i -> refs.add(i.ref()));
        c.views().forEach(v -> refs.add(v.ref()));
        c.routines().forEach(r -> refs.add(r.ref()));
        c.triggers().forEach(t -> refs.add(t.ref()));
        c.policies().forEach(p -> refs.add(p.ref()));
        return refs;
    }

    /** What a change re-creates, as a noun for summaries ("2 columns, 1 index"). */
    static String noun(Change change) {
        if (change instanceof TableChanges.CreateSchema || change instanceof TableChanges.DropSchema) return "schema";
        if (change instanceof TableChanges.CreateExtension || change instanceof TableChanges.DropExtension) {
            return "extension";
        }
        if (change instanceof TableChanges.CreateSequence || change instanceof TableChanges.DropSequence
                || change instanceof TableChanges.AlterSequenceOwner) {
            return change instanceof TableChanges.AlterSequenceOwner ? "sequence owner" : "sequence";
        }
        if (change instanceof TableChanges.CreateTable || change instanceof TableChanges.DropTable) return "table";
        if (change instanceof TableChanges.CreateColumn || change instanceof TableChanges.DropColumn) return "column";
        if (change instanceof TableChanges.AlterColumnDefault) return "default";
        if (change instanceof TableChanges.AlterColumnNotNull) return "NOT NULL";
        if (change instanceof TableChanges.AlterColumnIdentity) return "identity";
        if (change instanceof TableChanges.CreateConstraint || change instanceof TableChanges.DropConstraint) {
            return "constraint";
        }
        if (change instanceof TableChanges.CreateIndex || change instanceof TableChanges.DropIndex) return "index";
        if (change instanceof TypeChanges.AlterEnumAddLabels) return "enum value";
        if (change.target().kind() == ObjectKind.TYPE) return "type";
        if (change instanceof ViewChanges.CreateView) return "view";
        if (change instanceof RoutineChanges.CreateRoutine) return "function";
        if (change instanceof TriggerChanges.CreateTrigger) return "trigger";
        if (change instanceof PolicyChanges.CreatePolicy) return "policy";
        if (change instanceof TableChanges.AlterComment || change instanceof AlterProgrammableComment) return "comment";
        if (change instanceof TableChanges.AlterGrant || change instanceof AlterProgrammableGrants) return "grant";
        return "change";
    }

    /** {@code 2 columns, 1 index}: what a list of changes re-creates, counted by kind in first-seen order. */
    public static String summary(List<Change> changes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Change c : changes) {
            int n = c instanceof TypeChanges.AlterEnumAddLabels labels
                    ? (int) labels.after().labels().stream().filter(l -> !labels.before().labels().contains(l)).count()
                    : 1;
            counts.merge(noun(c), n, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + plural(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String plural(String noun, int n) {
        if (n == 1) return noun;
        if (noun.endsWith("x")) return noun + "es";
        if (noun.endsWith("y")) return noun.substring(0, noun.length() - 1) + "ies";
        return noun + "s";
    }

    /** Grantees a grant may name on a database with these roles. */
    static boolean grantable(Grant grant, Set<String> roles) {
        return grant.grantee().equals("PUBLIC") || roles.contains(grant.grantee());
    }
}
