package io.automigrate.diff;

import java.util.List;

/**
 * The result of a diff: changes in an order in which they apply, and notes for the user (for example a drop and
 * an add in one table that look like a rename, with the hint line that would make it one).
 */
public record SchemaDiff(List<Change> changes, List<String> notes) {
    public SchemaDiff {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
