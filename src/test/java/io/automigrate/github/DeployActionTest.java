package io.automigrate.github;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deploy side of the action, end to end: the real apply command against a real database. */
class DeployActionTest extends ActionTestBase {

    /** The database's URL with a password in it (the embedded server trusts local connections and ignores it). */
    private static String urlWithPassword(ShadowDatabase database) {
        return database.url().display().replaceFirst("://([^@]+)@", "://$1:" + ActionFixture.PASSWORD + "@");
    }

    private static boolean hasUsersTable(ShadowDatabase database) throws Exception {
        try (Connection c = database.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('public.users') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void pushToMainAppliesThePendingMigrationsToProduction() throws Exception {
        try (ShadowDatabase production = TestPostgres.newDatabase("production")) {
            Path event = fixture.event("push", Map.of("REF", "refs/heads/main", "BEFORE", fixture.mainSha,
                    "AFTER", fixture.mainSha));
            Map<String, String> env = fixture.environment(fixture.checkout("main", 1), "push", event, "refs/heads/main");
            env.put("PRODUCTION_DATABASE_URL", urlWithPassword(production));
            ActionFixture.Run run = fixture.action(env);

            assertEquals(0, run.exit(), run.all());
            assertTrue(hasUsersTable(production), "the migration ran on production");
            Map<String, String> outputs = ActionFixture.outputs(run.outputs());
            assertEquals("db/migrations/20261101000000_add_users_table.sql", outputs.get("applied"), run.outputs());
            assertEquals("true", outputs.get("pending-known"), run.outputs());
            assertTrue(run.summary().contains("### automigrate: apply to production: applied 1 changeset(s)"),
                    run.summary());
            fixture.assertNoSecrets(run);

            ActionFixture.Run again = fixture.action(env);
            assertEquals(0, again.exit(), again.all());
            assertEquals("", ActionFixture.outputs(again.outputs()).get("applied"), "nothing left to apply");
            assertTrue(again.summary().contains("up to date"), again.summary());
        }
    }

    @Test
    void aDeployErrorOnAMigrationsLineIsAnnotatedThere() throws Exception {
        String first = "db/migrations/20261101000000_add_users_table.sql";
        String second = "db/migrations/20261102000000_add_users_age.sql";
        try (ShadowDatabase production = TestPostgres.newDatabase("production")) {
            Path event = fixture.event("push", Map.of("REF", "refs/heads/main", "BEFORE", fixture.mainSha,
                    "AFTER", fixture.mainSha));
            Map<String, String> env = fixture.environment(fixture.checkout("main", 1), "push", event, "refs/heads/main");
            env.put("PRODUCTION_DATABASE_URL", urlWithPassword(production));
            assertEquals(0, fixture.action(env).exit());

            // An applied migration edited afterwards: refused for its checksum, on its changeset's line.
            fixture.author.checkout().setName("main").call();
            fixture.commitAndPush("main", "Ages, in the first migration", Map.of(first, ActionFixture.FIRST_MIGRATION
                    .replace("email text NOT NULL\n", "email text NOT NULL,\n    age int\n")));
            env.put("GITHUB_WORKSPACE", fixture.checkout("main", 1).toString());
            ActionFixture.Run edited = fixture.action(env);
            assertEquals(1, edited.exit(), edited.all());
            assertTrue(edited.out().contains("::error file=" + first + ",line=3::apply to environment 'production' "
                    + "failed: " + first + ":3: changeset automigrate:20261101000000_add_users_table was changed after "
                    + "it was applied"), edited.out());

            // A statement that fails: on its line and column.
            fixture.commitAndPush("main", "Ages, in a migration of their own", Map.of(
                    first, ActionFixture.FIRST_MIGRATION, second, """
                            --liquibase formatted sql

                            --changeset mona:add-users-age
                            ALTER TABLE public.users ADD COLUMN age int;
                            ALTER TABLE public.user ADD COLUMN born date;
                            --rollback ALTER TABLE public.users DROP COLUMN age;
                            """));
            env.put("GITHUB_WORKSPACE", fixture.checkout("main", 1).toString());
            ActionFixture.Run failed = fixture.action(env);
            assertEquals(1, failed.exit(), failed.all());
            assertTrue(failed.out().contains("::error file=" + second + ",line=5,col=1::apply to environment "
                    + "'production' failed: " + second + ":5:1: changeset mona:add-users-age, statement 2 of 2: "),
                    failed.out());
            assertEquals(second, ActionFixture.outputs(failed.outputs()).get("pending"), failed.outputs());
        }
    }

    @Test
    void anApplySwitchedOffSaysThatWhichFilesArePendingIsNotKnown() throws Exception {
        Path event = fixture.event("push", Map.of("REF", "refs/heads/main", "BEFORE", fixture.mainSha,
                "AFTER", fixture.mainSha));
        Map<String, String> env = fixture.environment(fixture.checkout("main", 1), "push", event, "refs/heads/main");
        env.put("AUTO_MIGRATE", "false");
        ActionFixture.Run run = fixture.action(env);

        assertEquals(0, run.exit(), run.all());
        // The database was not read: pending is every file this job did not run, and not "nothing pending".
        assertEveryFileNotKnownToBePending(run);
    }

    @Test
    void statusAndDriftReportOnAnEnvironmentAndDriftFailsTheStep() throws Exception {
        try (ShadowDatabase production = TestPostgres.newDatabase("production")) {
            Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", ""));
            Map<String, String> env = fixture.environment(fixture.checkout("main", 1), "schedule", event,
                    "refs/heads/main");
            env.put("PRODUCTION_DATABASE_URL", urlWithPassword(production));
            env.put("INPUT_COMMAND", "status");
            ActionFixture.Run pending = fixture.action(env);
            assertEquals(0, pending.exit(), pending.all());
            assertEquals("db/migrations/20261101000000_add_users_table.sql",
                    ActionFixture.outputs(pending.outputs()).get("pending"), pending.outputs());

            env.put("INPUT_COMMAND", "apply");
            assertEquals(0, fixture.action(env).exit());
            env.put("INPUT_COMMAND", "drift");
            ActionFixture.Run clean = fixture.action(env);
            assertEquals(0, clean.exit(), clean.all());

            TestPostgres.execute(production, "ALTER TABLE users ADD COLUMN added_by_hand text");
            ActionFixture.Run drifted = fixture.action(env);
            assertEquals(1, drifted.exit(), drifted.all());
            assertTrue(drifted.out().contains("::error::environment 'production' drifted from its migrations"),
                    drifted.out());
            assertTrue(drifted.summary().contains("added_by_hand"), drifted.summary());
            Map<String, String> outputs = ActionFixture.outputs(drifted.outputs());
            assertEquals("true", outputs.get("drifted"), drifted.outputs());
            assertEquals("environment 'production' drifted from its migrations", outputs.get("error"),
                    drifted.outputs());
            assertEquals("false", ActionFixture.outputs(clean.outputs()).get("drifted"), clean.outputs());
            fixture.assertNoSecrets(drifted);
        }
    }

    @Test
    void workflowDispatchAppliesToTheChosenEnvironmentWithTheDatabaseUrlInput() throws Exception {
        try (ShadowDatabase staging = TestPostgres.newDatabase("staging")) {
            Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", "staging"));
            Map<String, String> env = fixture.environment(fixture.checkout("main", 1), "workflow_dispatch", event,
                    "refs/heads/main");
            env.put("INPUT_DATABASE-URL", urlWithPassword(staging));
            ActionFixture.Run run = fixture.action(env);

            assertEquals(0, run.exit(), run.all());
            assertTrue(hasUsersTable(staging));
            assertTrue(run.out().contains("::add-mask::" + ActionFixture.PASSWORD), run.out());
            fixture.assertNoSecrets(run);
        }
    }

    /** The outputs of a job that read no migration history: nothing applied, every file listed, not known. */
    private static void assertEveryFileNotKnownToBePending(ActionFixture.Run run) {
        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        assertEquals("", outputs.get("applied"), run.outputs());
        assertEquals("db/migrations/20261101000000_add_users_table.sql", outputs.get("pending"), run.outputs());
        assertEquals("false", outputs.get("pending-known"), run.outputs());
    }

    /** A workflow_dispatch of {@code command} to staging, whose database nothing listens for, tried once. */
    private Map<String, String> unreachableStaging(String command) throws Exception {
        Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", "staging"));
        Path workspace = fixture.checkout("main", 1);
        java.nio.file.Files.writeString(workspace.resolve("one-try.yml"), """
                environments:
                  staging:
                    url-env: STAGING_DATABASE_URL
                    retry:
                      attempts: 1
                """);
        Map<String, String> env = fixture.environment(workspace, "workflow_dispatch", event, "refs/heads/main");
        env.put("INPUT_CONFIG", "one-try.yml");
        env.put("INPUT_COMMAND", command);
        env.put("STAGING_DATABASE_URL", "postgresql://app:" + ActionFixture.PASSWORD + "@127.0.0.1:1/shop");
        return env;
    }

    @Test
    void anUnreachableDatabaseFailsTheStepWithOneErrorLine() throws Exception {
        ActionFixture.Run run = fixture.action(unreachableStaging("apply"));

        assertEquals(3, run.exit(), run.all());
        assertTrue(run.out().contains("::error::apply to environment 'staging' failed: "), run.out());
        assertFalse(run.out().lines().filter(l -> l.startsWith("::error::")).count() > 1, run.out());
        // The history was never read: every file of the folder is one this job did not run, and the output says
        // that which of them the database has is unknown.
        assertEveryFileNotKnownToBePending(run);
        assertTrue(run.summary().contains("- not run: `db/migrations/20261101000000_add_users_table.sql`")
                && run.summary().contains("history could not be read"), run.summary());
        fixture.assertNoSecrets(run);
    }

    @Test
    void aStatusThatCannotReadTheDatabaseStillWritesPendingAndSaysItIsNotKnown() throws Exception {
        ActionFixture.Run run = fixture.action(unreachableStaging("status"));

        assertEquals(3, run.exit(), run.all());
        assertTrue(run.out().contains("::error::status of environment 'staging' failed: "), run.out());
        // A workflow that acts on pending must not read a failed status as "nothing pending".
        assertEveryFileNotKnownToBePending(run);
        assertTrue(run.summary().contains("status of staging: failed")
                && run.summary().contains("history could not be read"), run.summary());
        fixture.assertNoSecrets(run);
    }

    @Test
    void aDeployLockNotGrantedListsEveryFileAsNotRunAndSaysTheHistoryWasNotRead() throws Exception {
        try (ShadowDatabase staging = TestPostgres.newDatabase("staging");
             Connection holder = staging.connect()) {
            try (java.sql.PreparedStatement st = holder.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                st.setInt(1, io.automigrate.deploy.DeployLock.NAMESPACE);
                st.setInt(2, io.automigrate.deploy.DeployLock.projectKey("db/migrations"));
                st.execute();
            }
            Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", "staging"));
            Path workspace = fixture.checkout("main", 1);
            java.nio.file.Files.writeString(workspace.resolve("short-wait.yml"), """
                    environments:
                      staging:
                        url-env: STAGING_DATABASE_URL
                        lock-wait: 1s
                    """);
            Map<String, String> env = fixture.environment(workspace, "workflow_dispatch", event, "refs/heads/main");
            env.put("INPUT_CONFIG", "short-wait.yml");
            env.put("STAGING_DATABASE_URL", urlWithPassword(staging));
            ActionFixture.Run run = fixture.action(env);

            assertEquals(3, run.exit(), run.all());
            assertTrue(run.out().contains("another deployer holds the deploy lock"), run.out());
            assertEveryFileNotKnownToBePending(run);
            assertFalse(hasUsersTable(staging));
        }
    }
}
