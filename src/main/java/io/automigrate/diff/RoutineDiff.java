package io.automigrate.diff;

import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Routine;
import io.automigrate.diff.ProgrammableObjects.Pair;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.automigrate.diff.ProgrammableObjects.comment;
import static io.automigrate.diff.ProgrammableObjects.createOrDrop;
import static io.automigrate.diff.ProgrammableObjects.grants;
import static io.automigrate.diff.ProgrammableObjects.pairs;

/** Functions and procedures, overloads told apart by their identity arguments. */
final class RoutineDiff {
    private RoutineDiff() {
    }

    static List<Change> diff(DiffContext context, Set<ObjectRef> forced) {
        boolean privileges = context.options().withPrivileges();
        List<Change> out = new ArrayList<>();
        for (Pair<Routine> p : pairs(comparable(context.from().routines(), privileges),
                comparable(context.to().routines(), privileges), Routine::ref)) {
            // CREATE OR REPLACE cannot change the kind, the result type, argument names or defaults.
            boolean recreate = p.before() != null && forced.contains(p.before().ref())
                    || p.both() && (p.before().kind() != p.after().kind()
                    || !Objects.equals(p.before().result(), p.after().result())
                    || !Objects.equals(p.before().arguments(), p.after().arguments()));
            if (createOrDrop(out, p, recreate, RoutineChanges.CreateRoutine::new, RoutineChanges.DropRoutine::new)) {
                Routine before = p.before();
                Routine after = p.after();
                if (!before.definition().equals(after.definition())) {
                    out.add(new RoutineChanges.ReplaceRoutine(before, after, feedsStoredData(context, before.ref())));
                }
                ProgrammableSubject subject = ProgrammableSubject.of(after);
                comment(out, subject, after.ref(), "", before.comment(), after.comment());
                grants(out, context, subject, after.ref(), before.grants(), after.grants());
            }
        }
        return out;
    }

    /**
     * Whether an index or a materialized view stores what the routine computed: a new body leaves them stale,
     * so they are rebuilt.
     */
    private static boolean feedsStoredData(DiffContext context, ObjectRef routine) {
        return context.from().dependentsOf(routine).stream().anyMatch(d -> d.kind() == ObjectKind.INDEX
                || ViewDiff.isMaterializedView(d, context.from().views()));
    }

    /**
     * Routines as this diff compares them: unless privileges are compared, every routine holds the privileges
     * a new one gets, so that creating it grants and revokes nothing.
     */
    private static List<Routine> comparable(List<Routine> routines, boolean privileges) {
        return privileges ? routines : routines.stream().map(r -> new Routine(r.schema(), r.name(), r.kind(),
                r.identityArguments(), r.arguments(), r.result(), r.definition(), r.comment(),
                RoutineChanges.DEFAULT_GRANTS)).toList();
    }
}
