package io.automigrate.shadow;

import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.db.RolledBack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded server of a cache directory across runs, without a seed: the first start unpacks PostgreSQL's binaries
 * into the cache folder and makes the cluster with their initdb, later starts run them directly (the embedded library
 * only when the binaries cannot be unpacked there); a postmaster left behind is stopped first; the blank database
 * stays blank and its catalogs do not grow.
 */
class CachedServerTest {
    private static final int MAJOR = PostgresBinaries.BUNDLED_MAJOR;

    @TempDir
    Path cache;
    /** Binaries unpacked once for the tests that are not about unpacking them (each test's cache is new). */
    @TempDir
    static Path shared;

    /** The shared binaries, linked into this test's cache as if an earlier run had unpacked them there. */
    private void binariesInCache() throws Exception {
        Path home = PostgresBinaries.forMajor(MAJOR).install(shared);
        Files.createSymbolicLink(cache.resolve(home.getFileName()), home);
    }

    private Path data() {
        return cache.resolve("pg" + MAJOR);
    }

    private long postmasterPid() throws Exception {
        return postmasterPid(data());
    }

    private static long scalar(DatabaseUrl url, String sql) throws Exception {
        try (Connection c = Connections.open(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void runs(ShadowServer server) throws Exception {
        try (ShadowDatabase db = server.createDatabase("probe"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int)");
        }
    }

    /** The cluster's system identifier (unique to one initdb), its WAL segment size and its data directory. */
    private static List<String> cluster(ShadowServer server) throws Exception {
        try (ShadowDatabase db = server.createDatabase("cluster"); Connection c = db.connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT system_identifier, current_setting('wal_segment_size'), "
                     + "current_setting('data_directory') FROM pg_control_system()")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), Path.of(rs.getString(3)).toRealPath().toString());
        }
    }

    /** The postmaster running {@code dataDirectory}'s cluster. */
    private static long postmasterPid(Path dataDirectory) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    /** The running binary of {@code pid}. */
    private static Path executable(long pid) throws Exception {
        return Path.of("/proc/" + pid + "/exe").toRealPath();
    }

    @Test
    void withoutASeedTheBinariesAndTheClusterAreMadeInTheCacheAndRestartedFromThere() throws Exception {
        // where the library would unpack its own copy of the binaries (java.io.tmpdir/embedded-pg by default)
        Path libraryCopy = cache.resolveSibling(cache.getFileName() + "-embedded-pg");
        String before = System.getProperty("ot.epg.working-dir");
        System.setProperty("ot.epg.working-dir", libraryCopy.toString());
        try {
            List<String> cluster;
            Path binary;
            try (ShadowServer first = ShadowServers.embedded(MAJOR, cache, null)) {
                assertTrue(first.persistent());
                runs(first);
                cluster = cluster(first);
                assertEquals(List.of("1MB", data().toRealPath().toString()), cluster.subList(1, 3),
                        "initdb's cluster in the cache folder, with the seed's WAL segments");
                binary = PostgresBinaries.forMajor(MAJOR).installed(cache).orElseThrow().resolve("bin/postgres")
                        .toRealPath();
                long pid = postmasterPid();
                assertEquals(ProcessHandle.current(), ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElseThrow(),
                        "started directly, not by the library");
                assertEquals(binary, executable(pid), "the binaries unpacked in the cache folder");

                // the cache's cluster is taken (by this run): a temporary one, made the same way, removed on stop
                Path temporary;
                try (ShadowServer other = ShadowServers.embedded(MAJOR, cache, null)) {
                    assertFalse(other.persistent());
                    List<String> otherCluster = cluster(other);
                    assertNotEquals(cluster.get(0), otherCluster.get(0), "a cluster of its own");
                    temporary = Path.of(otherCluster.get(2));
                    assertEquals(binary, executable(postmasterPid(temporary)));
                }
                assertFalse(Files.exists(temporary), "removed with its server: " + temporary);
            }
            try (Stream<Path> children = Files.list(cache)) {
                assertTrue(children.noneMatch(p -> p.getFileName().toString().contains(".initdb")
                        || p.getFileName().toString().startsWith(".postgres-")), "no partial copy left");
            }

            try (ShadowServer second = ShadowServers.embedded(MAJOR, cache, null)) {
                assertTrue(second.persistent());
                assertEquals(MAJOR, second.majorVersion());
                runs(second);
                assertEquals(cluster, cluster(second), "the cache's cluster, kept");
                long pid = postmasterPid();
                assertEquals(ProcessHandle.current(), ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElseThrow(),
                        "restarted directly");
                assertEquals(binary, executable(pid));
            }
            assertFalse(Files.exists(libraryCopy), "the library unpacked nothing: " + libraryCopy);
        } finally {
            if (before == null) System.clearProperty("ot.epg.working-dir");
            else System.setProperty("ot.epg.working-dir", before);
        }
    }

    @Test
    void aClusterWhoseBinariesAreNotInTheCacheIsRestartedFromBinariesUnpackedThere() throws Exception {
        // as a cache of an older version holds it: the cluster, the binaries elsewhere (the library's /tmp copy)
        Path elsewhere = PostgresBinaries.forMajor(MAJOR).install(shared);
        assertTrue(CachedPostgres.initdb(elsewhere, data()));
        // pg_control begins with the cluster's system identifier, in the machine's byte order
        long identifier = java.nio.ByteBuffer.wrap(Files.readAllBytes(data().resolve("global/pg_control")))
                .order(java.nio.ByteOrder.nativeOrder()).getLong(0);
        try (ShadowServer server = ShadowServers.embedded(MAJOR, cache, null)) {
            assertTrue(server.persistent());
            runs(server);
            long pid = postmasterPid();
            assertEquals(ProcessHandle.current(), ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElseThrow(),
                    "started directly, not by the library");
            assertEquals(PostgresBinaries.forMajor(MAJOR).installed(cache).orElseThrow().resolve("bin/postgres")
                    .toRealPath(), executable(pid), "the binaries now unpacked in the cache folder");
            assertEquals(List.of(Long.toString(identifier), data().toRealPath().toString()),
                    List.of(cluster(server).get(0), cluster(server).get(2)), "the cache's cluster, kept");
        }
    }

    @Test
    void binariesThatCannotBeUnpackedInTheCacheLeaveItToTheLibrary() throws Exception {
        // a cache folder that cannot be made (a file has its name): no lock, no binaries there
        Path blocked = Files.writeString(cache.resolve("blocked"), "x");
        try (ShadowServer server = ShadowServers.embedded(MAJOR, blocked, null)) {
            assertFalse(server.persistent());
            runs(server);
            Path data = Path.of(cluster(server).get(2));
            long pid = postmasterPid(data);
            assertFalse(ProcessHandle.current().equals(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElse(null)),
                    "the library starts the postmaster through pg_ctl, detached from this JVM");
        }
    }

    @Test
    void aPostmasterLeftRunningByAKilledRunIsStoppedFirst() throws Exception {
        binariesInCache();
        try (ShadowServer first = ShadowServers.embedded(MAJOR, cache, null)) {
            runs(first);
        }
        // As a run killed mid-way leaves it: the server up, nobody holding the cache lock.
        CachedPostgres leftover = CachedPostgres.start(data(), PostgresBinaries.forMajor(MAJOR).installed(cache)
                .orElseThrow().resolve("bin/postgres"), Map.of("fsync", "off")).orElseThrow();
        long leftoverPid = postmasterPid();
        assertTrue(ProcessHandle.of(leftoverPid).isPresent());

        try (ShadowServer next = ShadowServers.embedded(MAJOR, cache, null)) {
            assertTrue(next.persistent(), "the cache is used, not a temporary server");
            runs(next);
            assertFalse(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive).orElse(false),
                    "the leftover postmaster was stopped");
            assertTrue(postmasterPid() != leftoverPid);
        } finally {
            leftover.close();
        }
    }

    @Test
    void theBlankDatabaseStaysBlankAndItsCatalogsDoNotGrow() throws Exception {
        binariesInCache();
        try (ShadowServer server = ShadowServers.embedded(MAJOR, cache, null)) {
            DatabaseUrl blank = server.blankDatabase().orElseThrow();
            // A committed leftover (say, from a script that COMMITs) makes it be made again.
            try (Connection c = Connections.open(blank); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE leftover (id int)");
            }
            blank = server.blankDatabase().orElseThrow();
            assertEquals(0, scalar(blank, "SELECT count(*) FROM pg_class WHERE relname = 'leftover'"));

            StringBuilder schema = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                schema.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, a text, b text, c text);");
            }
            long size = 0;
            for (int round = 0; round < 6; round++) {
                RolledBack.run(blank, connection -> {
                    try (Statement st = connection.createStatement()) {
                        st.execute(schema.toString());
                    }
                    return null;
                });
                server.vacuumInBackground(blank).join();
                long now = scalar(blank, "SELECT pg_relation_size('pg_catalog.pg_attribute')");
                if (round == 1) size = now;
                if (round > 1) {
                    assertTrue(now <= size, "pg_attribute grew from " + size + " to " + now + " bytes in round " + round);
                }
            }
            assertEquals(0, scalar(blank, "SELECT count(*) FROM pg_class WHERE relname LIKE 't%' AND relnamespace = "
                    + "'public'::regnamespace"), "rolled back: nothing stays");
        }
        try (ShadowServer again = ShadowServers.embedded(MAJOR, cache, null)) {
            assertEquals(0, scalar(again.blankDatabase().orElseThrow(),
                    "SELECT count(*) FROM pg_class WHERE oid >= 16384"), "kept across runs, still blank");
        }
    }

    @Test
    void aTemporaryServerHasNoBlankDatabase() {
        try (ShadowServer server = ShadowServers.embedded(MAJOR, null, null)) {
            assertFalse(server.persistent());
            assertTrue(server.blankDatabase().isEmpty());
        }
    }
}
