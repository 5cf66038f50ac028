package io.automigrate.cli;

import io.automigrate.ExitCode;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.deploy.DriftCheck;
import io.automigrate.deploy.DriftResult;
import io.automigrate.deploy.Target;
import io.automigrate.report.DriftReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "drift", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Compare a live database with what its applied migrations should have produced, and with the "
                + "desired schema; print the SQL that would fix each.",
                "Only reads the database; the migrations and the schema are loaded into throwaway databases. Meant "
                        + "for a scheduled check."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no drift", "1:the database differs from its history or from the schema",
                "2:bad usage, configuration or input", "3:database or network failure"})
final class DriftCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    TargetFlags target;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Report format (default: text).")
    ReportFormat format;

    @Mixin
    ShadowFlags shadow;

    DriftCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = ConfigLoader.load(context.root(), context.environment());
        Target resolved = target.resolve(config, context);
        DriftResult result = DriftCheck.run(resolved, context.root(), config, shadow.resolve(config.shadow()),
                context.log());
        context.out().print(switch (format) {
            case TEXT -> DriftReport.text(result);
            case MARKDOWN -> DriftReport.markdown(result);
            case JSON -> DriftReport.json(result);
        });
        return result.drifted() ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }
}
