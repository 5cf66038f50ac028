package io.automigrate.shadow;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed of the action's image (made as the Dockerfile makes it): a run with an empty cache, or with none, starts
 * from a copy of the seed's cluster (the same system identifier: no initdb ran), owned by the running user with
 * initdb's modes; with a cache, from binaries unpacked there (no embedded library); without a seed for the binaries'
 * version, initdb runs as before.
 */
class PostgresSeedTest {
    private static final int MAJOR = PostgresBinaries.BUNDLED_MAJOR;
    private static final String VERSION = PostgresBinaries.forMajor(MAJOR).version();

    @TempDir
    static Path seed;
    private static long seedIdentifier;

    @TempDir
    Path cache;

    @BeforeAll
    static void makeTheSeed() throws Exception {
        // the fastest compression: the image's strongest takes 12 s of CPU for the same archive
        seedIdentifier = PostgresSeed.create(seed, MAJOR, 0);
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(PostgresSeed.archive(seed, VERSION));
        assertTrue(modes.contains(PosixFilePermission.OTHERS_READ), "any user reads the seed: " + modes);
    }

    /** The cluster's system identifier and its data directory, as the running server reports them. */
    private static String[] identity(ShadowServer server) throws Exception {
        try (ShadowDatabase db = server.createDatabase("probe"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int)");
            try (ResultSet rs = st.executeQuery("SELECT system_identifier, current_setting('data_directory') "
                    + "FROM pg_control_system()")) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private static String setting(ShadowServer server, String name) throws Exception {
        try (ShadowDatabase db = server.createDatabase("setting"); Connection c = db.connect();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anEmptyCacheStartsFromTheSeedAndKeepsIt() throws Exception {
        Path data = cache.resolve("pg" + MAJOR);
        ProcessHandle postmaster;
        try (ShadowServer first = ShadowServers.embedded(MAJOR, cache, seed)) {
            assertTrue(first.persistent());
            String[] identity = identity(first);
            assertEquals(Long.toString(seedIdentifier), identity[0], "the seed's cluster, not a new initdb");
            assertEquals(data.toRealPath(), Path.of(identity[1]).toRealPath());
            assertEquals("1MB", setting(first, "wal_segment_size"), "the seed's smaller WAL segments");
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            postmaster = ProcessHandle.of(pid).orElseThrow();
            assertEquals(ProcessHandle.current(), postmaster.parent().orElseThrow(), "started directly, not by the library");
            Path installed = PostgresBinaries.forMajor(MAJOR).installed(cache).orElseThrow();
            assertEquals(installed.resolve("bin/postgres").toRealPath(), Path.of("/proc/" + pid + "/exe").toRealPath(),
                    "the binaries unpacked in the cache folder");
        }
        // a direct start's stop does not wait for the server; its files settle once it is gone
        postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(data), "PostgreSQL's own mode");
        Object me = Files.getAttribute(cache, "unix:uid");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : files.toList()) {
                assertEquals(me, Files.getAttribute(p, "unix:uid"), p + " belongs to the running user");
                assertFalse(Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_READ), p.toString());
            }
        }
        try (Stream<Path> siblings = Files.list(cache)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".seed")
                    || p.getFileName().toString().startsWith(".postgres-")), "no partial copy left");
        }
        try (ShadowServer second = ShadowServers.embedded(MAJOR, cache, seed)) {
            assertEquals(Long.toString(seedIdentifier), identity(second)[0], "the cache's cluster, kept");
        }
    }

    @Test
    void withoutACacheTheSeedGoesToATemporaryFolderRemovedOnStop() throws Exception {
        Path data;
        try (ShadowServer server = ShadowServers.embedded(MAJOR, null, seed)) {
            assertFalse(server.persistent());
            String[] identity = identity(server);
            assertEquals(Long.toString(seedIdentifier), identity[0]);
            data = Path.of(identity[1]);
            assertTrue(Files.isDirectory(data));
        }
        assertFalse(Files.exists(data), "removed with the server: " + data);
    }

    @Test
    void withoutASeedForTheseBinariesInitdbRunsAsBefore() throws Exception {
        // a folder with another version's seed only (a seed from an older image, say)
        Path other = cache.resolve("other-seed");
        Files.createDirectories(other);
        Files.copy(PostgresSeed.archive(seed, VERSION), PostgresSeed.archive(other, "0.0.0"));
        try (ShadowServer server = ShadowServers.embedded(MAJOR, cache, other)) {
            assertTrue(server.persistent());
            assertNotEquals(Long.toString(seedIdentifier), identity(server)[0], "a cluster of its own");
        }
    }

    @Test
    void theSeedIsAClusterStoppedCleanlyWithNothingOfTheRunThatMadeIt() throws Exception {
        Path data = cache.resolve("planted");
        assertTrue(PostgresSeed.plant(seed, VERSION, data));
        for (String leftover : List.of("postmaster.pid", "postmaster.opts", CachedPostgres.LOG, "epg-lock")) {
            assertFalse(Files.exists(data.resolve(leftover)), leftover);
        }
        // pg_control (the binaries hold no pg_controldata): the system identifier, then at byte 16 the state, where
        // 1 is DB_SHUTDOWNED (PostgreSQL's catalog/pg_control.h), in the machine's byte order
        java.nio.ByteBuffer control = java.nio.ByteBuffer.wrap(Files.readAllBytes(data.resolve("global/pg_control")))
                .order(java.nio.ByteOrder.nativeOrder());
        assertEquals(seedIdentifier, control.getLong(0));
        assertEquals(1, control.getInt(16), "stopped cleanly: no recovery at each start");
    }

    @Test
    void aDataDirectoryThatHoldsAnythingIsLeftAlone() throws Exception {
        Path data = cache.resolve("pg" + MAJOR);
        Files.createDirectories(data);
        Files.writeString(data.resolve("mine"), "x");
        assertFalse(PostgresSeed.plant(seed, VERSION, data));
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(1, files.count());
        }
        try (Stream<Path> siblings = Files.list(cache)) {
            assertEquals(1, siblings.count(), "no partial copy left beside it");
        }
    }
}
