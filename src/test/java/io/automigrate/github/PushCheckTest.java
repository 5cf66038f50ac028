package io.automigrate.github;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static io.automigrate.github.ActionFixture.BRANCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A push to a branch that deploys nowhere runs plan --check, detecting changes from a shallow clone. */
class PushCheckTest extends ActionTestBase {

    @Test
    void aSchemaEditWithoutItsMigrationFailsDetectedFromThePushPayload() throws Exception {
        String after = fixture.commitAndPush(BRANCH, "Display names", Map.of("db/schema.sql",
                ActionFixture.SCHEMA_MAIN.replace("email text NOT NULL", "email text NOT NULL,\n    display_name text")));
        Path event = fixture.event("push", Map.of("REF", "refs/heads/" + BRANCH, "BEFORE", fixture.mainSha,
                "AFTER", after));
        ActionFixture.Run run = fixture.action(fixture.environment(fixture.checkout(BRANCH, 1), "push", event,
                "refs/heads/" + BRANCH));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("detected by the push event's commit list (commit " + fixture.mainSha.substring(0, 7)
                + " is not in this shallow clone)"), run.out());
        assertTrue(run.out().contains("::error::the schema has changes that no migration covers"), run.out());
        assertTrue(run.summary().contains("ADD COLUMN display_name text"), run.summary());
        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        assertEquals("true", outputs.get("changed"));
        assertEquals("low", outputs.get("risk"));
        assertEquals("[]", outputs.get("findings"));
    }

    @Test
    void aMonorepoProjectsMissingMigrationIsNamedFromTheRepositoryTop() throws Exception {
        String project = "services/shop/";
        String before = fixture.commitAndPush(BRANCH, "The shop service", Map.of(
                project + "db/schema.sql", ActionFixture.SCHEMA_MAIN,
                project + "db/migrations/20261101000000_add_users_table.sql", ActionFixture.FIRST_MIGRATION));
        String after = fixture.commitAndPush(BRANCH, "Display names", Map.of(project + "db/schema.sql",
                ActionFixture.SCHEMA_MAIN.replace("email text NOT NULL", "email text NOT NULL,\n    display_name text")));
        Path event = fixture.event("push", Map.of("REF", "refs/heads/" + BRANCH, "BEFORE", before, "AFTER", after));
        Map<String, String> env = fixture.environment(fixture.checkout(BRANCH, 0), "push", event,
                "refs/heads/" + BRANCH);
        env.put("INPUT_WORKING-DIRECTORY", "services/shop");
        ActionFixture.Run run = fixture.action(env);

        assertEquals(1, run.exit(), run.all());
        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        assertTrue(outputs.get("migration-file").startsWith(project + "db/migrations/"), run.outputs());
        // The error line and output name the folder as the outputs and annotations do: from the repository's top.
        String error = "the schema has changes that no migration covers: run 'automigrate plan' and commit "
                + project + "db/migrations/...";
        assertEquals(error, outputs.get("error"), run.outputs());
        assertTrue(run.out().contains("::error::" + error), run.out());
    }

    @Test
    void aPushThatChangesNoSchemaFileSaysSoWithoutADatabase() throws Exception {
        String after = fixture.commitAndPush(BRANCH, "Docs", Map.of("README.md", "# shop\n"));
        Path event = fixture.event("push", Map.of("REF", "refs/heads/" + BRANCH, "BEFORE", fixture.mainSha,
                "AFTER", after));
        Map<String, String> env = fixture.environment(fixture.checkout(BRANCH, 0), "push", event,
                "refs/heads/" + BRANCH);
        // A shadow that cannot start: detection must answer before any database is needed.
        env.put("AUTOMIGRATE_SHADOW", "url");
        env.put("AUTOMIGRATE_SHADOW_URL", "postgresql://nobody@127.0.0.1:1/none");
        ActionFixture.Run run = ActionFixture.run(env, null);
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("no schema changes"), run.out());
        assertEquals("false", ActionFixture.outputs(run.outputs()).get("changed"));
    }

    @Test
    void aPushThatCreatesTheBranchPlansEverything() throws Exception {
        fixture.author.push().setRemote("origin").add(BRANCH).call();
        Path event = fixture.event("push", Map.of("REF", "refs/heads/" + BRANCH, "BEFORE",
                GitHubEvent.ZERO_SHA, "AFTER", fixture.mainSha));
        ActionFixture.Run run = fixture.action(fixture.environment(fixture.checkout(BRANCH, 1), "push", event,
                "refs/heads/" + BRANCH));
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("the push created the branch: planning everything"), run.out());
        assertTrue(run.out().contains("schema and migrations agree"), run.out());
    }
}
