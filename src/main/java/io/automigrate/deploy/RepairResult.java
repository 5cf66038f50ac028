package io.automigrate.deploy;

import java.util.List;

/**
 * What a {@code repair} did (or, for a dry run, would do). {@code repaired}: what was re-created, one line each;
 * {@code sql}: the statements run in the one transaction; {@code concurrentSql}: indexes built CONCURRENTLY after it
 * (large tables); {@code leftAlone}: drift repair does not touch, with {@code leftAloneSql} a person could run;
 * {@code blocked}: missing constraints that existing rows violate; {@code remainingAccepted}: leftover drift was
 * accepted (--allow-remaining-drift), so only {@code blocked} fails the run.
 */
public record RepairResult(Status status, String database, String summary, List<String> repaired, String sql,
                           String concurrentSql, List<String> leftAlone, String leftAloneSql, List<Blocked> blocked,
                           boolean remainingAccepted, List<String> notes, String backup, long millis) {
    public enum Status { SWITCHED_OFF, SKIPPED, UP_TO_DATE, NOTHING_TO_REPAIR, DRY_RUN, REPAIRED }

    /** A missing constraint not added: {@code rows} existing rows violate it; {@code sql} adds it once they are fixed. */
    public record Blocked(String change, long rows, String sql) {
    }

    public RepairResult {
        repaired = List.copyOf(repaired);
        leftAlone = List.copyOf(leftAlone);
        blocked = List.copyOf(blocked);
        notes = List.copyOf(notes);
    }

    public static RepairResult nothing(Status status, String database, String note) {
        return new RepairResult(status, database, "", List.of(), "", "", List.of(), "", List.of(), false,
                List.of(note), null, 0);
    }

    /** A repair that {@code AUTO_MIGRATE} switched off, its note naming the value that did. */
    public static RepairResult switchedOff(java.util.Map<String, String> variables) {
        return nothing(Status.SWITCHED_OFF, "-", io.automigrate.config.AutoMigrate.given(variables)
                + ": unset it (or set it to true) to repair");
    }

    /** Why the run does not succeed, for an exception's message; empty when {@link #ok()}. */
    public String problem() {
        List<String> parts = new java.util.ArrayList<>();
        blocked.forEach(b -> parts.add(b.change() + ": " + b.rows() + " existing row(s) violate it, so it was not added"));
        if (!remainingAccepted && !leftAlone.isEmpty()) {
            parts.add("drift repair leaves alone (it never drops, narrows or rewrites): " + String.join("; ", leftAlone)
                    + ". The SQL that would bring it back to its history:\n" + leftAloneSql.strip());
        }
        return parts.isEmpty() ? "" : database + " still differs from its history after the repair: "
                + String.join("; ", parts);
    }

    /** Whether the run succeeds: nothing blocked, and no drift left alone unless that was accepted. */
    public boolean ok() {
        return blocked.isEmpty() && (leftAlone.isEmpty() || remainingAccepted);
    }
}
