package io.automigrate.deploy;

import java.util.List;

/**
 * {@code automigrate status}: each migration file's state in the database, and drift of the live schema from what
 * the applied migrations should have produced ({@code drift} null when it was not computed).
 */
public record StatusResult(String target, List<FileState> migrations, Drift drift, List<String> notes) {
    public StatusResult {
        migrations = List.copyOf(migrations);
        notes = List.copyOf(notes);
    }

    public long count(FileState.State state) {
        return migrations.stream().filter(m -> m.state() == state).count();
    }

    /** Nothing pending, edited, out of order or missing, and no drift. */
    public boolean clean() {
        return migrations.stream().noneMatch(FileState::needsAttention) && (drift == null || !drift.drifted());
    }
}
