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
 * Runs the embedded server without the embedded library, from PostgreSQL's binaries unpacked in the cache folder
 * ({@link PostgresBinaries#install}): makes a new cluster with their initdb, and starts a cluster with their
 * postmaster. Measured on every later run: the library hashes its 10 MB binary archive to find the unpacked copy,
 * runs two probe processes, and waits for start and for stop in 100 ms steps, about 0.35 s in all; here the
 * postmaster is started directly, polled every few milliseconds, and stopped without waiting (the next start waits
 * for a postmaster that is still going down). Linux and macOS only; anything unexpected (a missing binary, an initdb
 * or a start that fails) leaves it to the library.
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

    /** The server's log, in its data directory. */
    static final String LOG = "automigrate-server.log";

    /** Whether {@code dataDirectory} holds a cluster (initdb's or the seed's). */
    static boolean initialised(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve("PG_VERSION"));
    }

    /**
     * initdb's options: the embedded library's (superuser postgres, trust, UTF-8; the locale is the environment's,
     * as the library passes none), and the seed's WAL segments of 1 MB ({@link PostgresSeed#create}): every new
     * cluster is alike, whether copied from the seed or made here, and initdb writes 15 MB less.
     */
    static final List<String> INITDB_OPTIONS = List.of("-A", "trust", "-U", "postgres", "-E", "UTF-8", "--wal-segsize=1");

    /**
     * A new cluster in {@code dataDirectory} (absent or empty) made by the initdb of the binaries in {@code home}:
     * made in a folder beside, moved into place when complete, so a run killed midway leaves no half cluster where
     * the next run looks. False when that fails (the caller then leaves it to the library).
     */
    static boolean initdb(Path home, Path dataDirectory) {
        Path partial = null;
        try {
            if (!PostgresSeed.emptyOrAbsent(dataDirectory)) return false;
            Files.createDirectories(dataDirectory.getParent());
            partial = Files.createTempDirectory(dataDirectory.getParent(), dataDirectory.getFileName() + ".initdb");
            List<String> arguments = new ArrayList<>(List.of("-D", partial.toString()));
            arguments.addAll(INITDB_OPTIONS);
            Process process = new ProcessBuilder(command(home.resolve("bin/initdb"), arguments))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return false;
            }
            if (process.exitValue() != 0 || !initialised(partial)) return false;
            Files.deleteIfExists(dataDirectory);
            Files.move(partial, dataDirectory, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            io.automigrate.TempFolders.deleteQuietly(partial);
        }
    }

    /** {@code binary} with {@code arguments}; as root, in a user namespace (PostgreSQL refuses to run as root). */
    private static List<String> command(Path binary, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // as the library does: the user namespace makes it an ordinary user
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binary.toString());
        command.addAll(arguments);
        return command;
    }

    /**
     * Starts the server of {@code dataDirectory} (an initialised cluster) with the postmaster {@code binary}, or
     * empty when that is not possible here; the caller then uses the library.
     */
    static Optional<CachedPostgres> start(Path dataDirectory, Path binary, Map<String, String> settings) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!(os.contains("linux") || os.contains("mac")) || !initialised(dataDirectory)
                || !Files.isExecutable(binary)) {
            return Optional.empty();
        }
        stopLeftover(dataDirectory);
        Process process = null;
        try {
            int port = freePort();
            List<String> arguments = new ArrayList<>(List.of("-D", dataDirectory.toString(), "-p", Integer.toString(port)));
            settings.forEach((key, value) -> arguments.addAll(List.of("-c", key + "=" + value)));
            List<String> command = command(binary, arguments);
            Path log = dataDirectory.resolve(LOG);
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
