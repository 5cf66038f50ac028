package io.automigrate.github;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.automigrate.github.ActionFixture.BRANCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the action tells besides its exit code, through the GitHub stand-in: the outputs on a failed plan and a
 * refused apply, the comment's links and escaping, and the step's error line saying where the SQL really is.
 */
class ActionOutputsTest extends ActionTestBase {

    private Map<String, String> pullRequest(String head) throws Exception {
        Path event = fixture.event("pull_request_opened", Map.of("BASE_SHA", fixture.mainSha, "HEAD_SHA", head));
        return fixture.environment(fixture.checkout(BRANCH, 0), "pull_request", event, "refs/pull/7/merge");
    }

    @Test
    void aCommentNotPostedIsNotClaimedAndTheReportLinksAbsolutelyAndShowsAngleBrackets() throws Exception {
        // email dropped, mail added: AM102, whose advice names '-- automigrate:renamed-from <old name>'.
        String head = fixture.commitAndPush(BRANCH, "Mail instead of email", Map.of("db/schema.sql", """
                CREATE TABLE users (
                    id bigint PRIMARY KEY,
                    mail text
                );
                """));
        Map<String, String> env = pullRequest(head);
        env.put("INPUT_GITHUB-TOKEN", "");
        ActionFixture.Run run = fixture.action(env);

        assertEquals(1, run.exit(), run.all());
        assertTrue(fixture.github.commentBodies().isEmpty(), "no token, no comment");
        assertTrue(run.out().contains("(its SQL is in the job summary)"),
                "no comment was posted, so the error line must not send the reader to one\n" + run.out());
        assertFalse(run.out().contains("its SQL is in the pull-request comment"), run.out());

        String report = run.summary();
        assertTrue(report.contains("[AM102](https://github.com/automigrate/automigrate/blob/"), report);
        assertTrue(report.contains("/docs/lint.md#am102)"), report);
        assertFalse(report.contains("](docs/lint.md#"), "a relative link leads nowhere on the user's repository\n"
                + report);
        assertTrue(report.contains("renamed-from &lt;old name&gt;"), "GitHub would take <old name> for a tag\n"
                + report);
        assertTrue(report.contains("`column public.users.email` (db/schema.sql:1)"),
                "the dropped column's finding points at its table in the schema, a file the pull request has\n"
                        + report);
        assertFalse(report.contains("(line "), "never a line of the migration file, which is not written\n" + report);

        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        // Two reasons (the generated migration is refused at deploy, and the pull request lacks it): one output,
        // written once (GitHub keeps only the last of an output written twice), a line for each.
        assertEquals(1, run.outputs().lines().filter(l -> l.startsWith("error=") || l.startsWith("error<<")).count(),
                run.outputs());
        assertEquals(List.of("deploy will refuse a migration file of this change", "the schema has changes that no "
                + "migration covers"), outputs.get("error").lines().map(l -> l.replaceFirst(":.*", "")).toList(),
                run.outputs());
        assertEquals("high", outputs.get("risk"));
    }

    @Test
    void aConfigurationThatDoesNotLoadIsAPlanThatCouldNotRun() throws Exception {
        String head = fixture.commitAndPush(BRANCH, "A typo in the configuration", Map.of("automigrate.yml",
                "environments:\n  production:\n    branchez: [main]\n"));
        ActionFixture.Run run = fixture.action(pullRequest(head));

        assertEquals(2, run.exit(), run.all());
        assertTrue(run.out().contains("::error file=automigrate.yml,line=3,col=5::automigrate.yml:3:5: unknown key "
                + "'branchez'"), run.out());
        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        assertEquals("high", outputs.get("risk"), "nothing is known to be safe\n" + run.outputs());
        assertEquals("", outputs.get("changed"), run.outputs());
        assertEquals("[]", outputs.get("findings"), run.outputs());
        assertTrue(outputs.get("error").startsWith("automigrate.yml:3:5: unknown key 'branchez'"), run.outputs());
    }

    @Test
    void aPlanThatCannotRunStillWritesItsOutputs() throws Exception {
        String head = fixture.commitAndPush(BRANCH, "Broken schema", Map.of("db/schema.sql", """
                CREATE TABLE users (
                    id bigint PRIMARY KEY,
                    email text NOT NULL
                    name text
                );
                """));
        ActionFixture.Run run = fixture.action(pullRequest(head));

        assertEquals(2, run.exit(), run.all());
        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        assertEquals("high", outputs.get("risk"), "nothing is known to be safe\n" + run.outputs());
        assertTrue(outputs.get("error").startsWith("db/schema.sql:4:"), run.outputs());
        assertEquals("", outputs.get("migration-file"), run.outputs());
        assertEquals("[]", outputs.get("findings"), run.outputs());
        fixture.assertNoSecrets(run);
    }

    @Test
    void aMalformedMigrationIsAnErrorAnnotatedOnItsFileAndLine() throws Exception {
        String head = fixture.commitAndPush(BRANCH, "Audit by hand", Map.of(
                "db/migrations/20261201000000_audit.sql", """
                        --liquibase formatted sql

                        --changeset me:audit runInTransaction:maybe
                        CREATE TABLE audit (id int);
                        """));
        ActionFixture.Run run = fixture.action(pullRequest(head));

        assertEquals(2, run.exit(), run.all());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith(
                        "::error file=db/migrations/20261201000000_audit.sql,line=3::db/migrations/")),
                "the place is in the annotation's properties, not only in its text\n" + run.out());
        assertEquals("high", ActionFixture.outputs(run.outputs()).get("risk"), run.outputs());
    }

    @Test
    void aRefusedApplyListsThePendingFilesItDidNotRun() throws Exception {
        try (ShadowDatabase production = TestPostgres.newDatabase("production")) {
            // Tables but no history: apply refuses (run init first) before running anything.
            TestPostgres.execute(production, "CREATE TABLE legacy (id int)");
            Path event = fixture.event("push", Map.of("REF", "refs/heads/main", "BEFORE", fixture.mainSha,
                    "AFTER", fixture.mainSha));
            Map<String, String> env = fixture.environment(fixture.checkout("main", 1), "push", event,
                    "refs/heads/main");
            env.put("PRODUCTION_DATABASE_URL", production.url().display());
            ActionFixture.Run run = fixture.action(env);

            assertEquals(1, run.exit(), run.all());
            Map<String, String> outputs = ActionFixture.outputs(run.outputs());
            assertEquals("db/migrations/20261101000000_add_users_table.sql", outputs.get("pending"), run.outputs());
            assertEquals("", outputs.get("applied"), run.outputs());
            assertTrue(outputs.get("error").startsWith("apply to environment 'production' failed: "), run.outputs());
            assertTrue(run.summary().contains("- not run: `db/migrations/20261101000000_add_users_table.sql`"),
                    run.summary());
        }
    }
}
