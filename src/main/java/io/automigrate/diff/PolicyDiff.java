package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Policy;
import io.automigrate.diff.ProgrammableObjects.Pair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.automigrate.diff.ProgrammableObjects.comment;
import static io.automigrate.diff.ProgrammableObjects.createOrDrop;
import static io.automigrate.diff.ProgrammableObjects.pairs;

/** Row-level security policies. */
final class PolicyDiff {
    private PolicyDiff() {
    }

    static List<Change> diff(DiffContext context, Set<ObjectRef> forced) {
        List<Change> out = new ArrayList<>();
        // A policy follows a rename of its table or columns: compared, and changed, as it reads after them.
        AppliedRenames renames = AppliedRenames.of(context);
        Map<ObjectRef, ObjectRef> currentRefs = new HashMap<>();
        List<Policy> current = context.from().policies().stream().map(p -> {
            Policy renamed = renames.policy(p);
            currentRefs.put(renamed.ref(), p.ref());
            return renamed;
        }).toList();
        for (Pair<Policy> p : pairs(current, context.to().policies(), Policy::ref)) {
            boolean recreate = p.before() != null && forced.contains(currentRefs.get(p.before().ref()))
                    || p.both() && !alterable(p.before(), p.after());
            if (createOrDrop(out, p, recreate, PolicyChanges.CreatePolicy::new, PolicyChanges.DropPolicy::new)) {
                Policy before = p.before();
                Policy after = p.after();
                if (!before.roles().equals(after.roles()) || !Objects.equals(before.using(), after.using())
                        || !Objects.equals(before.withCheck(), after.withCheck())) {
                    out.add(new PolicyChanges.AlterPolicy(before, after));
                }
                comment(out, ProgrammableSubject.POLICY, after.ref(), "", before.comment(), after.comment());
            }
        }
        return out;
    }

    /**
     * ALTER POLICY changes roles and expressions but not the command or permissiveness, and cannot remove an
     * expression: both directions must be expressible, so neither expression may appear or disappear.
     */
    static boolean alterable(Policy before, Policy after) {
        return before.permissive() == after.permissive() && before.command().equals(after.command())
                && (before.using() == null) == (after.using() == null)
                && (before.withCheck() == null) == (after.withCheck() == null);
    }
}
