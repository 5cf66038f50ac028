package io.automigrate.sql;

import io.automigrate.diff.Change;

import java.util.List;

/**
 * A change with the statements that apply it and those that undo it. {@code ownChangeset}: the change runs in a
 * changeset of its own although it could share a transaction, so that it holds no lock an earlier statement took (a
 * {@code VALIDATE CONSTRAINT} scans the table; in the transaction of the {@code ADD CONSTRAINT} before it, it would
 * scan under that statement's stronger lock).
 */
public record RenderedChange(Change change, List<Statement> forward, List<Statement> rollback, boolean ownChangeset) {
    public RenderedChange {
        forward = List.copyOf(forward);
        rollback = List.copyOf(rollback);
    }

    public RenderedChange(Change change, List<Statement> forward, List<Statement> rollback) {
        this(change, forward, rollback, false);
    }
}
