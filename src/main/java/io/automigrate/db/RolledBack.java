package io.automigrate.db;

import io.automigrate.AutomigrateException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on a database in one transaction that is always rolled back, so the database's schema is left exactly as
 * it was (PostgreSQL's DDL is transactional; if the process dies, the server rolls back). Only dead catalog rows
 * remain, for a vacuum to clear (see {@code ShadowServer.vacuumInBackground}). Plan uses it to load a schema or
 * try a migration on a database it keeps, instead of copying that database first: a copy writes hundreds of files.
 * The work must not end the transaction itself (no COMMIT or ROLLBACK statements; see
 * {@link io.automigrate.migrate.DeferredCommits} for Liquibase).
 */
public final class RolledBack {
    private RolledBack() {
    }

    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public static <T> T run(DatabaseUrl url, Work<T> work) {
        Connection connection = Connections.open(url);
        try {
            connection.setAutoCommit(false);
            return work.run(connection);
        } catch (SQLException e) {
            throw AutomigrateException.database("throwaway database " + url.database() + ": "
                    + Connections.describe(e), e);
        } finally {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // a broken connection: the server rolls the transaction back as the session ends
            }
            Connections.closeQuietly(connection);
        }
    }
}
