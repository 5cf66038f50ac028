package io.automigrate.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.Secrets;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.deploy.Target;
import io.automigrate.git.ChangeDetector;
import io.automigrate.git.Detection;
import io.automigrate.git.MigrationCommit;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Severity;
import io.automigrate.plan.PlanRequest;
import io.automigrate.plan.PlanResult;
import io.automigrate.plan.Planner;
import io.automigrate.policy.EnvironmentPolicy;
import io.automigrate.report.PlanReport;
import io.automigrate.state.SchemaState;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code automigrate action}: what the container does in a workflow. Reads the runner's variables and the event
 * payload, decides (pull request → plan and comment; push to a mapped branch or a manual run with an environment →
 * apply; other pushes → plan --check), and reports through the PR comment, the job summary, step outputs and
 * annotations. Deploy-side commands run through the CLI ({@code apply}, {@code status}, {@code drift}) so that
 * the action and a terminal behave the same.
 */
public final class Action {
    /** Runs a CLI command in-process: {@code io.automigrate.cli.Main.run}. */
    @FunctionalInterface
    public interface Cli {
        int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final PrintStream err;
    private final Cli cli;
    private final Instant now;
    private final WorkflowCommands commands;
    private ActionInputs inputs;
    private Path workspace;
    private Path root;
    private Map<String, String> childEnv;
    private Config config;
    private JsonNode event;

    private Action(Map<String, String> env, PrintStream out, PrintStream err, Cli cli, Instant now) {
        this.env = env;
        this.err = err;
        this.cli = cli;
        this.now = now;
        this.commands = new WorkflowCommands(out, path(env, "GITHUB_OUTPUT"), path(env, "GITHUB_STEP_SUMMARY"));
    }

    public static int run(Map<String, String> env, PrintStream out, PrintStream err, Cli cli, Instant now) {
        Action action = new Action(env, out, err, cli, now);
        try {
            return action.run();
        } catch (AutomigrateException e) {
            action.commands.error(firstLine(e.getMessage()));
            err.println("error: " + Secrets.redact(e.getMessage()));
            return e.exitCode().code();
        }
    }

    private int run() {
        // Masked before anything else is printed, even before the inputs are checked.
        commands.mask(ActionInputs.input(env, "github-token", ""));
        maskUrlPassword(ActionInputs.input(env, "database-url", ""));
        maskUrlPassword(env.get(EnvironmentConfig.DEFAULT_URL_ENV));
        inputs = ActionInputs.from(env);
        workspace = Path.of(env.getOrDefault("GITHUB_WORKSPACE", "")).toAbsolutePath().normalize();
        root = workspace.resolve(inputs.workingDirectory()).normalize();
        commands.paths(workspace, root);
        if (!Files.isDirectory(root)) {
            throw AutomigrateException.badInput("input 'working-directory: " + inputs.workingDirectory() + "': " + root
                    + " is not a directory of the checkout (did the workflow run actions/checkout first?)");
        }
        childEnv = new HashMap<>(env);
        childEnv.put("AUTOMIGRATE_PROJECT_DIR", root.toString());
        putIfGiven("AUTOMIGRATE_SCHEMA", inputs.schema());
        putIfGiven("AUTOMIGRATE_MIGRATIONS", inputs.migrations());
        putIfGiven("AUTOMIGRATE_PG_VERSION", inputs.pgVersion());
        putIfGiven("AUTOMIGRATE_CONFIG", inputs.config());
        config = ConfigLoader.load(root, childEnv);
        for (EnvironmentConfig environment : config.environments().values()) {
            maskUrlPassword(env.get(environment.urlEnv()));
        }
        String eventName = env.getOrDefault("GITHUB_EVENT_NAME", "");
        event = GitHubEvent.read(path(env, "GITHUB_EVENT_PATH"));
        boolean pullRequest = eventName.equals("pull_request") || eventName.equals("pull_request_target");
        if (eventName.equals("pull_request_target")) {
            commands.warning("pull_request_target runs with the base repository's secrets and a write token, and "
                    + "this action loads the pull request's SQL into a database: a fork's author can run code there. "
                    + "Use the pull_request event for plans.");
        }
        return switch (inputs.commandKind()) {
            case PLAN -> pullRequest ? planPullRequest() : planCheck(eventName);
            case APPLY -> apply(requireEnvironment());
            case STATUS -> status(requireEnvironment());
            case DRIFT -> drift(requireEnvironment());
            case AUTO -> auto(eventName, pullRequest);
        };
    }

    private int auto(String eventName, boolean pullRequest) {
        if (pullRequest) return planPullRequest();
        if (eventName.equals("push")) {
            GitHubEvent.Push push = GitHubEvent.push(event);
            String ref = push.ref().isEmpty() ? env.getOrDefault("GITHUB_REF", "") : push.ref();
            if (!ref.startsWith("refs/heads/") || push.deleted()) {
                commands.log("automigrate: " + ref + (push.deleted() ? " was deleted" : " is not a branch")
                        + ": nothing to plan or apply.");
                return ExitCode.OK.code();
            }
            String environment = !inputs.environment().isEmpty() ? inputs.environment()
                    : Target.environmentForBranch(config, ref);
            if (environment != null) {
                commands.log("automigrate: push to " + ref.substring("refs/heads/".length()) + " → apply to environment '"
                        + environment + "'");
                return apply(environment);
            }
            commands.log("automigrate: " + ref.substring("refs/heads/".length()) + " is not mapped to an environment "
                    + "in " + Config.FILE_NAME + ": checking that every schema change has its migration (plan --check)");
            return planCheck(eventName);
        }
        if (eventName.equals("workflow_dispatch")) {
            String environment = dispatchEnvironment();
            if (environment.isEmpty()) {
                commands.log("automigrate: workflow_dispatch without an environment: nothing to do. Give the action "
                        + "'environment: ${{ inputs.environment }}' (see examples/workflows/manual-deploy.yml).");
                return ExitCode.OK.code();
            }
            return apply(environment);
        }
        commands.log("automigrate: the event '" + eventName + "' has no automatic command (pull_request plans, push and "
                + "workflow_dispatch deploy): nothing to do. Set the 'command' input (plan, apply, status, drift) to "
                + "run one explicitly.");
        return ExitCode.OK.code();
    }

    // ---- plan on a pull request

    private int planPullRequest() {
        GitHubEvent.PullRequest pr = GitHubEvent.pullRequest(event);
        boolean fork = pr.fromFork();
        boolean commit = inputs.commit() || config.commit().enabled();
        if (fork) {
            commands.log("automigrate: pull request #" + pr.number() + " comes from a fork (" + pr.headRepository()
                    + "): no comment is posted, nothing is pushed and the token writes nothing; the report is in the "
                    + "job summary.");
        }
        String schemaPath = fromTop(config.schema());
        String marker = "<!-- automigrate:plan:" + schemaPath + " -->";
        ApiHolder api = new ApiHolder(pr);
        Detection detection = detectPullRequest(pr, api);
        commands.log("automigrate: detected by " + detection.method() + ": " + (detection.changedFiles().isEmpty()
                ? "no relevant files changed" : String.join(", ", detection.changedFiles())));
        String detail = "automigrate · head " + abbreviate(pr.headSha()) + " · detected by " + detection.method();
        boolean mayWrite = !fork && inputs.comment();
        PlanResult result;
        try {
            result = Planner.plan(PlanRequest.of(root, config, now).detected(detection)
                    .checking(!(commit && !fork), false).judgedBy(policyOf(pr.baseRef())));
        } catch (AutomigrateException e) {
            String body = PlanReport.pullRequestFailure(marker, Secrets.redact(e.getMessage()), detail);
            commands.summary(body);
            if (mayWrite) comment(api, pr, marker, body, true);
            throw e;
        }
        commands.log(PlanReport.text(result));
        String committed = null;
        String notCommitted = null;
        if (commit && !fork && result.status() == PlanResult.Status.PLANNED && result.written()) {
            try {
                MigrationCommit.Result pushed = commitMigration(pr, result);
                committed = pushed.pushed();
                notCommitted = pushed.reason();
            } catch (AutomigrateException e) {
                // The plan still goes to the comment; the step fails below, saying why nothing was pushed.
                notCommitted = e.getMessage();
            }
            commands.log(committed != null ? "automigrate: pushed " + committed + " to " + pr.headRef()
                    : "automigrate: not committed: " + notCommitted);
        }
        annotate(result);
        String body = PlanReport.pullRequestComment(result, new PlanReport.PullRequest(marker, pr.baseRef(),
                Target.environmentForBranch(config, pr.baseRef()), fork, committed, migrationsIn(detection), detail));
        boolean unchanged = result.status() == PlanResult.Status.NO_RELEVANT_CHANGES;
        // A comment is created only for something to review; one that exists learns that the change is gone.
        if (mayWrite) comment(api, pr, marker, body, !unchanged);
        commands.summary(unchanged ? PlanReport.markdown(result) : body);
        planOutputs(result);
        if (result.status() == PlanResult.Status.PROOF_FAILED) {
            commands.error("the generated migration " + result.migrationFile() + " failed its proof: see the report");
            return ExitCode.CHECK_FAILED.code();
        }
        if (result.status() == PlanResult.Status.PLANNED && committed == null) {
            commands.error("the schema has changes that no migration covers: add " + result.migrationFile()
                    + " to the pull request (its SQL is in the " + (mayWrite ? "pull-request comment" : "job summary")
                    + ")" + (notCommitted != null ? "; it was not committed: " + notCommitted
                    : commit || fork ? "" : ", or set the action's 'commit: true'"));
            return ExitCode.CHECK_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    /** The GitHub API, connected on first use (a pull request with its base in the clone and no comment needs none). */
    private final class ApiHolder {
        private final GitHubEvent.PullRequest pr;
        private PullRequestApi api;

        ApiHolder(GitHubEvent.PullRequest pr) {
            this.pr = pr;
        }

        PullRequestApi get() {
            if (api == null) {
                String repository = env.getOrDefault("GITHUB_REPOSITORY", pr.baseRepository());
                api = PullRequestApi.connect(env.getOrDefault("GITHUB_API_URL", "https://api.github.com"),
                        inputs.token(), repository);
            }
            return api;
        }
    }

    private Detection detectPullRequest(GitHubEvent.PullRequest pr, ApiHolder api) {
        List<String> watched = PlanRequest.watchedPaths(config);
        if (!pr.baseSha().isEmpty() && ChangeDetector.hasCommit(root, pr.baseSha())) {
            // Against the checkout, not the head commit: actions/checkout checks out the merge of head into base, so
            // base..checkout is exactly what the pull request changes, even when base moved on since it branched.
            return ChangeDetector.detect(root, pr.baseSha(), null, watched);
        }
        List<String> files = api.get().changedFiles(pr.number());
        return ChangeDetector.fromFiles(root, files, watched, "the pull request's changed-file list from the GitHub API "
                + "(base commit " + abbreviate(pr.baseSha()) + " is not in this shallow clone)");
    }

    private void comment(ApiHolder api, GitHubEvent.PullRequest pr, String marker, String body, boolean create) {
        if (inputs.token().isEmpty()) {
            commands.warning("no github-token: the plan is in the job summary, not in a pull-request comment");
            return;
        }
        try {
            PullRequestApi.CommentAction done = api.get().upsertComment(pr.number(), marker, fitComment(body), create);
            commands.log("automigrate: pull-request comment " + done.name().toLowerCase(java.util.Locale.ROOT));
        } catch (AutomigrateException e) {
            // The plan itself is done and in the summary: a comment that cannot be posted is a warning.
            commands.warning(firstLine(e.getMessage()));
        }
    }

    /** GitHub refuses comments over 65,536 characters: a longer report is cut, and the summary holds all of it. */
    static String fitComment(String body) {
        int limit = 60_000;
        if (body.length() <= limit) return body;
        String cut = body.substring(0, body.lastIndexOf('\n', limit) + 1);
        boolean openFence = (cut.split("```", -1).length - 1) % 2 == 1;
        return cut + (openFence ? "```\n" : "") + "\n**The report is too long for a comment: the job summary of "
                + "this run holds all of it.**\n";
    }

    private MigrationCommit.Result commitMigration(GitHubEvent.PullRequest pr, PlanResult result) {
        Path file = root.resolve(result.migrationFile());
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw AutomigrateException.badInput(file + ": cannot read the generated migration: " + e.getMessage());
        }
        PersonIdent author = new PersonIdent(config.commit().authorName(), config.commit().authorEmail());
        String message = config.commit().message().replace("{name}", result.migrationName());
        return MigrationCommit.commitAndPush(root, fromTop(result.migrationFile()), content, pr.headRef(),
                pr.headSha(), author, message, inputs.token());
    }

    /** The migration files among the detected changes (top-relative paths). */
    private List<String> migrationsIn(Detection detection) {
        String directory = fromTop(config.migrations()).replaceAll("/+$", "") + "/";
        return detection.changedFiles().stream().filter(f -> f.startsWith(directory)).toList();
    }

    /**
     * The policy of the environment that {@code branch} deploys to (a pull request's base, a push's branch), with
     * the 'allow' input: the plan in the comment is judged as that environment's apply will judge it.
     */
    private EnvironmentPolicy policyOf(String branch) {
        String environment = branch == null ? null : Target.environmentForBranch(config, branch);
        return EnvironmentPolicy.of(config, environment, inputs.allow(), "the 'allow' input");
    }

    // ---- plan --check on pushes and other events

    private int planCheck(String eventName) {
        Detection detection = null;
        if (eventName.equals("push")) {
            GitHubEvent.Push push = GitHubEvent.push(event);
            List<String> watched = PlanRequest.watchedPaths(config);
            if (push.created()) {
                commands.log("automigrate: the push created the branch: planning everything");
            } else if (ChangeDetector.hasCommit(root, push.before())) {
                detection = ChangeDetector.detect(root, push.before(),
                        ChangeDetector.hasCommit(root, push.after()) ? push.after() : null, watched);
            } else if (push.files() != null) {
                detection = ChangeDetector.fromFiles(root, push.files(), watched, "the push event's commit list "
                        + "(commit " + abbreviate(push.before()) + " is not in this shallow clone)");
            } else {
                commands.log("automigrate: cannot tell what the push changed (commit " + abbreviate(push.before())
                        + " is not in this clone and the event does not list every file): planning everything");
            }
        }
        PlanResult result = Planner.plan(PlanRequest.of(root, config, now).detected(detection).checking(true, false)
                .judgedBy(policyOf(env.get("GITHUB_REF"))));
        commands.log(PlanReport.text(result));
        annotate(result);
        commands.summary(PlanReport.markdown(result));
        planOutputs(result);
        if (result.status() == PlanResult.Status.PROOF_FAILED) {
            commands.error("the generated migration failed its proof: see the report");
            return ExitCode.CHECK_FAILED.code();
        }
        if (result.status() == PlanResult.Status.PLANNED) {
            commands.error("the schema has changes that no migration covers: run 'automigrate plan' and commit "
                    + result.migrationFile().replaceAll("/[^/]+$", "/") + "...");
            return ExitCode.CHECK_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    private void planOutputs(PlanResult result) {
        commands.output("changed", String.valueOf(result.changed()));
        commands.output("migration-file", result.changed() ? fromTop(result.migrationFile()) : "");
        commands.output("migration-name", result.changed() ? result.migrationName() : "");
        commands.output("risk", result.changed() ? result.risk() : "none");
        commands.output("findings", PlanReport.findingsJson(result.findings()));
    }

    /** Each finding on the schema line that declares its object; else on the migration file's line, if written. */
    private void annotate(PlanResult result) {
        if (result.findings().isEmpty()) return;
        SchemaLines lines = new SchemaLines(SchemaState.schema(root, config.schema()).files());
        for (Finding finding : result.findings()) {
            SchemaLines.Location at = lines.find(finding.target());
            String file = at != null ? fromTop(at.file()) : result.written() ? fromTop(result.migrationFile()) : null;
            int line = at != null ? at.line() : result.written() ? finding.line() : 0;
            // An allowed finding (inline hint, environment, --allow) is still worth a look, not a red mark.
            WorkflowCommands.Level level = finding.suppression() != null ? WorkflowCommands.Level.NOTICE
                    : finding.severity() == Severity.ERROR ? WorkflowCommands.Level.ERROR
                    : finding.severity() == Severity.WARNING ? WorkflowCommands.Level.WARNING
                    : WorkflowCommands.Level.NOTICE;
            commands.annotate(level, file, line, finding.code() + " " + finding.title(),
                    finding.target() + ": " + finding.why() + " Safer: " + finding.safer());
        }
    }

    // ---- deploy side, through the CLI

    private int apply(String environment) {
        List<String> allow = new ArrayList<>();
        for (String code : inputs.allow()) allow.addAll(List.of("--allow", code));
        Captured run = deployCommand("apply", environment, "json", allow);
        JsonNode report = parse(run.out());
        // apply's JSON: {"status": "applied" | "up-to-date" | ..., "message": ..., "steps": [{"file": ...}, ...]}
        List<String> files = new ArrayList<>();
        report.path("steps").forEach(step -> files.add(step.path("file").asText()));
        String status = report.path("status").asText("");
        List<String> applied = status.equals("applied") ? files : List.of();
        List<String> pending = status.equals("applied") ? List.of() : files;
        commands.output("applied", String.join("\n", applied));
        commands.output("pending", String.join("\n", pending));
        StringBuilder summary = new StringBuilder("### automigrate: apply to ").append(environment).append(": ")
                .append(run.exit() == 0 ? report.path("message").asText("done") : "failed").append("\n\n");
        applied.forEach(file -> summary.append("- applied `").append(file).append("`\n"));
        if (run.exit() != 0) summary.append("```\n").append(run.err().strip()).append("\n```\n");
        commands.summary(summary.toString());
        return finish(run, "apply to environment '" + environment + "' failed");
    }

    private int status(String environment) {
        Captured run = deployCommand("status", environment, "json", List.of());
        // status's JSON: {"message": ..., "migrations": [{"file": ..., "state": "applied" | "pending" | ...}], ...}
        JsonNode report = parse(run.out());
        commands.output("applied", String.join("\n", filesIn(report, "applied")));
        commands.output("pending", String.join("\n", filesIn(report, "pending")));
        StringBuilder summary = new StringBuilder("### automigrate: status of ").append(environment).append(": ")
                .append(report.path("message").asText("failed")).append("\n\n");
        if (report.path("migrations").size() > 0) {
            summary.append("| migration | state |\n| --- | --- |\n");
            report.path("migrations").forEach(m -> summary.append("| `").append(m.path("file").asText()).append("` | ")
                    .append(m.path("state").asText()).append(" |\n"));
        }
        commands.summary(summary.toString());
        return finish(run, "status of environment '" + environment + "' failed");
    }

    private int drift(String environment) {
        Captured run = deployCommand("drift", environment, "markdown", List.of());
        commands.summary(run.out().isBlank() ? "### automigrate: drift check of " + environment + " failed\n\n```\n"
                + run.err().strip() + "\n```\n" : run.out());
        return finish(run, run.exit() == 1 ? "environment '" + environment + "' drifted from its migrations"
                : "drift check of environment '" + environment + "' failed");
    }

    /** Runs {@code command --env NAME --format FORMAT extra...} through the CLI. */
    private Captured deployCommand(String command, String environment, String format, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(command));
        Map<String, String> variables = targetArgs(environment, args);
        args.addAll(List.of("--format", format));
        args.addAll(extra);
        return runCli(args, variables);
    }

    /**
     * Adds {@code --env NAME} (or {@code --url} for a {@code database-url} input naming no configured environment) and
     * returns the variables the command sees, with the {@code database-url} input in the environment's variable.
     */
    private Map<String, String> targetArgs(String environment, List<String> args) {
        Map<String, String> variables = new HashMap<>(childEnv);
        EnvironmentConfig configured = config.environments().get(environment);
        if (!inputs.databaseUrl().isEmpty() && configured == null) {
            args.addAll(List.of("--url", inputs.databaseUrl()));
            return variables;
        }
        if (!inputs.databaseUrl().isEmpty()) variables.put(configured.urlEnv(), inputs.databaseUrl());
        args.addAll(List.of("--env", environment));
        return variables;
    }

    private record Captured(int exit, String out, String err) {
    }

    private Captured runCli(List<String> args, Map<String, String> variables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = cli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8), variables);
        Captured captured = new Captured(exit, Secrets.redact(out.toString(StandardCharsets.UTF_8)),
                Secrets.redact(errors.toString(StandardCharsets.UTF_8)));
        if (!captured.out().isBlank()) commands.log(captured.out().stripTrailing());
        if (!captured.err().isBlank()) err.println(captured.err().stripTrailing());
        return captured;
    }

    private int finish(Captured run, String failure) {
        if (run.exit() != 0) {
            String reason = run.err().lines().filter(l -> l.startsWith("error: ")).map(l -> l.substring(7))
                    .findFirst().orElse(firstLine(run.err()));
            commands.error(failure + (reason.isBlank() ? "" : ": " + reason));
        }
        return run.exit();
    }

    private static JsonNode parse(String json) {
        try {
            return json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static List<String> filesIn(JsonNode report, String state) {
        List<String> files = new ArrayList<>();
        report.path("migrations").forEach(m -> {
            if (m.path("state").asText().equals(state)) files.add(m.path("file").asText());
        });
        return files;
    }

    private String requireEnvironment() {
        if (!inputs.environment().isEmpty()) return inputs.environment();
        String dispatched = dispatchEnvironment();
        if (!dispatched.isEmpty()) return dispatched;
        String ref = env.getOrDefault("GITHUB_REF", "");
        String mapped = ref.startsWith("refs/heads/") ? Target.environmentForBranch(config, ref) : null;
        if (mapped != null) return mapped;
        throw AutomigrateException.badInput("command '" + inputs.command() + "' needs an environment: set the "
                + "action's 'environment' input, or map the branch (" + ref + ") under 'branches' of an environment in "
                + Config.FILE_NAME);
    }

    private String dispatchEnvironment() {
        return inputs.environment().isEmpty() ? GitHubEvent.dispatchEnvironment(event) : inputs.environment();
    }

    // ---- small helpers

    /** A path relative to the project root, as a path relative to the workspace (what annotations and markers use). */
    private String fromTop(String relativeToRoot) {
        return workspace.relativize(root.resolve(relativeToRoot).normalize()).toString().replace('\\', '/');
    }

    private void maskUrlPassword(String url) {
        if (url == null || url.isBlank()) return;
        try {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            commands.mask(parsed.password());
        } catch (AutomigrateException e) {
            // not a URL we can read: mask it whole rather than leak a password in an odd shape
            commands.mask(url);
        }
    }

    private void putIfGiven(String key, String value) {
        if (!value.isEmpty()) childEnv.put(key, value);
    }

    private static Path path(Map<String, String> env, String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static String abbreviate(String sha) {
        return sha == null || sha.length() < 7 ? String.valueOf(sha) : sha.substring(0, 7);
    }

    private static String firstLine(String text) {
        return text == null ? "" : Secrets.redact(text.strip().lines().findFirst().orElse(""));
    }
}
