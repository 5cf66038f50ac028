package io.automigrate.cli;

import io.automigrate.ExitCode;
import io.automigrate.Secrets;
import io.automigrate.deploy.Repair;
import io.automigrate.deploy.RepairResult;
import io.automigrate.report.RepairReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "repair", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Re-create what a database lost compared with what its applied migrations give, in one "
                + "transaction; never drop, narrow or rewrite anything.",
                "Re-creates missing schemas, extensions, types, enum values, tables, columns (with their defaults and "
                        + "identity; NOT NULL only when no row holds NULL), sequences, constraints (only when no row "
                        + "violates them), indexes, views, functions, triggers, policies, comments and grants. Every "
                        + "other difference is reported with the SQL a person could run. Same safety as apply: "
                        + "retries, the deploy lock, the environment's timeouts and backup, production confirmation. "
                        + "Each repair is recorded in the table automigrate_repairs; 'status' lists them.",
                "AUTO_MIGRATE=false switches it off."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:repaired, nothing to repair, switched off, or skipped",
                "1:drift repair leaves alone (unless --allow-remaining-drift), a missing constraint that existing "
                        + "rows violate, or the repair failed (nothing was changed)",
                "2:bad usage, configuration or input (unknown environment, no URL, a database never baselined)",
                "3:database or network failure after retries, deploy lock not granted in time"})
final class RepairCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DeployOptions options;

    @Option(names = "--dry-run", description = "Print what would be re-created and its SQL; change nothing.")
    boolean dryRun;

    @Option(names = "--allow-remaining-drift", description = "Exit 0 even when the database differs from its history "
            + "in ways repair leaves alone (they are still reported); --allow-drift means the same here.")
    boolean allowRemainingDrift;

    @Option(names = "--skip-if-no-database", description = "Exit 0 saying so when the environment's URL variable is "
            + "unset (instead of exit 2).")
    boolean skipIfNoDatabase;

    RepairCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (io.automigrate.config.AutoMigrate.switchedOff(context.environment())) {
            print(context, options.format, RepairResult.switchedOff(context.environment()));
            return 0;
        }
        DeployOptions.Resolved resolved = options.resolve(context, "repair", dryRun, List.of(), skipIfNoDatabase);
        if (resolved.request() == null) {
            print(context, options.format, RepairResult.nothing(RepairResult.Status.SKIPPED,
                    resolved.target().describe(), "--skip-if-no-database: " + resolved.target().environment().urlEnv()
                            + " is not set, so nothing was repaired"));
            return 0;
        }
        RepairResult result = Repair.run(resolved.request(), allowRemainingDrift || options.allowDrift);
        print(context, options.format, result);
        return result.ok() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    static void print(CliContext context, ReportFormat format, RepairResult result) {
        context.out().print(Secrets.redact(switch (format) {
            case TEXT -> RepairReport.text(result);
            case MARKDOWN -> RepairReport.markdown(result);
            case JSON -> RepairReport.json(result);
        }));
    }
}
