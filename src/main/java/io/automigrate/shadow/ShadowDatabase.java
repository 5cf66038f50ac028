package io.automigrate.shadow;

import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;

import java.sql.Connection;

/** One throwaway database; {@link #close()} drops it. */
public final class ShadowDatabase implements AutoCloseable {
    private final ShadowServer server;
    private final DatabaseUrl url;
    private boolean dropped;

    ShadowDatabase(ShadowServer server, DatabaseUrl url) {
        this.server = server;
        this.url = url;
    }

    public String name() {
        return url.database();
    }

    public DatabaseUrl url() {
        return url;
    }

    public Connection connect() {
        return Connections.open(url);
    }

    public ShadowServer server() {
        return server;
    }

    /** Kept by the server as a template: closing no longer drops it. */
    synchronized void kept() {
        dropped = true;
    }

    @Override
    public synchronized void close() {
        if (!dropped) {
            dropped = true;
            server.drop(name());
        }
    }
}
