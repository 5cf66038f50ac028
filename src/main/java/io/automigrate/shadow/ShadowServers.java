package io.automigrate.shadow;

import io.automigrate.AutomigrateException;
import io.automigrate.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.time.Duration;

/** Starts (or connects to) the server that throwaway databases live on. One server per run. */
public final class ShadowServers {
    private ShadowServers() {
    }

    public static ShadowServer start(ShadowOptions options) {
        return switch (options.kind()) {
            case EMBEDDED -> embedded(options.pgVersion());
            case URL -> url(options.url());
            case TESTCONTAINERS -> TestcontainersShadow.start(options);
        };
    }

    static ShadowServer embedded(int major) {
        PostgresBinaries binaries = PostgresBinaries.forMajor(major);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(binaries)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // A throwaway server: durability buys nothing and costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            DatabaseUrl admin = DatabaseUrl.of("localhost", postgres.getPort(), "postgres", "postgres", null);
            return new ShadowServer(admin, "embedded", postgres);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AutomigrateException ae) {
                throw ae;
            }
            throw AutomigrateException.database("cannot start the embedded PostgreSQL " + major + ": "
                    + e.getMessage() + " (try --shadow url with an existing server)", e);
        }
    }

    static ShadowServer url(String url) {
        if (url == null || url.isBlank()) {
            throw AutomigrateException.badInput("--shadow url needs --shadow-url postgresql://user:password@host/db "
                    + "(a server where this user may create databases)");
        }
        DatabaseUrl admin = DatabaseUrl.parse(url);
        return new ShadowServer(admin, "server at " + admin.display(), null);
    }
}
