package io.automigrate.sql;

import io.automigrate.sqltext.Sql;
import java.time.Duration;

/**
 * How a migration is rendered. {@code online}: the forms that keep a busy table available (indexes built and dropped
 * CONCURRENTLY, constraints added NOT VALID then validated, SET NOT NULL through a validated check, unique and primary
 * keys from a concurrently built index) and a {@code lock_timeout} at the start of every changeset, so that a
 * statement waiting for a lock gives up instead of queueing every query of the table behind it. {@code lockTimeout}
 * zero sets none.
 */
public record RenderOptions(boolean online, Duration lockTimeout) {
    public RenderOptions {
        if (lockTimeout == null || lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must be zero or positive: " + lockTimeout);
        }
    }

    /** The plain forms, as {@link MigrationRenderer#render(io.automigrate.diff.SchemaDiff)} gives them. */
    public static RenderOptions offline() {
        return new RenderOptions(false, Duration.ZERO);
    }

    public static RenderOptions online(Duration lockTimeout) {
        return new RenderOptions(true, lockTimeout);
    }

    /**
     * The statement that opens a changeset, or null when none is needed (offline, or no timeout). A transactional
     * changeset sets the timeout for its own transaction only ({@code SET LOCAL}). A changeset that runs outside a
     * transaction ({@code CREATE INDEX CONCURRENTLY}, enum {@code ADD VALUE}) turns it off for its session: while such a
     * statement waits it blocks no read or write of the table, and a concurrent index build cancelled by a timeout
     * would leave an INVALID index behind.
     */
    public Statement lockTimeoutStatement(boolean transactional) {
        if (!online || lockTimeout.isZero()) {
            return null;
        }
        return Statement.of(transactional ? "SET LOCAL lock_timeout = " + Sql.literal(setting(lockTimeout)) + ";"
                : "SET lock_timeout = 0;");
    }

    /** {@code 5s}, {@code 1500ms}: the unit PostgreSQL reads in a setting. */
    private static String setting(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
