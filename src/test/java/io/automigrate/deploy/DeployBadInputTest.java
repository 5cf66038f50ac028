package io.automigrate.deploy;

import io.automigrate.catalog.Catalog;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input for status, drift, push and init: each fails with the right exit code and a message that says what to
 * do, touches no database and writes no file; a password given in a URL appears in no output and no file.
 */
class DeployBadInputTest {
    private static final String PASSWORD = "Pw-d3pl0y-s3cr3t";
    private static final String PASSWORD_ROLE = "automigrate_pw_test";
    private static final String RIGHT_PASSWORD = "right-Pw-77";

    @TempDir
    Path dir;

    Project project;

    @BeforeEach
    void project() {
        project = new Project(dir).schema("CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);\n")
                .file("automigrate.yml", """
                        environments:
                          staging:
                            branches: [develop]
                            url-env: STAGING_DATABASE_URL
                        """);
        project.plan();
    }

    /** The command on {@code url}; init with --force, so that it gets past the project's existing files. */
    private static String[] withUrl(String command, String url) {
        return command.equals("init") ? new String[] {command, "--url", url, "--force"}
                : new String[] {command, "--url", url};
    }

    private void assertSecretKept(Project.Run run) {
        assertFalse(run.out().contains(PASSWORD), run.out());
        assertFalse(run.err().contains(PASSWORD), run.err());
        assertFalse(project.allFiles().contains(PASSWORD), "a file written holds the password");
    }

    private String filesSnapshot() throws IOException {
        try (var walk = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path p : walk.sorted().toList()) {
                all.append(dir.relativize(p)).append('\n');
                if (Files.isRegularFile(p)) all.append(Files.readString(p));
            }
            return all.toString();
        }
    }

    @Test
    void anUnknownEnvironmentNamesTheDefinedOnes() throws IOException {
        String files = filesSnapshot();
        for (String command : List.of("status", "drift")) {
            Project.Run run = project.expect(2, command, "--env", "qa");
            assertTrue(run.err().contains("automigrate.yml: unknown environment 'qa': defined are staging"), run.err());
        }
        Project.Run unset = project.expect(2, "status", "--env", "staging");
        assertTrue(unset.err().contains("set the environment variable STAGING_DATABASE_URL"), unset.err());
        Project.Run both = project.expect(2, "drift", "--env", "staging", "--url", "postgresql://localhost/x");
        assertTrue(both.err().contains("give exactly one of --env NAME and --url URL"), both.err());
        Project.Run noUrl = project.expect(2, "push");
        assertTrue(noUrl.err().contains("Missing required option: '--url=URL'"), noUrl.err());
        assertEquals(files, filesSnapshot(), "no file written");
    }

    @Test
    void aBadHostIsExit3NamingTheHostAndNotThePassword() throws IOException {
        String url = "postgresql://app:" + PASSWORD + "@db.no-such-host.invalid:5432/shop";
        String files = filesSnapshot();
        for (List<String> args : List.of(List.of("status", "--url", url), List.of("drift", "--url", url),
                List.of("push", "--url", url), List.of("init", "--url", url, "--force"),
                List.of("status", "--url", url, "--verbose"))) {
            Project.Run run = project.expect(3, args.toArray(String[]::new));
            assertTrue(run.err().contains("cannot connect to postgresql://app@db.no-such-host.invalid:5432/shop"),
                    run.err());
            // a name that does not resolve is a wrong URL, not a server still starting: no minute of retries
            assertTrue(run.err().contains("the host name db.no-such-host.invalid does not resolve"), run.err());
            assertFalse((run.out() + run.err()).contains("retrying in"), run.out() + run.err());
            assertSecretKept(run);
        }
        project.variables.put("STAGING_DATABASE_URL", url);
        Project.Run byEnv = project.expect(3, "status", "--env", "staging");
        assertTrue(byEnv.err().contains("check the URL's host"), byEnv.err());
        assertSecretKept(byEnv);
        assertEquals(files, filesSnapshot(), "no file written");
    }

    @Test
    void aDatabaseThatDoesNotExistIsExit3AndIsNotCreated() throws IOException {
        int port;
        try (ShadowDatabase probe = TestPostgres.newDatabase("probe")) {
            port = probe.url().port();
        }
        String url = "postgresql://postgres:" + PASSWORD + "@localhost:" + port + "/automigrate_no_such_db";
        String files = filesSnapshot();
        for (String command : List.of("status", "drift", "push", "init")) {
            Project.Run run = project.expect(3, withUrl(command, url));
            assertTrue(run.err().contains("the database does not exist; check the URL's path"), run.err());
            assertSecretKept(run);
        }
        assertFalse(databaseExists("automigrate_no_such_db"));
        assertEquals(files, filesSnapshot(), "no file written");
    }

    @Test
    void aWrongPasswordIsExit3AndTouchesNothing() throws Exception {
        try (ShadowDatabase live = TestPostgres.newDatabase("pw")) {
            requirePasswordFor(live);
            TestPostgres.execute(live, "CREATE TABLE legacy (id int PRIMARY KEY)");
            Catalog before = Project.snapshot(live);
            String files = filesSnapshot();
            String url = "postgresql://" + PASSWORD_ROLE + ":" + PASSWORD + "@localhost:" + live.url().port() + "/"
                    + live.name();
            for (String command : List.of("status", "drift", "push", "init")) {
                Project.Run run = project.expect(3, withUrl(command, url));
                assertTrue(run.err().contains("cannot connect to postgresql://" + PASSWORD_ROLE + "@localhost:"),
                        run.err());
                assertTrue(run.err().contains("(check the user and password)"), run.err());
                assertSecretKept(run);
            }
            assertEquals(before, Project.snapshot(live), "database untouched");
            assertEquals(files, filesSnapshot(), "no file written");
        }
    }

    @Test
    void aPasswordInTheUrlAppearsNowhereOnTheNormalPaths() {
        try (ShadowDatabase live = TestPostgres.newDatabase("secret")) {
            TestPostgres.execute(live, "CREATE TABLE legacy (id int PRIMARY KEY, note text)");
            String url = Project.urlWithPassword(live, PASSWORD);
            Project fresh = new Project(dir.resolve("fresh"));
            List<Project.Run> runs = List.of(
                    fresh.expect(0, "init", "--url", url),
                    fresh.expect(0, "status", "--url", url, "--format", "json"),
                    fresh.expect(0, "drift", "--url", url, "--format", "markdown"));
            fresh.file("db/schema.sql", fresh.read("db/schema.sql") + "\nCREATE TABLE extra (id int);\n");
            Project.Run push = fresh.expect(0, "push", "--url", url);
            Project.Run drift = fresh.expect(1, "drift", "--url", url, "--verbose");
            for (Project.Run run : List.of(runs.get(0), runs.get(1), runs.get(2), push, drift)) {
                assertFalse(run.all().contains(PASSWORD), run.all());
            }
            assertFalse(fresh.allFiles().contains(PASSWORD), "a written file holds the password");
            assertTrue(fresh.allFiles().contains("CREATE TABLE public.legacy"), "init wrote the schema");
        }
    }

    /** A login role with a password, and pg_hba rules that make the test server check it (it trusts by default). */
    private static synchronized void requirePasswordFor(ShadowDatabase database) throws Exception {
        TestPostgres.execute(database, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                + PASSWORD_ROLE + "') THEN CREATE ROLE " + PASSWORD_ROLE + " LOGIN; END IF; END $$;"
                + "ALTER ROLE " + PASSWORD_ROLE + " PASSWORD '" + RIGHT_PASSWORD + "'");
        Path hba;
        try (Connection c = database.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        String rules = "host all " + PASSWORD_ROLE + " 127.0.0.1/32 scram-sha-256\n"
                + "host all " + PASSWORD_ROLE + " ::1/128 scram-sha-256\n";
        String text = Files.readString(hba);
        if (!text.startsWith(rules)) {
            Files.writeString(hba, rules + text);
        }
        TestPostgres.execute(database, "SELECT pg_reload_conf()");
        // The reload is asynchronous: wait until a wrong password is refused.
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            Properties props = new Properties();
            props.setProperty("user", PASSWORD_ROLE);
            props.setProperty("password", "not-" + RIGHT_PASSWORD);
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://localhost:"
                    + database.url().port() + "/" + database.name(), props)) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError("pg_hba.conf was not reloaded");
                Thread.sleep(100);
            } catch (SQLException refused) {
                return;
            }
        }
    }

    private static boolean databaseExists(String name) {
        try (ShadowDatabase any = TestPostgres.newDatabase("check"); Connection c = any.connect();
             var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
