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
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded server of a cache directory across runs: the first start goes through the embedded library and
 * records its binary; later starts run that binary directly; a postmaster left behind is stopped first; the blank
 * database stays blank and its catalogs do not grow.
 */
class CachedServerTest {
    private static final int MAJOR = PostgresBinaries.BUNDLED_MAJOR;

    @TempDir
    Path cache;

    private Path data() {
        return cache.resolve("pg" + MAJOR);
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip());
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

    @Test
    void aLaterStartRunsTheRecordedBinaryDirectly() throws Exception {
        try (ShadowServer first = ShadowServers.embedded(MAJOR, cache, null)) {
            assertTrue(first.persistent());
            runs(first);
            long pid = postmasterPid();
            assertFalse(ProcessHandle.current().equals(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElse(null)),
                    "the library starts the postmaster through pg_ctl, detached from this JVM");
        }
        Properties record = new Properties();
        try (var in = Files.newInputStream(cache.resolve("pg" + MAJOR + ".server"))) {
            record.load(in);
        }
        assertEquals(PostgresBinaries.forMajor(MAJOR).version(), record.getProperty("version"));
        assertTrue(Files.isExecutable(Path.of(record.getProperty("postgres"))), record.toString());

        try (ShadowServer second = ShadowServers.embedded(MAJOR, cache, null)) {
            assertTrue(second.persistent());
            assertEquals(MAJOR, second.majorVersion());
            runs(second);
            long pid = postmasterPid();
            assertEquals(ProcessHandle.current(), ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElseThrow(),
                    "restarted directly: the postmaster is this JVM's child");
        }
    }

    @Test
    void aPostmasterLeftRunningByAKilledRunIsStoppedFirst() throws Exception {
        try (ShadowServer first = ShadowServers.embedded(MAJOR, cache, null)) {
            runs(first);
        }
        // As a run killed mid-way leaves it: the server up, nobody holding the cache lock.
        CachedPostgres leftover = CachedPostgres.start(data(), PostgresBinaries.forMajor(MAJOR).version(),
                Map.of("fsync", "off")).orElseThrow();
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
    void anUnusableRecordFallsBackToTheLibraryAndIsWrittenAgain() throws Exception {
        try (ShadowServer first = ShadowServers.embedded(MAJOR, cache, null)) {
            runs(first);
        }
        Path record = cache.resolve("pg" + MAJOR + ".server");
        Files.writeString(record, "version=" + PostgresBinaries.forMajor(MAJOR).version()
                + "\npostgres=" + cache.resolve("gone/bin/postgres") + "\n");
        try (ShadowServer next = ShadowServers.embedded(MAJOR, cache, null)) {
            assertTrue(next.persistent());
            runs(next);
        }
        assertFalse(Files.readString(record).contains("gone"), Files.readString(record));
    }

    @Test
    void theBlankDatabaseStaysBlankAndItsCatalogsDoNotGrow() throws Exception {
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
