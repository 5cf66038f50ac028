package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Rule;
import io.automigrate.diff.ProgrammableObjects.Pair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.automigrate.diff.ProgrammableObjects.comment;
import static io.automigrate.diff.ProgrammableObjects.createOrDrop;
import static io.automigrate.diff.ProgrammableObjects.pairs;

/** Rewrite rules: any change of definition is a drop and a create; the enabled state and comment alter in place. */
final class RuleDiff {
    private RuleDiff() {
    }

    static List<Change> diff(DiffContext context, Set<ObjectRef> forced) {
        List<Change> out = new ArrayList<>();
        // A rule follows a rename of its table, or of a table it names: compared, and changed, as it reads after it.
        AppliedRenames renames = AppliedRenames.of(context);
        Map<ObjectRef, ObjectRef> currentRefs = new HashMap<>();
        List<Rule> current = context.from().rules().stream().map(r -> {
            Rule renamed = renames.rule(r);
            currentRefs.put(renamed.ref(), r.ref());
            return renamed;
        }).toList();
        for (Pair<Rule> p : pairs(current, context.to().rules(), Rule::ref)) {
            boolean recreate = p.before() != null && forced.contains(currentRefs.get(p.before().ref()))
                    || p.both() && !p.before().definition().equals(p.after().definition());
            if (createOrDrop(out, p, recreate, RuleChanges.CreateRule::new, RuleChanges.DropRule::new)) {
                if (p.before().enabled() != p.after().enabled()) {
                    out.add(new RuleChanges.AlterRuleEnabled(p.before(), p.after()));
                }
                comment(out, ProgrammableSubject.RULE, p.after().ref(), "", p.before().comment(),
                        p.after().comment());
            }
        }
        return out;
    }
}
