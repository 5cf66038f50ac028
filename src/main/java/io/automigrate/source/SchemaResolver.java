package io.automigrate.source;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.db.Connections;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Turns schema sources into catalogs. SQL files and {@code empty} are loaded into a fresh throwaway database;
 * a URL is inspected read-only and nothing is ever created there. The shadow server starts on first need (two
 * URLs need none) and is shared by every source of the run; {@link #close()} stops it.
 */
public final class SchemaResolver implements AutoCloseable {
    private final ShadowOptions shadowOptions;
    private final InspectOptions inspectOptions;
    private ShadowServer server;
    /** Drops the throwaway databases and stops the server when the run is interrupted (Ctrl-C). */
    private Thread interruptCleanup;

    public SchemaResolver(ShadowOptions shadowOptions, InspectOptions inspectOptions) {
        this.shadowOptions = shadowOptions;
        this.inspectOptions = inspectOptions;
    }

    public Catalog resolve(SchemaSource source) {
        if (source instanceof SchemaSource.Database database) {
            return inspect(Connections.openReadOnly(database.url()), source);
        }
        try (ShadowDatabase database = shadow().createDatabase("source")) {
            if (source instanceof SchemaSource.SqlFiles files) {
                SqlLoader.load(files.sqlFiles(), database.url());
            }
            return inspect(database.connect(), source);
        }
    }

    /** Whether this run needed a shadow server. */
    public boolean shadowStarted() {
        return server != null;
    }

    private ShadowServer shadow() {
        if (server == null) {
            server = ShadowServers.start(shadowOptions);
            interruptCleanup = new Thread(server::close, "automigrate-shadow-cleanup");
            Runtime.getRuntime().addShutdownHook(interruptCleanup);
        }
        return server;
    }

    private Catalog inspect(Connection connection, SchemaSource source) {
        try (connection) {
            return CatalogInspector.inspect(connection, inspectOptions);
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read the schema of " + source.describe() + ": "
                    + Connections.describe(e), e);
        }
    }

    private void removeCleanup() {
        try {
            Runtime.getRuntime().removeShutdownHook(interruptCleanup);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } finally {
                server = null;
                removeCleanup();
            }
        }
    }
}
