package io.automigrate.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.Secrets;
import io.automigrate.config.AutoMigrate;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.deploy.DeployFailure;
import io.automigrate.deploy.DeployRequest;
import io.automigrate.deploy.DeployResult;
import io.automigrate.deploy.Deployer;
import io.automigrate.deploy.DriftCheck;
import io.automigrate.deploy.DriftResult;
import io.automigrate.deploy.FileState;
import io.automigrate.deploy.StatusCheck;
import io.automigrate.deploy.StatusResult;
import io.automigrate.deploy.Target;
import io.automigrate.git.ChangeDetector;
import io.automigrate.git.Detection;
import io.automigrate.git.MigrationCommit;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Severity;
import io.automigrate.plan.MigrationReview;
import io.automigrate.plan.PlanRequest;
import io.automigrate.plan.PlanResult;
import io.automigrate.plan.Planner;
import io.automigrate.policy.EnvironmentPolicy;
import io.automigrate.report.DeployReport;
import io.automigrate.report.DriftReport;
import io.automigrate.report.PlanReport;
import io.automigrate.report.StatusReport;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code automigrate action}: what the container does in a workflow. Reads the runner's variables and the event
 * payload, decides (pull request → plan and comment; push to a mapped branch or a manual run with an environment →
 * apply; other pushes → plan --check), and reports through the PR comment, the job summary, step outputs and
 * annotations. The deploy side ({@code apply}, {@code status}, {@code drift}) runs the same workflows as the CLI
 * and renders their typed results; it never runs a command to read its output.
 */
public final class Action {
    /** The deploy-side workflows the Action runs, with typed results; {@link #local} runs the real ones. */
    public interface Deploys {
        DeployResult apply(Target target, List<String> allow);

        StatusResult status(Target target);

        DriftResult drift(Target target);

        /** The workflows of the {@code deploy} package, on the project at {@code root}. */
        static Deploys local(Path root, Config config, Map<String, String> variables, Consumer<String> log) {
            return new Deploys() {
                @Override
                public DeployResult apply(Target target, List<String> allow) {
                    if (AutoMigrate.switchedOff(variables)) {
                        return DeployResult.switchedOff(variables);
                    }
                    try {
                        return Deployer.apply(DeployRequest.of("apply", root, config, target,
                                config.shadow(), false, false, allow, log, variables));
                    } catch (AutomigrateException e) {
                        // Stopped before the database answered: the step still says which files did not run.
                        throw DeployFailure.beforeHistory(e, root, config);
                    }
                }

                @Override
                public StatusResult status(Target target) {
                    return StatusCheck.run(target, root, config, config.shadow(), log);
                }

                @Override
                public DriftResult drift(Target target) {
                    return DriftCheck.run(target, root, config, config.shadow(), log);
                }
            };
        }
    }

    private final Map<String, String> env;
    private final PrintStream err;
    /** Null until the configuration is read: then the given workflows, or the real ones. */
    private Deploys deploys;
    private final Instant now;
    private final WorkflowCommands commands;
    private ActionInputs inputs;
    private Path workspace;
    private Path root;
    private Map<String, String> childEnv;
    private Config config;
    private JsonNode event;
    /** The step plans (a pull request, or command: plan): a failure before its outputs still writes them. */
    private boolean planning;
    private boolean planOutputsWritten;

    private Action(Map<String, String> env, PrintStream out, PrintStream err, Deploys deploys, Instant now) {
        this.env = env;
        this.err = err;
        this.deploys = deploys;
        this.now = now;
        this.commands = new WorkflowCommands(out, path(env, "GITHUB_OUTPUT"), path(env, "GITHUB_STEP_SUMMARY"));
    }

    /** {@code deploys}: the deploy-side workflows, null for the real ones ({@link Deploys#local}). */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err, Deploys deploys, Instant now) {
        Action action = new Action(env, out, err, deploys, now);
        try {
            return action.run();
        } catch (AutomigrateException e) {
            // A plan that could not run (a configuration that does not load, changes that cannot be detected):
            // nothing is known to be safe.
            if (action.planning && !action.planOutputsWritten) action.failedPlanOutputs();
            action.commands.output("error", e.getMessage().strip());
            action.commands.error(firstLine(e.getMessage()), e.location());
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
        String eventName = env.getOrDefault("GITHUB_EVENT_NAME", "");
        boolean pullRequest = eventName.equals("pull_request") || eventName.equals("pull_request_target");
        planning = inputs.commandKind() == ActionInputs.Command.PLAN
                || inputs.commandKind() == ActionInputs.Command.AUTO && pullRequest;
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
        io.automigrate.Trace.step("action: inputs and configuration read");
        if (deploys == null) {
            deploys = Deploys.local(root, config, childEnv, line -> err.println(Secrets.redact(line)));
        }
        for (EnvironmentConfig environment : config.environments().values()) {
            maskUrlPassword(env.get(environment.urlEnv()));
        }
        event = GitHubEvent.read(path(env, "GITHUB_EVENT_PATH"));
        io.automigrate.Trace.step("action: event read");
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
        boolean mayWrite = !fork && inputs.comment();
        ApiHolder api = new ApiHolder(pr);
        // Every pull request with a comment to keep talks to the API, even when nothing relevant changed (a comment
        // from an earlier push learns that): connecting (TLS, the client, the repository) overlaps detection and plan.
        if (mayWrite && !inputs.token().isEmpty()) api.connectAhead();
        Detection detection = detectPullRequest(pr, api);
        io.automigrate.Trace.step("action: changes detected");
        commands.log("automigrate: detected by " + detection.method() + ": " + (detection.changedFiles().isEmpty()
                ? "no relevant files changed" : String.join(", ", detection.changedFiles())));
        String detail = "automigrate · head " + abbreviate(pr.headSha()) + " · detected by " + detection.method();
        PlanResult result;
        try {
            result = Planner.plan(PlanRequest.of(root, config, stampOf(pr)).configuredBy(inputs.config())
                    .detected(detection).checking(!(commit && !fork), false).judgedBy(policyOf(pr.baseRef())));
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
            // Its findings were placed on its lines for the commit: none was pushed, so the pull request lacks them.
            if (committed == null) result = result.unplacedInMigration();
        }
        // Paths in the comment, the annotations and the outputs are from the repository's top (a monorepo's project
        // is a folder of it); the result itself keeps the project's, for the commit.
        String project = project();
        PlanResult shown = shown(result);
        annotate(shown);
        String body = PlanReport.pullRequestComment(shown, new PlanReport.PullRequest(marker, pr.baseRef(),
                Target.environmentForBranch(config, pr.baseRef()), fork, committed, migrationsIn(detection), detail,
                project));
        boolean unchanged = result.status() == PlanResult.Status.NO_RELEVANT_CHANGES;
        // A comment is created only for something to review; one that exists learns that the change is gone.
        boolean posted = mayWrite && comment(api, pr, marker, body, !unchanged);
        io.automigrate.Trace.step("action: pull-request comment done");
        commands.summary(unchanged ? PlanReport.markdown(shown) : body);
        planOutputs(shown);
        List<String> failures = new ArrayList<>();
        if (result.status() == PlanResult.Status.PROOF_FAILED) {
            failures.add("the generated migration " + shown.migration().file() + " failed its proof: see the report");
        }
        // The generated migration too, as the run on the commit that adds it will judge it: both runs fail alike.
        if (result.refusedAtDeploy() || result.generatedRefused()) {
            failures.add(refusal(shown));
        }
        if (result.status() == PlanResult.Status.PLANNED && committed == null) {
            failures.add("the schema has changes that no migration covers: add " + shown.migration().file()
                    + " to the pull request (its SQL is in the " + (posted ? "pull-request comment" : "job summary")
                    + ")" + (notCommitted != null ? "; it was not committed: " + notCommitted
                    : commit || fork ? "" : ", or set the action's 'commit: true'"));
        }
        // One error line each, and one output with all of them: a step output written twice keeps only the last.
        failures.forEach(commands::error);
        commands.output("error", String.join("\n", failures));
        return failures.isEmpty() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    /**
     * When the plan's migration is named: the planned commit's time (the pull request's head when the clone has it,
     * else the checkout's), so a re-run on the same head names the same file; the clock only outside git.
     */
    private Instant stampOf(GitHubEvent.PullRequest pr) {
        Instant head = pr.headSha().isEmpty() ? null : ChangeDetector.commitTime(root, pr.headSha());
        if (head == null) head = ChangeDetector.commitTime(root, "HEAD");
        return head != null ? head : now;
    }

    /** The step's error line when deploy will refuse a migration file of the pull request. */
    private static String refusal(PlanResult shown) {
        MigrationReview review = shown.review();
        List<String> reasons = new ArrayList<>();
        review.edited().forEach(e -> reasons.add(switch (e.how()) {
            case EDITED -> e.file() + " is edited, but the base branch has it: deploy refuses its changed checksum; "
                    + "put the change in a new migration";
            case RENAMED -> e.file() + " renames " + e.previous() + ", which the base branch has: deploy refuses a "
                    + "history whose applied file is gone; keep its name";
            case DELETED -> e.file() + " is deleted, but the base branch has it: deploy refuses a history whose "
                    + "applied file is gone; restore it";
            case UNVERIFIED -> e.file() + " may edit a migration the base branch has (nothing says whether it is "
                    + "added or edited, so it is read as edited); give the check the base commit (fetch-depth: 0)";
            case OUT_OF_ORDER -> e.file() + " sorts before " + e.previous() + ", which the base branch has: deploy "
                    + "refuses a pending migration before an applied one; rename it with a later timestamp";
        }));
        review.gaps().forEach(g -> reasons.add(g.message()));
        List<MigrationReview.FileReview> files = new ArrayList<>(review.files());
        if (shown.generatedRefused()) files.add(shown.migration().review());
        files.stream().filter(f -> !f.refusedBy().isEmpty()).forEach(f -> reasons.add(f.file()
                + " would be refused by " + String.join(", ", f.refusedBy().stream().map(v -> v.describe() + " ("
                + String.join(", ", v.blocking().stream().map(Finding::code).distinct().toList()) + ")").toList())));
        return "deploy will refuse a migration file of this change: " + String.join("; ", reasons) + " (see the report)";
    }

    /**
     * The GitHub API, connected on first use (a pull request with its base in the clone and no comment needs none),
     * or ahead of it in the background. Comments are read only when one is written, as late as possible: two runs of
     * one pull request must not both find none and both create one.
     */
    private final class ApiHolder {
        private final GitHubEvent.PullRequest pr;
        private java.util.concurrent.CompletableFuture<PullRequestApi> api;

        ApiHolder(GitHubEvent.PullRequest pr) {
            this.pr = pr;
        }

        void connectAhead() {
            if (api == null) api = java.util.concurrent.CompletableFuture.supplyAsync(this::connect);
        }

        PullRequestApi get() {
            if (api == null) api = java.util.concurrent.CompletableFuture.completedFuture(connect());
            try {
                return api.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) throw cause;
                throw e;
            }
        }

        private PullRequestApi connect() {
            String repository = env.getOrDefault("GITHUB_REPOSITORY", pr.baseRepository());
            PullRequestApi connected = PullRequestApi.connect(env.getOrDefault("GITHUB_API_URL", "https://api.github.com"),
                    inputs.token(), repository);
            io.automigrate.Trace.step("github: connected");
            return connected;
        }
    }

    private Detection detectPullRequest(GitHubEvent.PullRequest pr, ApiHolder api) {
        List<String> watched = PlanRequest.watchedPaths(config, inputs.config());
        if (!pr.baseSha().isEmpty() && ChangeDetector.hasCommit(root, pr.baseSha())) {
            // Against the checkout, not the head commit: actions/checkout checks out the merge of head into base, so
            // base..checkout is exactly what the pull request changes, even when base moved on since it branched.
            return ChangeDetector.detect(root, pr.baseSha(), null, watched);
        }
        // A shallow clone: fetch the base commit alone, so git answers as with a full clone (edits, renames, lines).
        String notFetched = pr.baseSha().isEmpty() ? "the event names no base commit"
                : ChangeDetector.fetchCommit(root, pr.baseSha(), inputs.token());
        if (notFetched == null) {
            Detection fetched = ChangeDetector.detect(root, pr.baseSha(), null, watched);
            return new Detection(fetched.changed(), fetched.changedFiles(), fetched.method() + " (base commit "
                    + abbreviate(pr.baseSha()) + " fetched into this shallow clone)", fetched.kinds(), fetched.base(),
                    fetched.renamedFrom());
        }
        commands.log("automigrate: could not fetch base commit " + abbreviate(pr.baseSha()) + " into this shallow "
                + "clone (" + notFetched + "): asking the GitHub API for the pull request's files");
        // Else GitHub's own status of each file (added, modified, removed, renamed with its previous name).
        List<PullRequestApi.ChangedFile> files = api.get().changedFiles(pr.number());
        List<String> paths = new ArrayList<>();
        Map<String, Detection.Kind> kinds = new HashMap<>();
        Map<String, String> renamedFrom = new HashMap<>();
        Map<String, Integer> changedLines = new HashMap<>();
        for (PullRequestApi.ChangedFile file : files) {
            paths.add(file.path());
            if (file.changedLine() > 0) changedLines.put(file.path(), file.changedLine());
            Detection.Kind kind = switch (file.status()) {
                case "added", "copied" -> Detection.Kind.ADDED;
                case "modified", "changed" -> Detection.Kind.MODIFIED;
                case "removed" -> Detection.Kind.DELETED;
                case "renamed" -> file.previous() == null ? Detection.Kind.ADDED : Detection.Kind.RENAMED;
                default -> Detection.Kind.UNKNOWN; // no status: MigrationReviewer takes the strictest reading
            };
            kinds.put(file.path(), kind);
            if (kind == Detection.Kind.RENAMED) {
                paths.add(file.previous());
                kinds.put(file.previous(), Detection.Kind.DELETED);
                renamedFrom.put(file.path(), file.previous());
            }
        }
        boolean statuses = kinds.values().stream().noneMatch(k -> k == Detection.Kind.UNKNOWN);
        return ChangeDetector.fromFiles(root, paths, kinds, renamedFrom, changedLines, watched, "the pull request's changed-file "
                + "list from the GitHub API" + (statuses ? "" : ", without a status for every file")
                + " (base commit " + abbreviate(pr.baseSha()) + " is not in this shallow clone and could not be "
                + "fetched)");
    }

    /** True when the pull request now shows {@code body} (a comment created or edited). */
    private boolean comment(ApiHolder api, GitHubEvent.PullRequest pr, String marker, String body, boolean create) {
        if (inputs.token().isEmpty()) {
            // Nothing to review is no loss to warn about; only an earlier comment may now be out of date.
            if (create) commands.warning("no github-token: the plan is in the job summary, not in a pull-request comment");
            else commands.log("automigrate: no github-token: a comment from an earlier push, if any, is not updated");
            return false;
        }
        try {
            PullRequestApi.CommentAction done = api.get().upsertComment(pr.number(), marker, fitComment(body), create);
            commands.log("automigrate: pull-request comment " + done.name().toLowerCase(java.util.Locale.ROOT));
            return done != PullRequestApi.CommentAction.NONE;
        } catch (AutomigrateException e) {
            // The plan itself is done and in the summary: a comment that cannot be posted is a warning.
            commands.warning(firstLine(e.getMessage()));
            return false;
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
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (String relative : result.migration().files().keySet()) {
            Path file = root.resolve(relative);
            try {
                files.put(fromTop(relative), Files.readAllBytes(file));
            } catch (IOException e) {
                throw AutomigrateException.badInput(file + ": cannot read the generated migration: " + e.getMessage());
            }
        }
        PersonIdent author = new PersonIdent(config.commit().authorName(), config.commit().authorEmail());
        String message = config.commit().message().replace("{name}", result.migration().name());
        return MigrationCommit.commitAndPush(root, files, pr.headRef(), pr.headSha(), author, message,
                inputs.token());
    }

    /** The migration files the detected changes add (top-relative paths); edits and removals are not additions. */
    private List<String> migrationsIn(Detection detection) {
        String directory = fromTop(config.migrations()).replaceAll("/+$", "") + "/";
        return detection.changedFiles().stream().filter(f -> f.startsWith(directory))
                .filter(f -> detection.kindOf(f) == Detection.Kind.ADDED || detection.kindOf(f) == Detection.Kind.UNKNOWN)
                .toList();
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
        planning = true; // a push's plan --check too: run() writes the outputs of a plan that could not run
        Detection detection = null;
        if (eventName.equals("push")) {
            GitHubEvent.Push push = GitHubEvent.push(event);
            List<String> watched = PlanRequest.watchedPaths(config, inputs.config());
            if (push.created()) {
                commands.log("automigrate: the push created the branch: planning everything");
            } else if (ChangeDetector.hasCommit(root, push.before())) {
                detection = ChangeDetector.pushed(root, push.before(),
                        ChangeDetector.hasCommit(root, push.after()) ? push.after() : null, watched);
            } else if (push.files() != null) {
                detection = ChangeDetector.fromFiles(root, push.files(), watched, "the push event's commit list "
                        + "(commit " + abbreviate(push.before()) + " is not in this shallow clone)");
            } else {
                commands.log("automigrate: cannot tell what the push changed (commit " + abbreviate(push.before())
                        + " is not in this clone and the event does not list every file): planning everything");
            }
        }
        PlanResult result = Planner.plan(PlanRequest.of(root, config, now).configuredBy(inputs.config())
                .detected(detection).checking(true, false).judgedBy(policyOf(env.get("GITHUB_REF"))));
        commands.log(PlanReport.text(result));
        PlanResult shown = shown(result);
        annotate(shown);
        commands.summary(PlanReport.markdown(shown));
        planOutputs(shown);
        if (result.status() == PlanResult.Status.PROOF_FAILED) {
            stepFailed("the generated migration failed its proof: see the report");
            return ExitCode.CHECK_FAILED.code();
        }
        if (result.refusedAtDeploy()) {
            stepFailed(refusal(shown));
            return ExitCode.CHECK_FAILED.code();
        }
        if (result.status() == PlanResult.Status.PLANNED) {
            stepFailed("the schema has changes that no migration covers: run 'automigrate plan' and commit "
                    + shown.migration().file().replaceAll("/[^/]+$", "/") + "...");
            return ExitCode.CHECK_FAILED.code();
        }
        commands.output("error", "");
        return ExitCode.OK.code();
    }

    /** The step's outputs; {@code shown}'s paths are from the repository's top. */
    private void planOutputs(PlanResult shown) {
        planOutputsWritten = true;
        boolean reviewed = !shown.review().isEmpty();
        commands.output("changed", String.valueOf(shown.changed()));
        commands.output("migration-file", shown.changed() ? shown.migration().file() : "");
        commands.output("migration-name", shown.changed() ? shown.migration().name() : "");
        commands.output("risk", shown.changed() || reviewed ? shown.risk() : "none");
        List<Finding> all = new ArrayList<>(shown.findings());
        shown.review().files().forEach(f -> all.addAll(f.findings()));
        commands.output("findings", PlanReport.findingsJson(all));
    }

    /** The step fails for {@code message}: one error line (annotated where it names a place) and the error output. */
    private void stepFailed(String message) {
        commands.output("error", message);
        commands.error(message);
    }

    /** A plan that could not run: nothing is known to be safe (risk high); {@link #run} writes the error output. */
    private void failedPlanOutputs() {
        planOutputsWritten = true;
        commands.output("changed", "");
        commands.output("migration-file", "");
        commands.output("migration-name", "");
        commands.output("risk", "high");
        commands.output("findings", "[]");
    }

    /**
     * Each finding where the plan placed it (the schema line that declares its object, or the written migration's
     * line), then what deploy will refuse in the change's own migration files.
     */
    private void annotate(PlanResult shown) {
        List<MigrationReview.Verdict> generated = shown.changed() ? shown.migration().refusedBy() : List.of();
        for (Finding finding : shown.findings()) {
            List<String> refusing = generated.stream().filter(v -> v.blocking().stream()
                    .anyMatch(b -> b.code().equals(finding.code()))).map(MigrationReview.Verdict::describe).toList();
            annotate(finding, refusing.isEmpty() ? null : "refused by " + String.join(", ", refusing));
        }
        MigrationReview review = shown.review();
        for (MigrationReview.EditedMigration e : review.edited()) {
            commands.annotate(WorkflowCommands.Level.ERROR, e.file(), e.line(),
                    e.how().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " migration", e.message());
        }
        for (MigrationReview.SchemaGap g : review.gaps()) {
            commands.annotate(WorkflowCommands.Level.ERROR, g.migrationFile(), g.line(), "not in the schema",
                    g.message());
            commands.annotate(WorkflowCommands.Level.ERROR, g.schema(), 0, "not in the schema", g.message());
        }
        for (MigrationReview.FileReview file : review.files()) {
            for (Finding finding : file.findings()) {
                List<String> refusing = file.verdicts().stream().filter(v -> v.blocking().stream()
                        .anyMatch(b -> b.code().equals(finding.code()) && b.line() == finding.line()))
                        .map(MigrationReview.Verdict::describe).toList();
                annotate(finding, refusing.isEmpty() ? null : "refused by " + String.join(", ", refusing));
            }
        }
    }

    /** One finding where it was placed (paths from the repository's top); {@code refused} says who refuses it. */
    private void annotate(Finding finding, String refused) {
        // An allowed finding (inline hint, environment, --allow) is still worth a look, not a red mark.
        WorkflowCommands.Level level = refused != null ? WorkflowCommands.Level.ERROR
                : finding.suppression() != null ? WorkflowCommands.Level.NOTICE
                : finding.severity() == Severity.ERROR ? WorkflowCommands.Level.ERROR
                : finding.severity() == Severity.WARNING ? WorkflowCommands.Level.WARNING
                : WorkflowCommands.Level.NOTICE;
        commands.annotate(level, finding.file(), finding.file() == null ? 0 : finding.line(),
                finding.code() + " " + finding.title() + (refused != null ? " (" + refused + ")" : ""),
                finding.target() + ": " + finding.why() + " Safer: " + finding.safer());
    }

    // ---- deploy side: the workflows' typed results, rendered

    private int apply(String environment) {
        String failure = "apply to environment '" + environment + "' failed";
        DeployResult result;
        try {
            result = deploys.apply(target(environment), inputs.allow());
        } catch (AutomigrateException e) {
            // A failure after the pending files were known says which ran and which did not.
            List<String> ran = e instanceof DeployFailure f ? f.applied() : List.of();
            List<String> notRun = e instanceof DeployFailure f ? f.notRun() : List.of();
            boolean historyRead = e instanceof DeployFailure f && f.historyRead();
            deployOutputs(ran, notRun, historyRead);
            StringBuilder summary = new StringBuilder("### automigrate: apply to ").append(environment)
                    .append(": failed\n\n```\n").append(Secrets.redact(e.getMessage()).strip()).append("\n```\n");
            if (!historyRead) {
                summary.append("\nThe database's migration history could not be read: this job ran none of the files "
                        + "below, and which of them the database already has is unknown.\n\n");
            }
            ran.forEach(file -> summary.append("- applied `").append(file).append("`\n"));
            notRun.forEach(file -> summary.append("- not run: `").append(file).append("`\n"));
            commands.summary(summary.toString());
            return failed(failure, e);
        }
        commands.log(Secrets.redact(DeployReport.text(result)).stripTrailing());
        List<String> files = result.steps().stream().map(DeployResult.StepResult::file).toList();
        boolean applied = result.status() == DeployResult.Status.APPLIED;
        // Switched off (AUTO_MIGRATE=false): the database was not read, so, as for an apply that could not read its
        // history, every file of the folder is one this job did not run, and which are pending there is unknown.
        boolean switchedOff = result.status() == DeployResult.Status.SWITCHED_OFF;
        deployOutputs(applied ? files : List.of(), applied ? List.of()
                : switchedOff ? DeployFailure.migrationFiles(root, config) : files, !switchedOff);
        commands.output("error", "");
        StringBuilder summary = new StringBuilder("### automigrate: apply to ").append(environment).append(": ")
                .append(Secrets.redact(DeployReport.headline(result))).append("\n\n");
        if (applied) files.forEach(file -> summary.append("- applied `").append(file).append("`\n"));
        commands.summary(summary.toString());
        return ExitCode.OK.code();
    }

    /**
     * The outputs of apply and status: the files applied, the files pending, and whether pending comes from the
     * database's migration history (false: every file is listed, and which of them the database has is unknown).
     */
    private void deployOutputs(List<String> applied, List<String> pending, boolean pendingKnown) {
        commands.output("applied", String.join("\n", applied));
        commands.output("pending", String.join("\n", pending));
        commands.output("pending-known", String.valueOf(pendingKnown));
    }

    private int status(String environment) {
        StatusResult result;
        try {
            result = deploys.status(target(environment));
        } catch (AutomigrateException e) {
            // As for an apply that could not read the history: every file is listed, and not known to be pending.
            List<String> files = DeployFailure.migrationFiles(root, config);
            deployOutputs(List.of(), files, false);
            StringBuilder summary = new StringBuilder("### automigrate: status of ").append(environment)
                    .append(": failed\n\n```\n").append(Secrets.redact(e.getMessage()).strip()).append("\n```\n")
                    .append("\nThe database's migration history could not be read: which of the files below it "
                            + "already has is unknown.\n\n");
            files.forEach(file -> summary.append("- `").append(file).append("`\n"));
            commands.summary(summary.toString());
            return failed("status of environment '" + environment + "' failed", e);
        }
        commands.log(Secrets.redact(StatusReport.text(result)).stripTrailing());
        deployOutputs(filesIn(result, FileState.State.APPLIED), filesIn(result, FileState.State.PENDING), true);
        commands.output("error", "");
        StringBuilder summary = new StringBuilder("### automigrate: status of ").append(environment).append(": ")
                .append(Secrets.redact(StatusReport.headline(result))).append("\n\n");
        if (!result.migrations().isEmpty()) {
            summary.append("| migration | state |\n| --- | --- |\n");
            result.migrations().forEach(m -> summary.append("| `").append(m.file()).append("` | ")
                    .append(m.state().name().toLowerCase(java.util.Locale.ROOT)).append(" |\n"));
        }
        commands.summary(summary.toString());
        return ExitCode.OK.code();
    }

    private int drift(String environment) {
        DriftResult result;
        try {
            result = deploys.drift(target(environment));
        } catch (AutomigrateException e) {
            commands.output("drifted", "");
            commands.summary("### automigrate: drift check of " + environment + " failed\n\n```\n"
                    + Secrets.redact(e.getMessage()).strip() + "\n```\n");
            return failed("drift check of environment '" + environment + "' failed", e);
        }
        String report = Secrets.redact(DriftReport.markdown(result));
        commands.log(Secrets.redact(DriftReport.text(result)).stripTrailing());
        commands.summary(report);
        commands.output("drifted", String.valueOf(result.drifted()));
        if (result.drifted()) {
            stepFailed("environment '" + environment + "' drifted from its migrations");
            return ExitCode.CHECK_FAILED.code();
        }
        commands.output("error", "");
        return ExitCode.OK.code();
    }

    /**
     * The environment's database: the {@code database-url} input stands in for its variable, or, for an environment
     * that automigrate.yml does not name, is the target itself. Warns when production shares a database with another
     * environment.
     */
    private Target target(String environment) {
        Map<String, String> variables = new HashMap<>(childEnv);
        EnvironmentConfig configured = config.environments().get(environment);
        Target.sharedDatabaseWarnings(config, variables).forEach(w -> err.println("warning: " + Secrets.redact(w)));
        if (!inputs.databaseUrl().isEmpty() && configured == null) {
            return Target.resolve(config, null, inputs.databaseUrl(), variables);
        }
        if (!inputs.databaseUrl().isEmpty()) variables.put(configured.urlEnv(), inputs.databaseUrl());
        return Target.resolve(config, environment, null, variables);
    }

    /** One error line for the step, the whole message on stderr; the workflow's own exit code. */
    private int failed(String failure, AutomigrateException e) {
        commands.output("error", failure + ": " + e.getMessage().strip());
        commands.error(failure + ": " + firstLine(e.getMessage()), e.location());
        err.println("error: " + Secrets.redact(e.getMessage()));
        return e.exitCode().code();
    }

    private static List<String> filesIn(StatusResult result, FileState.State state) {
        return result.migrations().stream().filter(m -> m.state() == state).map(FileState::file).toList();
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

    /** The project's folder from the repository's top ({@code services/shop}); empty at the top. */
    private String project() {
        String project = fromTop(".");
        return project.equals(".") ? "" : project;
    }

    /** {@code result} with its paths from the repository's top, as comments, annotations and outputs need them. */
    private PlanResult shown(PlanResult result) {
        return result.under(project().isEmpty() ? "" : project() + "/");
    }

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
