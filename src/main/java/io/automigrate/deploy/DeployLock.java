package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.db.Connections;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One deployer at a time. A PostgreSQL session-level advisory lock keyed by the project (its migrations location),
 * held on a connection of its own for the whole deploy; Liquibase's DATABASECHANGELOGLOCK is taken by Liquibase
 * inside each migration's transaction. A second deployer waits up to {@code lock-wait}, saying who holds the lock.
 * <p>
 * Holding the advisory lock proves that no other automigrate deployer is alive (PostgreSQL frees it when a session
 * ends, however the process died). So a DATABASECHANGELOGLOCK row still marked locked at that point was left by a
 * killed process, and is released.
 */
public final class DeployLock implements AutoCloseable {
    /** First half of the advisory key: automigrate's namespace ("am" in ASCII), so other users of pg_advisory_lock do not clash. */
    public static final int NAMESPACE = 0x616d;

    private final Connection connection;
    private final int key;

    private DeployLock(Connection connection, int key) {
        this.connection = connection;
        this.key = key;
    }

    /** The second half of the key: a stable hash of what identifies the project's history in this database. */
    public static int projectKey(String migrationsLocation) {
        byte[] bytes = migrationsLocation.getBytes(StandardCharsets.UTF_8);
        int hash = 0x811c9dc5;
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        return hash & 0x7fffffff;
    }

    /**
     * Waits for the lock up to {@code wait}, reporting the holder on {@code log} now and then; exit 3 naming the
     * holder when the wait runs out. The connection is owned by the lock from here on.
     */
    public static DeployLock acquire(Connection connection, int key, Duration wait, String database, Consumer<String> log) {
        long deadline = System.nanoTime() + wait.toNanos();
        long nextReport = 0;
        try {
            while (true) {
                if (tryLock(connection, key)) {
                    return new DeployLock(connection, key);
                }
                String holder = holder(connection, key);
                long now = System.nanoTime();
                if (now >= deadline) {
                    Connections.closeQuietly(connection);
                    throw AutomigrateException.database("another deployer holds the deploy lock on " + database
                            + ": " + holder + "; waited " + wait.toSeconds() + "s ('lock-wait'). Wait for it to "
                            + "finish, or if that process is gone, end its session (SELECT pg_terminate_backend(pid))", null);
                }
                if (now >= nextReport) {
                    log.accept("waiting for the deploy lock on " + database + ": held by " + holder);
                    nextReport = now + Duration.ofSeconds(10).toNanos();
                }
                DatabaseAccess.sleep(Math.min(250, Math.max(1, (deadline - now) / 1_000_000)));
            }
        } catch (SQLException e) {
            Connections.closeQuietly(connection);
            throw AutomigrateException.database("cannot take the deploy lock on " + database + ": "
                    + Connections.describe(e), e);
        }
    }

    private static boolean tryLock(Connection connection, int key) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            st.setInt(1, NAMESPACE);
            st.setInt(2, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** "automigrate apply (ci-runner pid 4242) from 10.0.0.7, since 2026-11-22 23:40:01 UTC (backend pid 812)". */
    static String holder(Connection connection, int key) throws SQLException {
        String sql = """
                SELECT a.pid, coalesce(nullif(a.application_name, ''), 'an unnamed client'), host(a.client_addr),
                       to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid = ?::int::oid AND l.objid = ?::int::oid AND l.objsubid = 2""";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setInt(1, NAMESPACE);
            st.setInt(2, key);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return "a session that just ended";
                return rs.getString(2) + (rs.getString(3) == null ? " (local socket)" : " from " + rs.getString(3))
                        + ", connected since " + rs.getString(4) + " UTC (backend pid " + rs.getInt(1) + ")";
            }
        }
    }

    /**
     * Releases a DATABASECHANGELOGLOCK left locked by a killed process; returns what it did, or null when the table
     * is absent or unlocked. Safe only while this lock is held (see the class comment).
     */
    public String releaseStaleLiquibaseLock() {
        try {
            if (!ChangelogTable.exists(connection, "databasechangeloglock")) return null;
            String lockedBy;
            String since;
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT lockedby, to_char(lockgranted, 'YYYY-MM-DD HH24:MI:SS') FROM databasechangeloglock "
                            + "WHERE id = 1 AND locked");
                 ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return null;
                lockedBy = rs.getString(1);
                since = rs.getString(2);
            }
            try (PreparedStatement st = connection.prepareStatement("UPDATE databasechangeloglock SET locked = false, "
                    + "lockgranted = NULL, lockedby = NULL WHERE id = 1 AND locked")) {
                st.executeUpdate();
            }
            return "released a stale Liquibase lock (DATABASECHANGELOGLOCK) held by " + (lockedBy == null ? "unknown"
                    : lockedBy) + " since " + since + ": no automigrate deployer was running, so it was left by a "
                    + "process that was killed";
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read Liquibase's lock table: " + Connections.describe(e), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            st.setInt(1, NAMESPACE);
            st.setInt(2, key);
            st.execute();
        } catch (SQLException ignored) {
            // the session ending frees the lock as well
        }
        Connections.closeQuietly(connection);
    }
}
