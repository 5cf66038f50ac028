package io.automigrate.cli;

import io.automigrate.github.Action;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "action", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Run as the GitHub Action (the container's entrypoint).",
                "Reads GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REF, GITHUB_REPOSITORY, GITHUB_API_URL, "
                        + "GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and the INPUT_* variables. With "
                        + "command 'auto': a pull request is planned and commented on; a push to a branch mapped to an "
                        + "environment, or a workflow_dispatch with an environment, applies there; any other push "
                        + "runs plan --check. See docs/github-action.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, or nothing to do for this event",
                "1:the plan's proof failed, a migration is missing, drift, or a deploy check failed",
                "2:bad inputs, configuration or event payload", "3:database or network (GitHub API) failure"})
final class ActionCommand implements Callable<Integer> {
    private final CliContext context;

    ActionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return Action.run(context.environment(), context.out(), context.err(), null, Instant.now());
    }
}
