package io.automigrate.deploy;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * States of a live database that are not drift and must not be reported as drift (issue 11, items 2, 3, 10, 12): a
 * pending migration, a database ahead of this checkout, a database never baselined, an up-to-date dry run.
 */
class FalseAlarmsTest {
    private static final String USERS = """
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE
            );
            """;
    private static final String USERS_AND_TAGS = USERS + """
            CREATE TABLE tags (id bigint PRIMARY KEY, label text NOT NULL);
            """;

    @TempDir
    Path dir;

    @Test
    void aPendingMigrationIsNotDrift() {
        Project project = new Project(dir).schema(USERS);
        project.plan();
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            project.applyDirectly(live);
            project.schema(USERS_AND_TAGS);
            String pending = project.plan();
            String url = live.url().display();

            Project.Run drift = project.expect(0, "drift", "--url", url);
            String out = drift.out();
            assertTrue(out.startsWith("no drift: the database at " + url), out);
            assertTrue(out.contains("1 migration pending: db/migrations/" + pending), out);
            assertFalse(out.contains("DROP TABLE"), out);
            assertFalse(out.contains("what was changed outside the migrations"), out);

            Project.Run json = project.expect(0, "drift", "--url", url, "--format", "json");
            assertTrue(json.out().contains("\"drifted\" : false"), json.out());
            assertTrue(json.out().contains("\"pending\" : [ \"db/migrations/" + pending + "\" ]"), json.out());

            // A change made by hand on top of the pending migration is still drift.
            TestPostgres.execute(live, "ALTER TABLE users ADD COLUMN nickname text");
            Project.Run drifted = project.expect(1, "drift", "--url", url);
            assertTrue(drifted.out().contains("ALTER TABLE public.users DROP COLUMN nickname;"), drifted.out());
            assertFalse(drifted.out().contains("DROP TABLE"), drifted.out());
        }
    }

    @Test
    void aDatabaseAheadOfThisCheckoutIsNotDrift() throws Exception {
        Project project = new Project(dir).schema(USERS);
        project.plan();
        project.schema(USERS_AND_TAGS);
        String later = project.plan();
        try (ShadowDatabase live = TestPostgres.newDatabase("staging")) {
            // develop applied both; this checkout (main) has only the first.
            project.applyDirectly(live);
            Files.delete(dir.resolve("db/migrations/" + later));
            project.schema(USERS);
            String url = live.url().display();

            Project.Run drift = project.expect(0, "drift", "--url", url);
            String out = drift.out();
            assertTrue(out.contains("ahead of this checkout: " + later + " applied there, not here"), out);
            assertFalse(out.contains("DROP TABLE"), out);
            assertFalse(out.startsWith("drift:"), out);

            Project.Run status = project.expect(0, "status", "--url", url);
            assertTrue(status.out().contains("ahead of this checkout: " + later + " applied there, not here"),
                    status.out());
            assertFalse(status.out().contains("DROP TABLE"), status.out());
        }
    }

    @Test
    void theDriftWorkflowChecksEachEnvironmentFromTheBranchThatDeploysIt() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String drift = Files.readString(root.resolve("examples/workflows/drift.yml"));
        String deploy = Files.readString(root.resolve("examples/workflows/deploy.yml"));
        assertTrue(deploy.contains("develop → staging, main → production"), deploy);
        assertTrue(drift.contains("- environment: staging\n            branch: develop"), drift);
        assertTrue(drift.contains("- environment: production\n            branch: main"), drift);
        assertTrue(drift.contains("ref: ${{ matrix.branch }}"), drift);
    }

    @Test
    void aDatabaseWithTablesAndNoHistoryWasNeverBaselined() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, "legacy")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            f.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL); "
                    + "CREATE TABLE invoices (id bigint PRIMARY KEY)");
            String before = f.snapshot();
            DeployFixture.Outcome refused = f.apply();
            assertEquals(1, refused.exit(), refused.all());
            String err = refused.err();
            assertTrue(err.contains("was never baselined"), err);
            assertTrue(err.contains("automigrate init --url " + f.url()), err);
            assertFalse(err.toUpperCase().contains("DROP TABLE"), err);
            assertEquals(before, f.snapshot(), "nothing was changed");

            // With an environment, the command line names the variable, so it holds no secret and is exact.
            f.config("""
                    environments:
                      staging:
                        url-env: STAGING_DATABASE_URL
                    """);
            f.environment.put("STAGING_DATABASE_URL", f.url());
            DeployFixture.Outcome byEnv = f.run("apply", "--env", "staging");
            assertEquals(1, byEnv.exit(), byEnv.all());
            assertTrue(byEnv.err().contains("automigrate init --url \"$STAGING_DATABASE_URL\""), byEnv.err());

            Files.writeString(dir.resolve("db/schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n");
            DeployFixture.Outcome drift = f.run("drift", "--url", f.url());
            assertEquals(1, drift.exit(), drift.all());
            assertTrue(drift.out().startsWith("not baselined: environment 'staging' was never baselined"),
                    drift.all());
            assertTrue(drift.out().contains("automigrate init --url \"$STAGING_DATABASE_URL\""), drift.all());
            assertFalse(drift.out().toUpperCase().contains("DROP TABLE"), drift.all());
        }
    }

    @Test
    void aDryRunOnAnUpToDateDatabaseSaysUpToDate() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, "dryrun")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            assertEquals(0, f.apply().exit());
            DeployFixture.Outcome dry = f.apply("--dry-run");
            assertEquals(0, dry.exit(), dry.all());
            assertTrue(dry.out().startsWith(f.url() + " is up to date: nothing to apply"), dry.all());
            assertFalse(dry.out().contains("0 changeset(s) would be applied"), dry.all());
        }
    }
}
