package io.automigrate.deploy;

import java.util.List;

/**
 * What an apply or rollback did. {@code steps} are the atomic steps run (or, for a dry run, that would run), each
 * with its SQL and how long it took; {@code notes} are things the user should know (a stale lock released, drift
 * accepted with --allow-drift, findings allowed); {@code backup} is the dump file written, if any.
 */
public record DeployResult(Kind kind, Status status, String database, List<StepResult> steps, List<String> notes,
                           String backup, long millis) {
    public enum Kind { APPLY, ROLLBACK }

    /** {@code FAILED}: only from the start-up API with failOnError(false); the note says why. */
    public enum Status { SWITCHED_OFF, SKIPPED, UP_TO_DATE, DRY_RUN, APPLIED, ROLLED_BACK, FAILED }

    public DeployResult {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** One atomic step: the file, its changesets ({@code author:id}), whether in one transaction, its SQL, duration. */
    public record StepResult(String file, List<String> changesets, boolean transactional, String sql, long millis) {
        public StepResult {
            changesets = List.copyOf(changesets);
        }
    }

    public static DeployResult nothing(Kind kind, Status status, String database, String note) {
        return new DeployResult(kind, status, database, List.of(), List.of(note), null, 0);
    }

    /** An apply that {@code AUTO_MIGRATE} switched off, its note naming the value that did. */
    public static DeployResult switchedOff(java.util.Map<String, String> variables) {
        return nothing(Kind.APPLY, Status.SWITCHED_OFF, "-", io.automigrate.config.AutoMigrate.given(variables)
                + ": unset it (or set it to true) to apply migrations");
    }

    public int changesetCount() {
        return steps.stream().mapToInt(s -> s.changesets().size()).sum();
    }
}
