package io.automigrate.deploy;

import java.util.List;

/**
 * How a live database differs from the schema it should have. {@code fixSql} brings the live database back to the
 * expected schema; {@code driftSql} is the opposite direction: what was done to it outside the migrations, as SQL.
 * {@code changes} describes the fix one change a line. {@code drifted} is also true for a difference the engine
 * cannot express as DDL (then {@code fixSql} is empty and {@code notes} says so).
 */
public record Drift(boolean drifted, List<String> changes, String fixSql, String driftSql, List<String> notes) {
    public Drift {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public static Drift none() {
        return new Drift(false, List.of(), "", "", List.of());
    }

    /** The same drift with more notes (what was left out of the comparison, and why). */
    public Drift withNotes(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Drift(drifted, changes, fixSql, driftSql, all);
    }
}
