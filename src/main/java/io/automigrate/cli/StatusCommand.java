package io.automigrate.cli;

import io.automigrate.ExitCode;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.deploy.StatusCheck;
import io.automigrate.deploy.StatusResult;
import io.automigrate.deploy.Target;
import io.automigrate.report.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Show which migrations a database has applied, which are pending, edited after apply or out of "
                + "order, and whether its schema drifted from what the applied migrations give.",
                "Only reads the database. The drift summary replays the applied migrations on a throwaway database."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the status was shown", "1:with --exit-code: something is pending, edited, out of order, "
                + "missing or drifted", "2:bad usage, configuration or input", "3:database or network failure"})
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    TargetFlags target;

    @Option(names = "--exit-code", description = "Exit 1 when anything is pending or drifted (for CI checks).")
    boolean exitCode;

    @Option(names = "--skip-drift", description = "Leave out the drift summary (no throwaway database is started).")
    boolean skipDrift;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Report format (default: text).")
    ReportFormat format;

    @Mixin
    ShadowFlags shadow;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = ConfigLoader.load(context.root(), context.environment());
        Target resolved = target.resolve(config, context);
        StatusResult result = StatusCheck.run(resolved, context.root(), config,
                skipDrift ? null : shadow.resolve(config.shadow()), context.log());
        context.out().print(switch (format) {
            case TEXT -> StatusReport.text(result);
            case MARKDOWN -> StatusReport.markdown(result);
            case JSON -> StatusReport.json(result);
        });
        return exitCode && !result.clean() ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }
}
