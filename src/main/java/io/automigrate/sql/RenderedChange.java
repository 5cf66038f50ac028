package io.automigrate.sql;

import io.automigrate.diff.Change;

import java.util.List;

/** A change with the statements that apply it and those that undo it. */
public record RenderedChange(Change change, List<Statement> forward, List<Statement> rollback) {
    public RenderedChange {
        forward = List.copyOf(forward);
        rollback = List.copyOf(rollback);
    }
}
