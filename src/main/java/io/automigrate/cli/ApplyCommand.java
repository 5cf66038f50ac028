package io.automigrate.cli;

import io.automigrate.ExitCode;
import io.automigrate.deploy.DeployRequest;
import io.automigrate.deploy.DeployResult;
import io.automigrate.deploy.Repair;
import io.automigrate.deploy.RepairResult;
import io.automigrate.deploy.Deployer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Apply the pending migrations to a database, safely.",
                "Connects with retries, takes the deploy lock (one deployer at a time), refuses a migration file edited "
                        + "after it was applied, an out-of-order migration, a live schema that drifted from its history "
                        + "and an error finding the environment does not allow; backs up when the environment asks; "
                        + "applies each migration in one transaction; verifies the result.",
                "AUTO_MIGRATE=false switches it off."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:applied, nothing to apply, switched off, or skipped",
                "1:a check refused the deploy (edited or out-of-order migration, drift, policy) or a migration failed",
                "2:bad usage, configuration or input (unknown environment, no URL)",
                "3:database or network failure after retries, deploy lock not granted in time"})
final class ApplyCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DeployOptions options;

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing (no lock rows, no "
            + "changelog table).")
    boolean dryRun;

    @Option(names = "--allow", paramLabel = "CODE", arity = "1..*", description = "Finding codes to accept for this "
            + "deploy, on top of the environment's 'allow' (e.g. --allow AM102).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--repair", description = "First re-create what the database lost compared with its applied "
            + "migrations (as 'automigrate repair' does: additive only, one transaction), then apply.")
    boolean repair;

    @Option(names = "--skip-if-no-database", description = "Exit 0 saying so when the environment's URL variable is "
            + "unset (instead of exit 2).")
    boolean skipIfNoDatabase;

    ApplyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (io.automigrate.config.AutoMigrate.switchedOff(context.environment())) {
            options.print(context, DeployResult.switchedOff(context.environment()));
            return 0;
        }
        io.automigrate.lint.LintPolicy.codes(allow, "--allow");
        DeployOptions.Resolved resolved = options.resolve(context, "apply to", dryRun, allow, skipIfNoDatabase);
        if (resolved.request() == null) {
            options.print(context, DeployResult.nothing(DeployResult.Kind.APPLY, DeployResult.Status.SKIPPED,
                    resolved.target().describe(), "--skip-if-no-database: " + resolved.target().environment().urlEnv()
                            + " is not set, so nothing was applied"));
            return 0;
        }
        DeployRequest request = resolved.request();
        RepairResult repaired = null;
        if (repair) {
            repaired = Repair.run(request, request.allowDrift());
            if (!repaired.ok()) {
                RepairCommand.print(context, options.format, repaired);
                context.err().println("nothing was applied: the repair left the database short of its history "
                        + "(see above)");
                return ExitCode.CHECK_FAILED.code();
            }
            if (options.format != ReportFormat.JSON) RepairCommand.print(context, options.format, repaired);
            if (dryRun && !repaired.repaired().isEmpty()) {
                // What the dry run would re-create is still missing: apply's drift check must not count it.
                request = request.allowingDrift();
            }
        }
        DeployResult result = Deployer.apply(request);
        if (repaired != null && !repaired.repaired().isEmpty()) {
            List<String> notes = new ArrayList<>();
            notes.add((dryRun ? "the repair would re-create first: " : "repaired first: ") + repaired.summary() + " ("
                    + String.join("; ", repaired.repaired()) + ")");
            notes.addAll(result.notes());
            result = new DeployResult(result.kind(), result.status(), result.database(), result.steps(), notes,
                    result.backup(), result.millis());
        }
        options.print(context, result);
        return 0;
    }
}
