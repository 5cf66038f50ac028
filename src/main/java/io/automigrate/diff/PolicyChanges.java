package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Policy;

/** Changes to row-level security policies. */
public final class PolicyChanges {
    private PolicyChanges() {
    }

    /** Created with its comment. */
    public record CreatePolicy(Policy policy) implements Change {
        public ObjectRef target() {
            return policy.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropPolicy(policy);
        }

        public String describe() {
            return "create policy " + policy.name() + " on " + policy.tableName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropPolicy(Policy policy) implements Change {
        public ObjectRef target() {
            return policy.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreatePolicy(policy);
        }

        public String describe() {
            return "drop policy " + policy.name() + " on " + policy.tableName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code ALTER POLICY}: roles, USING or WITH CHECK change, command and permissiveness stay, and neither
     * expression appears or disappears (ALTER POLICY can add an expression but not remove one, so the inverse
     * would be impossible).
     */
    public record AlterPolicy(Policy before, Policy after) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterPolicy(after, before);
        }

        public String describe() {
            return "alter policy " + after.name() + " on " + after.tableName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
