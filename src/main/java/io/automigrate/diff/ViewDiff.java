package io.automigrate.diff;

import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.View;
import io.automigrate.diff.ProgrammableObjects.Pair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.automigrate.diff.ProgrammableObjects.comment;
import static io.automigrate.diff.ProgrammableObjects.createOrDrop;
import static io.automigrate.diff.ProgrammableObjects.grants;
import static io.automigrate.diff.ProgrammableObjects.pairs;

/** Plain and materialized views. */
final class ViewDiff {
    private ViewDiff() {
    }

    static List<Change> diff(DiffContext context, Set<ObjectRef> forced) {
        boolean privileges = context.options().withPrivileges();
        List<Change> out = new ArrayList<>();
        // A view follows a rename of a table it uses: it is compared, and replaced, as PostgreSQL prints it after
        // the rename. Where it uses a renamed column, its text after the rename is not known here (PostgreSQL adds
        // an alias), so a changed view is re-created around the rename instead of replaced.
        AppliedRenames renames = AppliedRenames.of(context);
        Map<QualifiedName, View> originals = new HashMap<>();
        comparable(context.from().views(), privileges).forEach(v -> originals.put(v.qualifiedName(), v));
        List<View> current = comparable(context.from().views(), privileges).stream()
                .map(v -> renames.isEmpty() ? v : new View(v.schema(), v.name(), v.materialized(),
                        renames.sql(v.definition(), null), v.columns(), v.options(), v.withData(), v.comment(),
                        v.grants())).toList();
        for (Pair<View> p : pairs(current, comparable(context.to().views(), privileges), View::qualifiedName)) {
            boolean queryChanged = p.both() && (!p.before().definition().equals(p.after().definition())
                    || !p.before().columns().stream().map(View.ViewColumn::type).toList()
                    .equals(p.after().columns().stream().map(View.ViewColumn::type).toList()));
            boolean recreate = p.before() != null && forced.contains(p.before().ref())
                    || p.both() && (p.before().materialized() != p.after().materialized()
                    || queryChanged && (p.after().materialized() || !replaceable(context, p.before(), p.after())
                    || usesRenamed(context, renames, p.before())));
            // A dropped view goes before the renames, as it was.
            Pair<View> dropped = p.before() == null ? p : new Pair<>(originals.get(p.before().qualifiedName()), p.after());
            if (createOrDrop(out, recreate || p.after() == null ? dropped : p, recreate, ViewChanges.CreateView::new,
                    ViewChanges.DropView::new)) {
                inPlace(out, context, p.before(), p.after(), queryChanged);
            }
        }
        return out;
    }

    private static void inPlace(List<Change> out, DiffContext context, View before, View after, boolean queryChanged) {
        if (queryChanged) {
            out.add(new ViewChanges.ReplaceView(before, after));
        } else if (!before.options().equals(after.options())) {
            out.add(new ViewChanges.AlterViewOptions(before, after));
        }
        if (after.materialized() && before.withData() != after.withData()) {
            out.add(new ViewChanges.RefreshMaterializedView(before, after));
        }
        ProgrammableSubject subject = ProgrammableSubject.of(after);
        comment(out, subject, after.ref(), "", before.comment(), after.comment());
        for (View.ViewColumn column : after.columns()) {
            String old = before.columns().stream().filter(c -> c.name().equals(column.name()))
                    .findFirst().map(View.ViewColumn::comment).orElse(null);
            comment(out, ProgrammableSubject.VIEW_COLUMN, after.ref(), column.name(), old, column.comment());
        }
        grants(out, context, subject, after.ref(), before.grants(), after.grants());
    }

    /**
     * PostgreSQL's rule for {@code CREATE OR REPLACE VIEW}: every old column keeps its name and type at its
     * position; new columns may only be appended. Appending is one-way: the rollback has to drop the view to
     * remove them, so it is only done in place when nothing depends on the view; else the view is re-created
     * with its dependants.
     */
    static boolean replaceable(DiffContext context, View before, View after) {
        return ViewChanges.keepsColumns(before, after)
                && (before.columns().size() == after.columns().size() || context.from().dependentsOf(before.ref()).isEmpty());
    }

    /** Whether the view uses a column a hint renames. */
    private static boolean usesRenamed(DiffContext context, AppliedRenames renames, View view) {
        return !renames.columns().isEmpty() && context.from().dependencies().stream()
                .anyMatch(d -> d.dependent().equals(view.ref()) && d.referenced().kind() == ObjectKind.COLUMN
                        && renames.touches(d.referenced().qualifiedName()));
    }

    /** Views as this diff compares them: without privileges unless those are compared. */
    private static List<View> comparable(List<View> views, boolean privileges) {
        return privileges ? views : views.stream().map(v -> new View(v.schema(), v.name(), v.materialized(),
                v.definition(), v.columns(), v.options(), v.withData(), v.comment(), List.of())).toList();
    }

    static boolean isMaterializedView(ObjectRef ref, List<View> views) {
        return ref.kind() == ObjectKind.VIEW
                && views.stream().anyMatch(v -> v.ref().equals(ref) && v.materialized());
    }
}
