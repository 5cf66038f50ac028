package io.automigrate.shadow;

import io.automigrate.AutomigrateException;
import io.automigrate.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.time.Duration;

/** Starts (or connects to) the server that throwaway databases live on. One server per run. */
public final class ShadowServers {
    private ShadowServers() {
    }

    /**
     * A throwaway server for work next to a live database of major version {@code liveMajor}: of that version where
     * the provider can (see {@link ShadowOptions#following}); where it cannot, {@code log} is told which versions
     * differ and that differences found may come from that.
     */
    public static ShadowServer startFor(ShadowOptions options, int liveMajor, java.util.function.Consumer<String> log) {
        ShadowOptions followed = options.following(liveMajor);
        if (followed.pgVersion() != options.pgVersion()) {
            log.accept("the throwaway server runs PostgreSQL " + liveMajor + ", the database's major version "
                    + "(configured: " + options.pgVersion() + ")");
        }
        ShadowServer server = start(followed);
        if (server.majorVersion() != liveMajor) {
            log.accept("warning: the throwaway server (" + server.description() + ") and the database (PostgreSQL "
                    + liveMajor + ") run different major versions: definitions (views, functions, defaults) print "
                    + "differently between versions, so a difference reported as drift or a failed verification may "
                    + "have that cause. Use the embedded shadow, which follows the database's version, or a "
                    + "PostgreSQL " + liveMajor + " server");
        }
        return server;
    }

    public static ShadowServer start(ShadowOptions options) {
        return switch (options.kind()) {
            case EMBEDDED -> embedded(options.pgVersion());
            case URL -> url(options.url());
            case TESTCONTAINERS -> TestcontainersShadow.start(options);
        };
    }

    /**
     * The embedded server runs from a data directory kept in the cache folder, so that a later run starts in a
     * fraction of a second and finds its history templates. When another process holds that directory, or caching
     * is off ({@code AUTOMIGRATE_CACHE=off}), it runs from a temporary directory instead.
     */
    static ShadowServer embedded(int major) {
        return embedded(major, cacheDirectory(), PostgresSeed.directory());
    }

    /**
     * As {@link #embedded(int)}, with the cache in {@code cache} (null: no cache) and a new data directory copied
     * from the seed in {@code seed} (null: none, {@link PostgresSeed}) rather than made by {@code initdb}.
     */
    static ShadowServer embedded(int major, Path cache, Path seed) {
        if (cache != null) {
            CacheLock lock = CacheLock.tryTake(cache, "pg" + major);
            if (lock != null) {
                try {
                    return embedded(major, cache.resolve("pg" + major), lock, seed, cache);
                } catch (RuntimeException e) {
                    lock.close();
                    if (e instanceof AutomigrateException ae && ae.exitCode() == io.automigrate.ExitCode.BAD_INPUT) {
                        throw ae;
                    }
                    // a damaged cache: a temporary server works as well, only slower
                }
            }
        }
        return embedded(major, null, null, seed, cache);
    }

    /**
     * Our own lock on a cache directory, held for the server's life. It is taken before the embedded library sees
     * the directory, because that library stops any postmaster it finds running in a data directory it is given
     * (it takes it for an orphan), which would kill another run's server.
     */
    private record CacheLock(Path file, java.nio.channels.FileChannel channel, java.nio.channels.FileLock lock)
            implements AutoCloseable {
        /**
         * The lock files this JVM holds. A second try from the same JVM must not even open the file: on Linux,
         * closing any channel to a file releases every lock the process holds on it, the first holder's included.
         */
        private static final Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static CacheLock tryTake(Path cache, String name) {
            Path file = cache.resolve(name + ".lock").toAbsolutePath().normalize();
            if (!HELD.add(file)) return null;
            try {
                Files.createDirectories(cache);
                java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    HELD.remove(file);
                    return null;
                }
                return new CacheLock(file, channel, lock);
            } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
                HELD.remove(file);
                return null;
            }
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            } finally {
                HELD.remove(file);
            }
        }
    }

    /** {@code AUTOMIGRATE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/automigrate}, else {@code $HOME/.cache/automigrate}. */
    static Path cacheDirectory() {
        return cacheDirectory(System.getenv(), System.getProperty("user.home"));
    }

    /** As {@link #cacheDirectory()}, from {@code env} and the account's home {@code userHome}; null when off. */
    static Path cacheDirectory(Map<String, String> env, String userHome) {
        if ("off".equalsIgnoreCase(env.getOrDefault("AUTOMIGRATE_CACHE", ""))) {
            return null;
        }
        if (env.get("AUTOMIGRATE_CACHE_DIR") != null && !env.get("AUTOMIGRATE_CACHE_DIR").isBlank()) {
            return Path.of(env.get("AUTOMIGRATE_CACHE_DIR"));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home(env, userHome).resolve(".cache");
        return base.resolve("automigrate");
    }

    /**
     * {@code HOME}, else the account's home. The JVM's {@code user.home} comes from the password database, not from
     * {@code HOME}: in a container action the job sets {@code HOME=/github/home} (the folder {@code actions/cache}
     * restores) while the account's home stays {@code /root}.
     */
    static Path home(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome);
    }

    /** The embedded server's settings. A throwaway server: durability buys nothing and costs time. */
    private static final Map<String, String> SETTINGS = Map.of(
            "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off", "max_connections", "200",
            "timezone", "UTC");

    /**
     * {@code cache}: the cache folder (null: none), where PostgreSQL's binaries are kept unpacked
     * ({@link PostgresBinaries#install}); {@code dataDirectory} and {@code lock}: the cache's data directory and its
     * lock, or null for a temporary server.
     */
    private static ShadowServer embedded(int major, Path dataDirectory, CacheLock lock, Path seed, Path cache) {
        PostgresBinaries binaries = PostgresBinaries.forMajor(major);
        java.util.Optional<Path> installed = cache == null ? java.util.Optional.empty() : binaries.installed(cache);
        if (dataDirectory != null) {
            java.util.Optional<CachedPostgres> cached = installed.isPresent()
                    ? CachedPostgres.start(dataDirectory, installed.get().resolve("bin/postgres"), SETTINGS)
                    : CachedPostgres.start(dataDirectory, binaries.version(), SETTINGS);
            if (cached.isPresent()) {
                CachedPostgres server = cached.get();
                io.automigrate.Trace.step("embedded server restarted from the cache");
                return started(server.port(), server, lock);
            }
        }
        // Without a cache, a seeded data directory goes into a temporary folder, removed when the server stops.
        Path temporary = null;
        try {
            Path data = dataDirectory;
            boolean seeded = seed != null && Files.isRegularFile(PostgresSeed.archive(seed, binaries.version()));
            if (data == null && seeded) {
                temporary = Files.createTempDirectory("automigrate-pg");
                data = temporary.resolve("data");
            }
            // A seeded start needs no initdb: with binaries kept in the cache, the library is not needed at all, and
            // they are unpacked (once) while the seed is.
            java.util.concurrent.CompletableFuture<Path> installing = cache != null && seeded && installed.isEmpty()
                    ? java.util.concurrent.CompletableFuture.supplyAsync(() -> installOrNull(binaries, cache))
                    : java.util.concurrent.CompletableFuture.completedFuture(installed.orElse(null));
            boolean planted = data != null && PostgresSeed.plant(seed, binaries.version(), data);
            if (planted) {
                io.automigrate.Trace.step("embedded server: data directory unpacked from the seed");
            } else if (temporary != null) {
                io.automigrate.TempFolders.deleteQuietly(temporary);
                temporary = null;
                data = null;
            }
            Path home = installing.join();
            if (home != null && data != null && Files.isRegularFile(data.resolve("PG_VERSION"))) {
                io.automigrate.Trace.step("embedded server: binaries ready in the cache");
                java.util.Optional<CachedPostgres> direct = CachedPostgres.start(data, home.resolve("bin/postgres"), SETTINGS);
                if (direct.isPresent()) {
                    io.automigrate.Trace.step("embedded server started from the cache's binaries");
                    CachedPostgres server = direct.get();
                    if (dataDirectory != null) {
                        CachedPostgres.remember(dataDirectory, binaries.version());
                        return started(server.port(), server, lock);
                    }
                    Path removed = temporary;
                    temporary = null;
                    return started(server.port(), () -> {
                        try {
                            server.stopAndWait();
                        } finally {
                            io.automigrate.TempFolders.deleteQuietly(removed);
                        }
                    }, null);
                }
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (data != null) {
                // an existing cluster (the cache's, or the seed's copy): the library starts it without initdb
                builder.setDataDirectory(data.toFile()).setCleanDataDirectory(false);
            }
            SETTINGS.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    .setPgBinaryResolver(binaries)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            io.automigrate.Trace.step("embedded server started by the library");
            if (dataDirectory != null) {
                CachedPostgres.remember(dataDirectory, binaries.version());
            }
            Path removed = temporary;
            AutoCloseable server = removed == null ? postgres : () -> {
                try {
                    postgres.close();
                } finally {
                    io.automigrate.TempFolders.deleteQuietly(removed);
                }
            };
            return started(postgres.getPort(), server, lock);
        } catch (IOException | RuntimeException e) {
            io.automigrate.TempFolders.deleteQuietly(temporary);
            if (e instanceof AutomigrateException ae) {
                throw ae;
            }
            throw AutomigrateException.database("cannot start the embedded PostgreSQL " + major + ": "
                    + e.getMessage() + " (try --shadow url with an existing server)", e);
        }
    }

    /** The binaries unpacked in {@code cache}, or null when that fails (the library then unpacks its own copy). */
    private static Path installOrNull(PostgresBinaries binaries, Path cache) {
        try {
            return binaries.install(cache);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The server on {@code port}; closing it stops {@code postgres}, then releases {@code lock}. With a lock it runs
     * from the cache's data directory, and is persistent.
     */
    private static ShadowServer started(int port, AutoCloseable postgres, CacheLock lock) {
        DatabaseUrl admin = DatabaseUrl.of("localhost", port, "postgres", "postgres", null);
        AutoCloseable owned = lock == null ? postgres : () -> {
            try {
                postgres.close();
            } finally {
                lock.close();
            }
        };
        try {
            return new ShadowServer(admin, "embedded", owned, lock != null);
        } catch (RuntimeException e) {
            io.automigrate.db.Connections.closeQuietly(owned);
            throw e;
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
