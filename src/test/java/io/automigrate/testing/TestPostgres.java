package io.automigrate.testing;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one embedded PostgreSQL server shared by every test in a JVM (started on first use, stopped at exit).
 * Tests make their own throwaway databases on it and drop them.
 */
public final class TestPostgres {
    private static ShadowServer server;

    private TestPostgres() {
    }

    public static synchronized ShadowServer server() {
        if (server == null) {
            server = ShadowServers.start(ShadowOptions.embedded());
            ShadowServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server;
    }

    public static ShadowDatabase newDatabase(String purpose) {
        return server().createDatabase(purpose);
    }

    /**
     * The catalog {@code sql} (several statements are fine) makes on the database, read inside a transaction that is
     * then rolled back: DDL is transactional, so many schemas can be inspected on one database, each from its start.
     */
    public static io.automigrate.catalog.Catalog inspectRolledBack(ShadowDatabase database, String sql)
            throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                if (!sql.isBlank()) st.execute(sql);
                return io.automigrate.inspect.CatalogInspector.inspect(c, io.automigrate.inspect.InspectOptions.all());
            } finally {
                c.rollback();
            }
        }
    }

    /** Runs a script (several statements are fine) on the database. */
    public static void execute(ShadowDatabase database, String sql) {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + sql, e);
        }
    }
}
