package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Trigger;

/** Changes to triggers (plain and constraint triggers, on tables and views). */
public final class TriggerChanges {
    private TriggerChanges() {
    }

    /** Created from its {@code definition}, then set to its enabled state, with its comment. */
    public record CreateTrigger(Trigger trigger) implements Change {
        public ObjectRef target() {
            return trigger.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropTrigger(trigger);
        }

        public String describe() {
            return "create trigger " + trigger.name() + " on " + trigger.tableName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropTrigger(Trigger trigger) implements Change {
        public ObjectRef target() {
            return trigger.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateTrigger(trigger);
        }

        public String describe() {
            return "drop trigger " + trigger.name() + " on " + trigger.tableName();
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code ALTER TABLE ... ENABLE / DISABLE / ENABLE REPLICA / ENABLE ALWAYS TRIGGER}. */
    public record AlterTriggerEnabled(Trigger before, Trigger after) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterTriggerEnabled(after, before);
        }

        public String describe() {
            return "set trigger " + after.name() + " on " + after.tableName() + " to " + switch (after.enabled()) {
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
