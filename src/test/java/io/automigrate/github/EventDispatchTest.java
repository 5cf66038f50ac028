package io.automigrate.github;

import io.automigrate.AutomigrateException;
import io.automigrate.deploy.DeployResult;
import io.automigrate.deploy.Drift;
import io.automigrate.deploy.DriftResult;
import io.automigrate.deploy.FileState;
import io.automigrate.deploy.StatusResult;
import io.automigrate.deploy.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.automigrate.github.ActionFixture.BRANCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which workflow {@code command: auto} runs for each event, on which target. A recording stands in for the
 * deploy-side workflows and answers with typed results, so the decision and the rendering of those results are
 * what is checked (the workflows' own behaviour is tested with them).
 */
class EventDispatchTest extends ActionTestBase {
    /** Each call: the workflow, the target's environment, its URL as shown, the allowed codes. */
    final List<List<String>> calls = new ArrayList<>();

    /** Applies one migration; status has one applied and one pending; no drift. */
    private final Action.Deploys recording = new Action.Deploys() {
        @Override
        public DeployResult apply(Target target, List<String> allow) {
            record("apply", target, allow);
            return new DeployResult(DeployResult.Kind.APPLY, DeployResult.Status.APPLIED, target.describe(),
                    List.of(new DeployResult.StepResult("db/migrations/20261101000000_add_users_table.sql",
                            List.of("automigrate:20261101000000_add_users_table"), true, "", 5)), List.of(), null, 5);
        }

        @Override
        public StatusResult status(Target target) {
            record("status", target, List.of());
            return new StatusResult(target.describe(), List.of(
                    new FileState("db/migrations/a.sql", FileState.State.APPLIED, ""),
                    new FileState("db/migrations/b.sql", FileState.State.PENDING, "")), null, List.of());
        }

        @Override
        public DriftResult drift(Target target) {
            record("drift", target, List.of());
            return new DriftResult(target.describe(), Drift.none(), Drift.none());
        }

        private void record(String workflow, Target target, List<String> allow) {
            calls.add(List.of(workflow, String.valueOf(target.name()),
                    target.url() == null ? "-" : target.url().display(), String.join(",", allow)));
        }
    };

    private ActionFixture.Run push(String branch, Map<String, String> extra) throws Exception {
        Path workspace = fixture.checkout("main", 1);
        Path event = fixture.event("push", Map.of("REF", "refs/heads/" + branch, "BEFORE", fixture.mainSha,
                "AFTER", fixture.mainSha));
        Map<String, String> env = fixture.environment(workspace, "push", event, "refs/heads/" + branch);
        env.putAll(extra);
        return ActionFixture.run(env, recording);
    }

    @Test
    void pushToAMappedBranchAppliesToItsEnvironment() throws Exception {
        ActionFixture.Run run = push("main", Map.of("INPUT_ALLOW", "AM102, AM104"));
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of(List.of("apply", "production", "postgresql://app@db.example.com:5432/shop", "AM102,AM104")), calls);
        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        assertEquals("db/migrations/20261101000000_add_users_table.sql", outputs.get("applied"));
        assertEquals("", outputs.get("pending"));
        assertTrue(run.summary().contains("### automigrate: apply to production"), run.summary());
        fixture.assertNoSecrets(run);
    }

    @Test
    void theDatabaseUrlInputIsTheEnvironmentsDatabase() throws Exception {
        String url = "postgresql://deployer:" + ActionFixture.PASSWORD + "@db.internal:5432/shop";
        ActionFixture.Run run = push("develop", Map.of("INPUT_DATABASE-URL", url));
        assertEquals(List.of(List.of("apply", "staging", "postgresql://deployer@db.internal:5432/shop", "")), calls);
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
        ActionFixture.Run run = ActionFixture.run(env, recording);
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of(List.of("apply", "qa", "-", "")), calls);

        env.put("INPUT_CONFIG", "deploy/missing.yml");
        ActionFixture.Run missing = ActionFixture.run(env, recording);
        assertEquals(2, missing.exit());
        assertTrue(missing.out().contains("::error::deploy/missing.yml: configuration file not found"), missing.out());
    }

    @Test
    void workflowDispatchWithAnEnvironmentAppliesThere() throws Exception {
        Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", "staging"));
        ActionFixture.Run run = ActionFixture.run(fixture.environment(fixture.checkout("main", 1),
                "workflow_dispatch", event, "refs/heads/main"), recording);
        assertEquals(0, run.exit(), run.all());
        assertEquals(List.of(List.of("apply", "staging", "-", "")), calls);
    }

    @Test
    void workflowDispatchWithoutAnEnvironmentSaysSoAndSucceeds() throws Exception {
        Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", ""));
        ActionFixture.Run run = ActionFixture.run(fixture.environment(fixture.checkout("main", 1),
                "workflow_dispatch", event, "refs/heads/main"), recording);
        assertEquals(0, run.exit(), run.all());
        assertTrue(calls.isEmpty());
        assertTrue(run.out().contains("workflow_dispatch without an environment: nothing to do"), run.out());
    }

    @Test
    void otherEventsSayThereIsNothingToDo() throws Exception {
        Path event = fixture.event("workflow_dispatch", Map.of("ENVIRONMENT", ""));
        ActionFixture.Run run = ActionFixture.run(fixture.environment(fixture.checkout("main", 1), "release", event,
                "refs/tags/v1"), recording);
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
        ActionFixture.Run status = ActionFixture.run(env, recording);
        assertEquals(0, status.exit());
        assertEquals("db/migrations/a.sql", ActionFixture.outputs(status.outputs()).get("applied"));
        assertEquals("db/migrations/b.sql", ActionFixture.outputs(status.outputs()).get("pending"));
        assertTrue(status.summary().contains("| `db/migrations/b.sql` | pending |"), status.summary());
        env.put("INPUT_COMMAND", "drift");
        env.put("GITHUB_OUTPUT", java.nio.file.Files.createTempFile(dir, "o", "").toString());
        assertEquals(0, ActionFixture.run(env, recording).exit());
        assertEquals(List.of(List.of("status", "staging", "-", ""), List.of("drift", "staging", "-", "")), calls);

        env.put("INPUT_ENVIRONMENT", "");
        env.put("GITHUB_REF", "refs/heads/" + BRANCH);
        ActionFixture.Run unmapped = ActionFixture.run(env, recording);
        assertEquals(2, unmapped.exit(), unmapped.all());
        assertTrue(unmapped.out().contains("::error::command 'drift' needs an environment"), unmapped.out());
    }

    @Test
    void aFailingDeployFailsTheStepWithItsReason() throws Exception {
        Path workspace = fixture.checkout("main", 1);
        Path event = fixture.event("push", Map.of("REF", "refs/heads/main", "BEFORE", fixture.mainSha,
                "AFTER", fixture.mainSha));
        ActionFixture.Run run = ActionFixture.run(fixture.environment(workspace, "push", event, "refs/heads/main"),
                new Action.Deploys() {
                    @Override
                    public DeployResult apply(Target target, List<String> allow) {
                        throw AutomigrateException.checkFailed("environment 'production' drifted: see above");
                    }

                    @Override
                    public StatusResult status(Target target) {
                        throw new AssertionError("not called");
                    }

                    @Override
                    public DriftResult drift(Target target) {
                        throw new AssertionError("not called");
                    }
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
        ActionFixture.Run run = ActionFixture.run(env, recording);
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("::warning::pull_request_target runs with the base repository's secrets"),
                run.out());
        assertFalse(fixture.github.commentBodies().iterator().hasNext(), "nothing changed: no comment");
    }
}
