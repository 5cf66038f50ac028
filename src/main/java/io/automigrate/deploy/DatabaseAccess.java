package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a deploy gets its connections: a URL (the CLI, with retries) or an application's {@link DataSource}
 * (start-up use). Every connection is labelled with {@code application_name}, so that a deployer waiting for the
 * lock can say who holds it.
 */
public interface DatabaseAccess {
    /** A new connection in auto-commit mode, labelled {@code applicationName}. */
    Connection open(String applicationName);

    /** The database, for messages: never a password. */
    String display();

    /** The URL, for {@code pg_dump}; null when connections come from a DataSource. */
    DatabaseUrl url();

    static DatabaseAccess of(DatabaseUrl url, io.automigrate.config.RetryConfig retry, java.util.function.Consumer<String> log) {
        return new UrlAccess(url, retry, log);
    }

    static DatabaseAccess of(DataSource dataSource, String description) {
        return new DatabaseAccess() {
            @Override
            public Connection open(String applicationName) {
                try {
                    Connection connection = dataSource.getConnection();
                    connection.setAutoCommit(true);
                    label(connection, applicationName);
                    return connection;
                } catch (SQLException e) {
                    throw AutomigrateException.database("cannot connect to " + description + ": "
                            + Connections.describe(e), e);
                }
            }

            @Override
            public String display() {
                return description;
            }

            @Override
            public DatabaseUrl url() {
                return null;
            }
        };
    }

    /** Sets {@code application_name} for the session (a DataSource's pool may have set another). */
    static void label(Connection connection, String applicationName) throws SQLException {
        try (var st = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            st.setString(1, applicationName);
            st.execute();
        }
    }

    /** Runs one or more statements with auto-commit as the connection has it. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Connects with exponential backoff and jitter while the failure looks passing (server down, starting, full). */
    final class UrlAccess implements DatabaseAccess {
        private final DatabaseUrl url;
        private final io.automigrate.config.RetryConfig retry;
        private final java.util.function.Consumer<String> log;

        UrlAccess(DatabaseUrl url, io.automigrate.config.RetryConfig retry, java.util.function.Consumer<String> log) {
            this.url = url;
            this.retry = retry;
            this.log = log;
        }

        @Override
        public Connection open(String applicationName) {
            long start = System.nanoTime();
            long deadline = start + retry.maxWait().toNanos();
            long delay = retry.initialDelay().toMillis();
            for (int attempt = 1; ; attempt++) {
                try {
                    Connection connection = Connections.open(url);
                    try {
                        label(connection, applicationName);
                    } catch (SQLException e) {
                        Connections.closeQuietly(connection);
                        throw AutomigrateException.database("cannot use the connection to " + url.display() + ": "
                                + Connections.describe(e), e);
                    }
                    return connection;
                } catch (AutomigrateException e) {
                    long wait = Math.max(1, Math.round(Math.min(delay, retry.maxDelay().toMillis())
                            * (0.5 + Math.random() / 2)));
                    boolean last = attempt >= retry.attempts()
                            || System.nanoTime() + wait * 1_000_000L > deadline;
                    if (!passing(e) || last) {
                        if (attempt > 1 && passing(e)) {
                            throw AutomigrateException.database(e.getMessage() + " (gave up after " + attempt
                                    + " attempts in " + seconds(System.nanoTime() - start) + "; see 'retry' in "
                                    + io.automigrate.config.Config.FILE_NAME + ")", e.getCause());
                        }
                        throw e;
                    }
                    log.accept("connection attempt " + attempt + "/" + retry.attempts() + " failed: "
                            + e.getMessage() + "; retrying in " + seconds(wait * 1_000_000L));
                    sleep(wait);
                    delay = Math.min(delay * 2, retry.maxDelay().toMillis());
                }
            }
        }

        /**
         * Server not reachable yet, starting up, shutting down or out of connection slots: worth another try. A
         * server that refuses SSL (sslmode=require against one without it) says so at once and will again; a host
         * name that does not resolve is a wrong URL.
         */
        private static boolean passing(AutomigrateException e) {
            if (!(e.getCause() instanceof SQLException sql) || sql.getSQLState() == null) return false;
            if (Connections.sslRefused(sql) || Connections.unresolvedHost(sql) != null) return false;
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P03") || state.equals("53300");
        }

        private static String seconds(long nanos) {
            return String.format(java.util.Locale.ROOT, "%.1fs", nanos / 1e9);
        }

        @Override
        public String display() {
            return url.display();
        }

        @Override
        public DatabaseUrl url() {
            return url;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AutomigrateException.database("interrupted while waiting", e);
        }
    }
}
