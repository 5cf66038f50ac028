package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Trigger;
import io.automigrate.diff.ProgrammableObjects.Pair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.automigrate.diff.ProgrammableObjects.comment;
import static io.automigrate.diff.ProgrammableObjects.createOrDrop;
import static io.automigrate.diff.ProgrammableObjects.pairs;

/** Triggers: any change of definition is a drop and a create; the enabled state and comment alter in place. */
final class TriggerDiff {
    private TriggerDiff() {
    }

    static List<Change> diff(DiffContext context, Set<ObjectRef> forced) {
        List<Change> out = new ArrayList<>();
        // A trigger follows a rename of its table or columns: compared, and changed, as it reads after them.
        AppliedRenames renames = AppliedRenames.of(context);
        Map<ObjectRef, ObjectRef> currentRefs = new HashMap<>();
        List<Trigger> current = context.from().triggers().stream().map(t -> {
            Trigger renamed = renames.trigger(t);
            currentRefs.put(renamed.ref(), t.ref());
            return renamed;
        }).toList();
        for (Pair<Trigger> p : pairs(current, context.to().triggers(), Trigger::ref)) {
            boolean recreate = p.before() != null && forced.contains(currentRefs.get(p.before().ref()))
                    || p.both() && (!p.before().definition().equals(p.after().definition())
                    || p.before().constraintTrigger() != p.after().constraintTrigger());
            if (createOrDrop(out, p, recreate, TriggerChanges.CreateTrigger::new, TriggerChanges.DropTrigger::new)) {
                if (p.before().enabled() != p.after().enabled()) {
                    out.add(new TriggerChanges.AlterTriggerEnabled(p.before(), p.after()));
                }
                comment(out, ProgrammableSubject.TRIGGER, p.after().ref(), "", p.before().comment(),
                        p.after().comment());
            }
        }
        return out;
    }
}
