package io.automigrate.shadow;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Starts the embedded server without the embedded library: the cache's server from the binaries the library unpacked
 * on an earlier run (recorded beside the data directory), or any initialised data directory from binaries unpacked in
 * the cache folder ({@link PostgresBinaries#install}). Measured on every later run: the library hashes its 10 MB
 * binary archive to find the unpacked copy, runs two probe processes, and waits for start and for stop in 100 ms
 * steps, about 0.35 s in all; here the postmaster is started directly, polled every few milliseconds, and stopped
 * without waiting (the next start waits for a postmaster that is still going down). Linux and macOS only; anything
 * unexpected (no record, a missing binary, a start that fails) leaves it to the library.
 */
final class CachedPostgres implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;

    private CachedPostgres(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** The file that records which unpacked binary serves {@code dataDirectory}. */
    private static Path record(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".server");
    }

    /**
     * After the library started a server on {@code dataDirectory}: remembers its binary (read from the running
     * postmaster) and {@code version}, for {@link #start}. Best effort.
     */
    static void remember(Path dataDirectory, String version) {
        try {
            Optional<String> binary = postmaster(dataDirectory).flatMap(p -> p.info().command());
            if (binary.isEmpty() || !Path.of(binary.get()).getFileName().toString().startsWith("postgres")) return;
            Properties record = new Properties();
            record.setProperty("version", version);
            record.setProperty("postgres", binary.get());
            Path partial = Files.createTempFile(dataDirectory.getParent(), "server", ".part");
            try (var out = Files.newOutputStream(partial)) {
                record.store(out, "the binary that runs this data directory (written by automigrate)");
            }
            Files.move(partial, record(dataDirectory), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the next run starts through the library again
        }
    }

    /**
     * Starts the server of {@code dataDirectory} (an initialised cluster) with the binary recorded for
     * {@code version}, or empty when that is not possible here; the caller then uses the library.
     */
    static Optional<CachedPostgres> start(Path dataDirectory, String version, Map<String, String> settings) {
        Properties record = new Properties();
        try (var in = Files.newInputStream(record(dataDirectory))) {
            record.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String binary = record.getProperty("postgres");
        if (!version.equals(record.getProperty("version")) || binary == null) {
            return Optional.empty();
        }
        return start(dataDirectory, Path.of(binary), settings);
    }

    /**
     * Starts the server of {@code dataDirectory} (an initialised cluster) with the postmaster {@code binary}, or
     * empty when that is not possible here; the caller then uses the library.
     */
    static Optional<CachedPostgres> start(Path dataDirectory, Path binary, Map<String, String> settings) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!(os.contains("linux") || os.contains("mac")) || !Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))
                || !Files.isExecutable(binary)) {
            return Optional.empty();
        }
        stopLeftover(dataDirectory);
        Process process = null;
        try {
            int port = freePort();
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                // PostgreSQL refuses to run as root; a user namespace makes it an ordinary user, as the library does
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(binary.toString(), "-D", dataDirectory.toString(), "-p", Integer.toString(port)));
            settings.forEach((key, value) -> command.addAll(List.of("-c", key + "=" + value)));
            Path log = dataDirectory.resolve("automigrate-server.log");
            // as private as the rest of the data directory
            if (!Files.exists(log)) Files.createFile(log);
            if (Files.getFileStore(log).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(log, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            CachedPostgres server = new CachedPostgres(process, port);
            if (server.awaitReady()) return Optional.of(server);
        } catch (IOException | RuntimeException e) {
            // the library tries next
        }
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(LEFTOVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }

    private boolean awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("connectTimeout", "5");
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Connection ignored = DriverManager.getConnection(url, login)) {
                return true;
            } catch (SQLException notYet) {
                // refused, or "the database system is starting up": poll again
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * A postmaster still running on the data directory: the previous run's, going down, or one left by a run that
     * was killed. The caller holds the cache lock, so it is no live run's server: it is asked to stop (SIGTERM, a
     * smart shutdown: its clients are gone) and waited for.
     */
    private static void stopLeftover(Path dataDirectory) {
        postmaster(dataDirectory).ifPresent(leftover -> {
            leftover.destroy();
            try {
                leftover.onExit().get(LEFTOVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                leftover.destroyForcibly();
            }
        });
    }

    /** The live postmaster named by the data directory's postmaster.pid, if there is one. */
    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            if (lines.isEmpty()) return Optional.empty();
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Asks the server to stop (a smart shutdown: this run's connections are closed) and does not wait. */
    @Override
    public void close() {
        process.destroy();
    }

    /** As {@link #close}, then waits for the server to be gone (before its data directory is removed). */
    void stopAndWait() {
        process.destroy();
        try {
            if (!process.waitFor(LEFTOVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(LEFTOVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
