package io.automigrate.github;

import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.automigrate.github.ActionFixture.BRANCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which command {@code command: auto} runs for each event. Deploy-side commands are reached through the CLI with
 * their documented flags; here a recording CLI stands in for them, so the decision itself is what is checked (the
 * commands' own behaviour is tested with them).
 */
class EventDispatchTest extends ActionTestBase {
    final List<List<String>> calls = new ArrayList<>();
    final List<Map<String, String>> variables = new ArrayList<>();

    /** Answers apply as apply --format json does after applying one migration; status with one applied, one pending. */
    private int recording(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        calls.add(List.of(args));
        variables.add(env);
        out.println(args[0].equals("apply")
                ? "{\"status\":\"applied\",\"message\":\"applied 1 changeset(s)\",\"steps\":[{\"file\":"
                        + "\"db/migrations/20261101000000_add_users_table.sql\"}]}"
                : "{\"message\":\"1 pending\",\"migrations\":[{\"file\":\"db/migrations/a.sql\",\"state\":\"applied\"},"
                        + "{\"file\":\"db/migrations/b.sql\",\"state\":\"pending\"}]}");
        return 0;
    }

    private ActionFixture.Run push(String branch, Map<String, String> extra) throws Exception {
        Path workspace = fixture.checkout("main", 1);
        Path event = fixture.event("push", Map.of("REF", "refs/heads/" + branch, "BEFORE", fixture.mainSha,
                "AFTER", fixture.mainSha));
        Map<String, String> env = fixture.environment(workspace, "push", event, "refs/heads/" + branch);
        env.putAll(extra);
        return ActionFixture.run(env, this::recording);
    }

    @Test
    void pushToAMappedBranchAppliesToItsEnvironment() throws Exception {
        ActionFixture.Run run = push("main", Map.of("INPUT_ALLOW", "AM102, AM104"));
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of(List.of("apply", "--env", "production", "--format", "json", "--allow", "AM102",
                "--allow", "AM104")), calls);
        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        assertEquals("db/migrations/20261101000000_add_users_table.sql", outputs.get("applied"));
        assertEquals("", outputs.get("pending"));
        assertTrue(run.summary().contains("### automigrate: apply to production"), run.summary());
        assertTrue(variables.get(0).get("AUTOMIGRATE_PROJECT_DIR").endsWith("workspace-1"), variables.toString());
        fixture.assertNoSecrets(run);
    }

    @Test
    void theDatabaseUrlInputGoesToTheEnvironmentsVariableNotToTheCommandLine() throws Exception {
        String url = "postgresql://deployer:" + ActionFixture.PASSWORD + "@db.internal:5432/shop";
        ActionFixture.Run run = push("develop", Map.of("INPUT_DATABASE-URL", url));
        assertEquals(List.of(List.of("apply", "--env", "staging", "--format", "json")), calls);
        assertEquals(url, variables.get(0).get("STAGING_DATABASE_URL"));
        assertTrue(run.out().contains("::add-mask::" + ActionFixture.PASSWORD), run.out());
        fixture.assertNoSecrets(run);
    }

    @Test
    void theConfigInputNamesAnotherConfigurationFile() throws Exception {
        String after = fixture.commitAndPush(ActionFixture.BRANCH, "qa config", Map.of("deploy/qa.yml", """
                environments:
                  qa:
                    branches: [main]
                """));
        fixture.author.push().setRemote("origin").add(ActionFixture.BRANCH).call();
        Path workspace = fixture.checkout(ActionFixture.BRANCH, 1);
        Path event = fixture.event("push", Map.of("REF", "refs/heads/main", "BEFORE", fixture.mainSha, "AFTER", after));
        Map<String, String> env = fixture.environment(workspace, "push", event, "refs/heads/main");
        env.put("INPUT_CONFIG", "deploy/qa.yml");
        ActionFixture.Run run = ActionFixture.run(env, this::recording);
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of(List.of("apply", "--env", "qa", "--format", "json")), calls);
        assertEquals("deploy/qa.yml", variables.get(0).get("AUTOMIGRATE_CONFIG"));

        env.put("INPUT_CONFIG", "deploy/missing.yml");
        ActionFixture.Run missing = ActionFixture.run(env, this::recording);
        assertEquals(2, missing.exit());
        assertTrue(missing.out().contains("::error::deploy/missing.yml: configuration file not found"), missing.out());
    }

    @Test
    void workflowDispatchWithAnEnvironmentAppliesThere() throws Exception {
        Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", "staging"));
        ActionFixture.Run run = ActionFixture.run(fixture.environment(fixture.checkout("main", 1),
                "workflow_dispatch", event, "refs/heads/main"), this::recording);
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of(List.of("apply", "--env", "staging", "--format", "json")), calls);
    }

    @Test
    void workflowDispatchWithoutAnEnvironmentSaysSoAndSucceeds() throws Exception {
        Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", ""));
        ActionFixture.Run run = ActionFixture.run(fixture.environment(fixture.checkout("main", 1),
                "workflow_dispatch", event, "refs/heads/main"), this::recording);
        assertEquals(0, run.exit(), run.all());
        assertTrue(calls.isEmpty());
        assertTrue(run.out().contains("workflow_dispatch without an environment: nothing to do"), run.out());
    }

    @Test
    void otherEventsSayThereIsNothingToDo() throws Exception {
        Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", ""));
        ActionFixture.Run run = ActionFixture.run(fixture.environment(fixture.checkout("main", 1), "release", event,
                "refs/tags/v1"), this::recording);
        assertEquals(0, run.exit(), run.all());
        assertTrue(calls.isEmpty());
        assertTrue(run.out().contains("the event 'release' has no automatic command"), run.out());
    }

    @Test
    void explicitCommandsTakeTheEnvironmentInputAndFailWithoutOne() throws Exception {
        Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", ""));
        Map<String, String> env = fixture.environment(fixture.checkout("main", 1), "schedule", event,
                "refs/heads/main");
        env.put("INPUT_COMMAND", "status");
        env.put("INPUT_ENVIRONMENT", "staging");
        ActionFixture.Run status = ActionFixture.run(env, this::recording);
        assertEquals(0, status.exit());
        assertEquals("db/migrations/a.sql", ActionFixture.outputs(status.outputs()).get("applied"));
        assertEquals("db/migrations/b.sql", ActionFixture.outputs(status.outputs()).get("pending"));
        assertTrue(status.summary().contains("| `db/migrations/b.sql` | pending |"), status.summary());
        env.put("INPUT_COMMAND", "drift");
        env.put("GITHUB_OUTPUT", java.nio.file.Files.createTempFile(dir, "o", "").toString());
        assertEquals(0, ActionFixture.run(env, this::recording).exit());
        assertEquals(List.of(List.of("status", "--env", "staging", "--format", "json"),
                List.of("drift", "--env", "staging", "--format", "markdown")), calls);

        env.put("INPUT_ENVIRONMENT", "");
        env.put("GITHUB_REF", "refs/heads/" + BRANCH);
        ActionFixture.Run unmapped = ActionFixture.run(env, this::recording);
        assertEquals(2, unmapped.exit(), unmapped.all());
        assertTrue(unmapped.out().contains("::error::command 'drift' needs an environment"), unmapped.out());
    }

    @Test
    void aFailingDeployFailsTheStepWithItsReason() throws Exception {
        Path workspace = fixture.checkout("main", 1);
        Path event = fixture.event("push", Map.of("REF", "refs/heads/main", "BEFORE", fixture.mainSha,
                "AFTER", fixture.mainSha));
        ActionFixture.Run run = ActionFixture.run(fixture.environment(workspace, "push", event, "refs/heads/main"),
                (args, out, err, env) -> {
                    err.println("error: environment 'production' drifted: see above");
                    return 1;
                });
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("::error::apply to environment 'production' failed: environment 'production' "
                + "drifted: see above"), run.out());
    }

    @Test
    void pullRequestTargetIsWarnedAbout() throws Exception {
        Path event = fixture.event("pull_request_opened", Map.of("BASE_SHA", fixture.mainSha,
                "HEAD_SHA", fixture.mainSha));
        Map<String, String> env = fixture.environment(fixture.checkout("main", 0), "pull_request_target", event,
                "refs/heads/main");
        ActionFixture.Run run = ActionFixture.run(env, this::recording);
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("::warning::pull_request_target runs with the base repository's secrets"),
                run.out());
        assertFalse(fixture.github.commentBodies().iterator().hasNext(), "nothing changed: no comment");
    }
}
