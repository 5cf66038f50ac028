package io.automigrate.diff;

import io.automigrate.catalog.Grant;
import io.automigrate.catalog.ObjectRef;

import java.util.List;

/**
 * The privileges on a view, materialized view or routine go from {@code before} to {@code after} (only diffed
 * with {@link DiffOptions#withPrivileges()}); the renderer revokes what is gone and grants what is new.
 */
public record AlterProgrammableGrants(ProgrammableSubject subject, ObjectRef object, List<Grant> before,
                                 List<Grant> after) implements Change {
    public AlterProgrammableGrants {
        before = before.stream().sorted().toList();
        after = after.stream().sorted().toList();
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
        return new AlterProgrammableGrants(subject, object, after, before);
    }

    @Override
    public String describe() {
        return "change privileges on " + object;
    }

    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
