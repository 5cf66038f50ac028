package io.automigrate.deploy;

import io.automigrate.lint.Finding;

import java.util.List;

/**
 * {@code automigrate push}: what was run on the database ({@code sql}, empty when it already matched the schema),
 * the data-loss findings that were accepted, and the diff's notes.
 */
public record PushResult(String target, List<String> changes, String sql, List<Finding> acceptedLosses,
                         List<String> notes) {
    public PushResult {
        changes = List.copyOf(changes);
        acceptedLosses = List.copyOf(acceptedLosses);
        notes = List.copyOf(notes);
    }

    public boolean changed() {
        return !changes.isEmpty();
    }
}
