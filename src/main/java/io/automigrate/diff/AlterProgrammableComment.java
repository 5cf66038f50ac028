package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;

/**
 * A comment set, changed or removed (null) on an object of the programmable family that otherwise stays.
 * {@code object} is the type, view, routine, trigger or policy; {@code member} names the view column or domain
 * constraint for {@link ProgrammableSubject#VIEW_COLUMN} and {@link ProgrammableSubject#DOMAIN_CONSTRAINT},
 * else it is empty.
 */
public record AlterProgrammableComment(ProgrammableSubject subject, ObjectRef object, String member, String before,
                                  String after) implements Change {
    public AlterProgrammableComment {
        member = member == null ? "" : member;
    }

    @Override
    public ObjectRef target() {
        return object;
    }

    @Override
    public ChangeAction action() {
        return ChangeAction.ALTER;
    }

    @Override
    public Change inverse() {
        return new AlterProgrammableComment(subject, object, member, after, before);
    }

    @Override
    public String describe() {
        String on = member.isEmpty() ? object.toString() : object + " " + member;
        return (after == null ? "remove comment on " : "comment on ") + on;
    }

    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
