package io.automigrate.diff;

import java.util.List;

/**
 * Diffs one family of object kinds. {@link SchemaDiffer} runs every family, widens
 * {@link DiffContext#forcedRecreate()} with the dependants of whatever the changes invalidate until nothing new is
 * added, then orders the union of all changes.
 */
public interface ObjectFamily {
    /**
     * This family's changes from {@code context.from()} to {@code context.to()}. Every object of the family in
     * {@code context.forcedRecreate()} that exists in {@code from} is dropped, and created again if it exists in
     * {@code to}, even when its definition is unchanged. Output order does not matter; it must be deterministic.
     */
    List<Change> diff(DiffContext context);

    /** Notes for the user, such as a drop and an add that look like a rename. */
    default List<String> notes(DiffContext context) {
        return List.of();
    }
}
