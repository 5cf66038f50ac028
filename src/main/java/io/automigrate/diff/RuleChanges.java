package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Rule;

/** Changes to rewrite rules (CREATE RULE) on tables and views. */
public final class RuleChanges {
    private RuleChanges() {
    }

    /** Created from its {@code definition}, then set to its enabled state, with its comment. */
    public record CreateRule(Rule rule) implements Change {
        public ObjectRef target() {
            return rule.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropRule(rule);
        }

        public String describe() {
            return "create rule " + rule.name() + " on " + rule.tableName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropRule(Rule rule) implements Change {
        public ObjectRef target() {
            return rule.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateRule(rule);
        }

        public String describe() {
            return "drop rule " + rule.name() + " on " + rule.tableName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code ALTER TABLE ... ENABLE / DISABLE / ENABLE REPLICA / ENABLE ALWAYS RULE}. */
    public record AlterRuleEnabled(Rule before, Rule after) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterRuleEnabled(after, before);
        }

        public String describe() {
            return "set rule " + after.name() + " on " + after.tableName() + " to " + switch (after.enabled()) {
                case 'D' -> "disabled";
                case 'R' -> "enabled on replicas";
                case 'A' -> "enabled always";
                default -> "enabled";
            };
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
