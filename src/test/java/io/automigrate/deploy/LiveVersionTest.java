package io.automigrate.deploy;

import io.automigrate.cli.Main;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The throwaway server follows the live database's major version (issue 11, item 14). The live server is
 * PostgreSQL 15 (Debian's server binaries when installed, else the embedded 15), the shadow's default is 17: a
 * simple view prints differently between them, which made apply fail its verification and status report drift.
 */
class LiveVersionTest {
    private static final Path DEBIAN_15 = Path.of("/usr/lib/postgresql/15/bin");
    private static Process debian;
    private static Path debianData;
    private static ShadowServer embedded15;
    private static DatabaseUrl admin;

    private static final String MIGRATION = """
            --liquibase formatted sql

            --changeset automigrate:20260101000000_add_users_table
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, active boolean NOT NULL DEFAULT true);
            CREATE VIEW active_users AS SELECT id, email FROM users WHERE active AND email <> '';
            --rollback DROP VIEW active_users;
            --rollback DROP TABLE users;
            """;
    private static final String SCHEMA = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, active boolean NOT NULL DEFAULT true);
            CREATE VIEW active_users AS SELECT id, email FROM users WHERE active AND email <> '';
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void startLiveServer() throws Exception {
        if (Files.isExecutable(DEBIAN_15.resolve("postgres"))) {
            debianData = Files.createTempDirectory("automigrate-live15");
            List<String> prefix = isRoot() ? List.of("unshare", "-U") : List.of();
            run(prefix, DEBIAN_15.resolve("initdb").toString(), "-D", debianData.resolve("data").toString(),
                    "-U", "postgres", "-A", "trust", "--no-sync");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of(DEBIAN_15.resolve("postgres").toString(), "-D", debianData.resolve("data").toString(),
                    "-p", Integer.toString(port), "-c", "listen_addresses=localhost", "-c",
                    "unix_socket_directories=" + debianData, "-c", "fsync=off"));
            debian = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(debianData.resolve("log").toFile()).start();
            admin = DatabaseUrl.of("localhost", port, "postgres", "postgres", null);
            awaitReady(admin);
        } else {
            embedded15 = ShadowServers.start(ShadowOptions.embedded(15));
            admin = DatabaseUrl.of("localhost", adminPort(embedded15), "postgres", "postgres", null);
        }
    }

    @AfterAll
    static void stopLiveServer() throws Exception {
        if (debian != null) {
            debian.destroy();
            debian.waitFor(20, TimeUnit.SECONDS);
            io.automigrate.TempFolders.deleteQuietly(debianData);
        }
        if (embedded15 != null) embedded15.close();
    }

    @Test
    void applyStatusDriftAndInitReplayOnTheLiveMajorVersion() throws Exception {
        DatabaseUrl live = database("shop");
        assertEquals(15, io.automigrate.db.Connections.majorVersion(live));
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/20260101000000_add_users_table.sql"), MIGRATION);
        Files.writeString(dir.resolve("db/schema.sql"), SCHEMA);

        Outcome apply = cli("apply", "--url", live.display());
        assertEquals(0, apply.exit(), apply.all());
        assertTrue(apply.err().contains("the throwaway server runs PostgreSQL 15, the database's major version "
                + "(configured: 17)"), apply.all());
        assertTrue(apply.out().contains("verified after applying"), apply.all());

        Outcome again = cli("apply", "--url", live.display());
        assertEquals(0, again.exit(), again.all());
        Outcome status = cli("status", "--url", live.display(), "--exit-code");
        assertEquals(0, status.exit(), status.all());
        assertTrue(status.out().contains("no drift"), status.all());
        Outcome drift = cli("drift", "--url", live.display());
        assertEquals(0, drift.exit(), drift.all());

        // init on another database of the same server proves its baseline on PostgreSQL 15 as well.
        DatabaseUrl legacy = database("legacy");
        execute(legacy, SCHEMA);
        Path other = Files.createTempDirectory(dir, "init");
        Outcome init = cli(other, "init", "--url", legacy.display());
        assertEquals(0, init.exit(), init.all());

        // A shadow that cannot follow (an existing PostgreSQL 17 server) says which versions differ.
        try (ShadowDatabase shadowAdmin = TestPostgres.newDatabase("admin17")) {
            Outcome url = cli("status", "--url", live.display(), "--shadow", "url", "--shadow-url",
                    shadowAdmin.url().display());
            assertTrue(url.err().contains("(PostgreSQL 17)) and the database (PostgreSQL 15) run different major "
                    + "versions"), url.all());
        }
    }

    record Outcome(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private Outcome cli(String... args) {
        return cli(dir, args);
    }

    private static Outcome cli(Path project, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("AUTOMIGRATE_PROJECT_DIR", project.toString());
        env.put("CI", "true");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static DatabaseUrl database(String name) {
        String unique = name + "_" + Long.toHexString(System.nanoTime());
        execute(admin, "CREATE DATABASE " + unique);
        return DatabaseUrl.of("localhost", admin.port(), unique, "postgres", null);
    }

    private static void execute(DatabaseUrl url, String sql) {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static int adminPort(ShadowServer server) {
        try (ShadowDatabase db = server.createDatabase("port")) {
            return db.url().port();
        }
    }

    private static void awaitReady(DatabaseUrl url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties())) {
                return;
            } catch (java.sql.SQLException notYet) {
                if (System.nanoTime() > deadline || !debian.isAlive()) {
                    throw new IllegalStateException("PostgreSQL 15 did not start: " + notYet.getMessage());
                }
                Thread.sleep(100);
            }
        }
    }

    private static void run(List<String> prefix, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + ":\n" + output);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
