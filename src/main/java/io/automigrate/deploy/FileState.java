package io.automigrate.deploy;

/**
 * Where one migration file stands in a database. {@code file} is the path Liquibase records
 * ({@code db/migrations/20261122153000_x.sql}); {@code detail} says more for anything but a plain applied file.
 */
public record FileState(String file, State state, String detail) {
    public enum State {
        /** Every changeset ran and none changed since. */
        APPLIED("applied"),
        /** Not applied yet, and sorts after every applied migration: apply runs it next. */
        PENDING("pending"),
        /** Not applied, but sorts before a migration that is: it was merged late and skipped over. */
        OUT_OF_ORDER("out of order"),
        /** Applied, and the file changed since (its checksum differs from the recorded one). */
        EDITED("edited after apply"),
        /** Some of its changesets ran, others did not (a non-transactional changeset failed). */
        PARTIAL("partly applied"),
        /** Recorded as applied, but no migration file holds it any more. */
        MISSING("applied, file missing");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether this state needs attention (anything but applied). */
    public boolean needsAttention() {
        return state != State.APPLIED;
    }
}
