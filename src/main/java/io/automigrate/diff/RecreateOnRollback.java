package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;

import java.util.Set;

/**
 * One half (the drop, or the create) of the re-creation of an object that does not change, which only the rollback
 * needs: the forward change leaves what it depends on alone, its inverse does not (an {@code ADD VALUE} is undone by
 * swapping the enum type, and PostgreSQL refuses to drop the old type under a view). So the forward SQL does nothing
 * here, and the rollback runs {@code change}'s inverse at this place: walked backwards, the create's inverse drops the
 * object before the swap and the drop's inverse creates it again after. {@link #inverse()} is that rollback step, so
 * the pair is exact only together, around the change that needs it (see {@link Change#invalidatesOnRollback()}).
 */
public record RecreateOnRollback(Change change) implements Change {
    public ObjectRef target() {
        return change.target();
    }

    public ChangeAction action() {
        return change.action();
    }

    /** What the rollback runs here; the forward SQL of this record is empty. */
    public Change inverse() {
        return change.inverse();
    }

    /** The forward change moves nothing. */
    public Set<ObjectRef> invalidates() {
        return Set.of();
    }

    public String describe() {
        return change.describe() + " (in the rollback only)";
    }

    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
