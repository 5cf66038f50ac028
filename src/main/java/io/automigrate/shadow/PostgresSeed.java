package io.automigrate.shadow;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A data directory made by {@code initdb} ahead of time (at image build), so that a run whose cache holds no
 * cluster yet starts the embedded server from a copy of it instead of running {@code initdb}: measured in the
 * action's image, {@code initdb} was the larger half of a cold start. The seed folder is read-only and may be shared
 * by every user of a machine; a run unpacks its own copy (owned by the running user, modes as {@code initdb} sets
 * them) into the cache or a temporary folder, so no state passes between runs. Named by {@value #ENV}; without it,
 * or without an archive for the exact binaries version, a run makes its cluster with {@code initdb}
 * ({@link CachedPostgres#initdb}, as {@link #create} does).
 *
 * <p>The archive is a tar in xz (the compression the embedded library already ships, via its own dependencies
 * commons-compress and xz): the cluster's 28 MB are three near-identical databases and a WAL segment,
 * about 1 MB in xz, where the image has no room for the 28 MB.
 */
public final class PostgresSeed {
    /** The environment variable naming the seed folder (the action's image sets it). */
    public static final String ENV = "AUTOMIGRATE_SEED_DIR";

    private PostgresSeed() {
    }

    /** The seed folder named by {@value #ENV}, or null. */
    static Path directory() {
        String dir = System.getenv(ENV);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** The archive of a cluster made by binaries {@code version} (e.g. 17.6.0) in {@code seed}. */
    static Path archive(Path seed, String version) {
        return seed.resolve("postgres-" + version + "-data.tar.xz");
    }

    /**
     * Unpacks the seed's cluster for binaries {@code version} into {@code dataDirectory}, which must not exist or be
     * empty. False (and nothing written) when there is no seed for that version, when {@code dataDirectory} holds
     * anything, or when unpacking fails: the caller then lets the library run {@code initdb}.
     */
    static boolean plant(Path seed, String version, Path dataDirectory) {
        if (seed == null) return false;
        Path archive = archive(seed, version);
        if (!Files.isRegularFile(archive) || !emptyOrAbsent(dataDirectory)) return false;
        Path partial = null;
        try {
            Files.createDirectories(dataDirectory.getParent());
            partial = Files.createTempDirectory(dataDirectory.getParent(), dataDirectory.getFileName() + ".seed");
            unpack(archive, partial);
            if (!Files.isRegularFile(partial.resolve("PG_VERSION"))) return false;
            // PostgreSQL refuses a data directory that others may read
            if (Files.getFileStore(partial).supportsFileAttributeView("posix")) TarXz.setMode(partial, 0700);
            Files.deleteIfExists(dataDirectory);
            Files.move(partial, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            io.automigrate.TempFolders.deleteQuietly(partial);
        }
    }

    /** Whether {@code directory} can take a new cluster: absent or empty (a folder that holds anything is left alone). */
    static boolean emptyOrAbsent(Path directory) {
        if (!Files.exists(directory)) return true;
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void unpack(Path archive, Path target) throws IOException {
        try (InputStream file = Files.newInputStream(archive)) {
            TarXz.unpack(file, target, false);
        }
    }

    /**
     * Makes the seed of PostgreSQL {@code major} in {@code seed}: the cluster a run without a seed makes
     * ({@link CachedPostgres#initdb}: same binaries, options and locale, which is the caller's environment, and WAL
     * segments of 1 MB instead of 16: a 16 MB segment of zeros is most of what a run would unpack and write; a
     * throwaway server never misses the larger segment), started once and stopped cleanly; the data directory, less
     * the server's log, goes into the archive, readable by all. The binaries are unpacked into the cache folder
     * ({@link ShadowServers#cacheDirectory()}, where a run finds them again), or a temporary one.
     * {@code preset}: xz's, 0 (fast) to 9 (smallest; 12 s of CPU for the 28 MB). Returns the cluster's system
     * identifier (unique to one {@code initdb}).
     */
    static long create(Path seed, int major, int preset) throws IOException {
        PostgresBinaries binaries = PostgresBinaries.forMajor(major);
        Path work = Files.createTempDirectory("automigrate-seed");
        try {
            Path cache = ShadowServers.cacheDirectory();
            Path home = binaries.install(cache != null ? cache : work);
            Path data = work.resolve("data");
            if (!CachedPostgres.initdb(home, data)) {
                throw new IOException("initdb of PostgreSQL " + binaries.version() + " failed (" + home + ")");
            }
            CachedPostgres server = CachedPostgres.start(data, home.resolve("bin/postgres"), Map.of())
                    .orElseThrow(() -> new IOException("the seed server did not start: " + log(data)));
            long identifier;
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port()
                    + "/postgres", "postgres", "");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT system_identifier FROM pg_control_system()")) {
                rs.next();
                identifier = rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IOException("the seed server did not answer: " + e.getMessage(), e);
            } finally {
                server.stopAndWait();
            }
            // PostgreSQL removes its pid file when it stops cleanly (a shutdown checkpoint: no recovery at each start)
            if (Files.exists(data.resolve("postmaster.pid"))) {
                throw new IOException("the seed server did not stop cleanly: " + log(data));
            }
            Files.deleteIfExists(data.resolve("postmaster.opts"));
            Files.deleteIfExists(data.resolve(CachedPostgres.LOG));
            Files.createDirectories(seed);
            Path archive = archive(seed, binaries.version());
            Path partial = Files.createTempFile(seed, "seed", ".part");
            try {
                pack(data, partial, preset);
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return identifier;
        } finally {
            io.automigrate.TempFolders.deleteQuietly(work);
        }
    }

    /** The server's log in {@code data}, for an error message. */
    private static String log(Path data) {
        try {
            return Files.readString(data.resolve(CachedPostgres.LOG)).strip();
        } catch (IOException e) {
            return "no log";
        }
    }

    private static void pack(Path data, Path archive, int preset) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(file, new LZMA2Options(preset)));
             Stream<Path> walk = Files.walk(data)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path path : walk.sorted().toList()) {
                if (path.equals(data)) continue;
                String name = data.relativize(path).toString().replace('\\', '/');
                TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), name);
                entry.setMode((Files.isDirectory(path) ? 040000 : 0100000) | modeOf(path));
                entry.setIds(0, 0);
                entry.setNames("", "");
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(path)) Files.copy(path, tar);
                tar.closeArchiveEntry();
            }
        }
    }

    private static int modeOf(Path path) throws IOException {
        int mode = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(path)) {
            mode |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                default -> 0;
            };
        }
        return mode;
    }

    /**
     * {@code java -cp automigrate.jar io.automigrate.shadow.PostgresSeed FOLDER [MAJOR]}: makes the seed (the
     * action's Dockerfile runs it at build time).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: PostgresSeed FOLDER [MAJOR]");
            System.exit(2);
        }
        int major = args.length == 2 ? Integer.parseInt(args[1]) : PostgresBinaries.BUNDLED_MAJOR;
        // xz's strongest preset: its 64 MB dictionary spans all three databases, which are near copies (1.0 MB; 1.4 at
        // the default preset)
        long identifier = create(Path.of(args[0]), major, 9);
        Path archive = archive(Path.of(args[0]), PostgresBinaries.forMajor(major).version());
        System.out.println("seed: " + archive + " (" + Files.size(archive) + " bytes, system identifier "
                + identifier + ")");
    }
}
