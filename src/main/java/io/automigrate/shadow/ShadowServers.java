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
     * lock, or null for a temporary server (its data directory in a temporary folder, removed when it stops).
     * One road: the data directory is the cache's cluster, else a copy of the seed, else made by the cached binaries'
     * initdb, and the cached binaries start it. The embedded library (which unpacks its own copy of the binaries into
     * java.io.tmpdir, outside the cache) is the fallback: no cache folder, or the binaries could not be unpacked there.
     */
    private static ShadowServer embedded(int major, Path dataDirectory, CacheLock lock, Path seed, Path cache) {
        PostgresBinaries binaries = PostgresBinaries.forMajor(major);
        Path temporary = null;
        try {
            java.util.Optional<Path> installed = cache == null ? java.util.Optional.empty() : binaries.installed(cache);
            // unpacked (once) while the seed is
            java.util.concurrent.CompletableFuture<Path> installing = cache == null || installed.isPresent()
                    ? java.util.concurrent.CompletableFuture.completedFuture(installed.orElse(null))
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> installOrNull(binaries, cache));
            Path data = dataDirectory;
            if (data == null) {
                temporary = Files.createTempDirectory("automigrate-pg");
                data = temporary.resolve("data");
            }
            boolean restart = CachedPostgres.initialised(data);
            if (!restart && PostgresSeed.plant(seed, binaries.version(), data)) {
                io.automigrate.Trace.step("embedded server: data directory unpacked from the seed");
            }
            Path home = installing.join();
            if (home != null) {
                if (installed.isEmpty()) io.automigrate.Trace.step("embedded server: binaries ready in the cache");
                if (!CachedPostgres.initialised(data) && CachedPostgres.initdb(home, data)) {
                    io.automigrate.Trace.step("embedded server: data directory made by initdb");
                }
                java.util.Optional<CachedPostgres> direct = CachedPostgres.start(data, home.resolve("bin/postgres"), SETTINGS);
                if (direct.isPresent()) {
                    io.automigrate.Trace.step(restart ? "embedded server restarted from the cache"
                            : "embedded server started from the cache's binaries");
                    CachedPostgres server = direct.get();
                    return started(server.port(), temporary == null ? server : removing(server::stopAndWait, temporary),
                            lock);
                }
            }
            // the library runs initdb where the data directory holds no cluster yet, and starts it
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data.toFile()).setCleanDataDirectory(false);
            SETTINGS.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    .setPgBinaryResolver(binaries)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            io.automigrate.Trace.step("embedded server started by the library");
            return started(postgres.getPort(), temporary == null ? postgres : removing(postgres, temporary), lock);
        } catch (IOException | RuntimeException e) {
            io.automigrate.TempFolders.deleteQuietly(temporary);
            if (e instanceof AutomigrateException ae) {
                throw ae;
            }
            throw AutomigrateException.database("cannot start the embedded PostgreSQL " + major + ": "
                    + e.getMessage() + " (try --shadow url with an existing server)", e);
        }
    }

    /** Stops {@code server}, then removes the temporary folder it ran from. */
    private static AutoCloseable removing(AutoCloseable server, Path temporary) {
        return () -> {
            try {
                server.close();
            } finally {
                io.automigrate.TempFolders.deleteQuietly(temporary);
            }
        };
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
