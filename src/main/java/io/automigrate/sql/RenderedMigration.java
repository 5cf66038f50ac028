package io.automigrate.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** A whole migration: its changes in apply order, each with forward and rollback statements. */
public record RenderedMigration(List<RenderedChange> changes) {
    public RenderedMigration {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Statement> forward() {
        return changes.stream().flatMap(c -> c.forward().stream()).toList();
    }

    /** Every change undone, last change first. */
    public List<Statement> rollback() {
        List<RenderedChange> reversed = new ArrayList<>(changes);
        Collections.reverse(reversed);
        return reversed.stream().flatMap(c -> c.rollback().stream()).toList();
    }

    public String forwardSql() {
        return script(forward());
    }

    public String rollbackSql() {
        return script(rollback());
    }

    /** Statements one after another, each ending with a newline; empty for no statements. */
    public static String script(List<Statement> statements) {
        return statements.stream().map(s -> s.sql() + "\n").collect(Collectors.joining());
    }
}
