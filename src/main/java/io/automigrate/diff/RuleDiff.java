package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Rule;
import io.automigrate.diff.ProgrammableObjects.Pair;

import java.util.ArrayList;
import java.util.List;
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
        for (Pair<Rule> p : pairs(context.from().rules(), context.to().rules(), Rule::ref)) {
            boolean recreate = p.before() != null && forced.contains(p.before().ref())
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
