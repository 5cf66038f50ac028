package io.automigrate.cli;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.deploy.DeployRequest;
import io.automigrate.deploy.DeployResult;
import io.automigrate.deploy.Target;
import io.automigrate.report.DeployReport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Console;
import java.util.List;

/** What apply and rollback share: the target, drift, the report format, the shadow, the production guard. */
final class DeployOptions {

    @Mixin
    TargetFlags targetFlags;

    @Option(names = "--allow-drift", description = "Deploy even when the live schema differs from what its migration "
            + "history gives (the difference is still reported).")
    boolean allowDrift;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Report format (default: text).")
    ReportFormat format;

    @Mixin
    ShadowFlags shadow;

    /** The resolved target and its request, or null after a message when there is nothing to do. */
    record Resolved(Config config, Target target, DeployRequest request) {
    }

    Resolved resolve(CliContext context, String command, boolean dryRun, List<String> allow, boolean skipIfNoDatabase) {
        Config config = ConfigLoader.load(context.root(), context.environment());
        Target target = targetFlags.resolve(config, context);
        if (target.url() == null && skipIfNoDatabase) {
            return new Resolved(config, target, null);
        }
        DeployRequest request = DeployRequest.of(command.split(" ")[0], context.root(), config, target,
                shadow.resolve(config.shadow()), dryRun, allowDrift, allow, context.log(), context.environment());
        target = request.target();
        if (!dryRun && target.production()) confirm(context, command, target);
        return new Resolved(config, target, request);
    }

    /** In a terminal, and never in CI: the user types the production environment's name. */
    private static void confirm(CliContext context, String command, Target target) {
        Console console = System.console();
        if (!asksConfirmation(console != null, context.environment().get("CI"))) return;
        String expected = target.name() == null ? target.url().database() : target.name();
        String typed = console.readLine("%s %s, a production database. Type its name (%s) to go on: ", command,
                target.describe(), expected);
        checkConfirmation(typed, expected);
    }

    /** Only a person at a terminal is asked; a CI job (CI set to anything but false) never is. */
    static boolean asksConfirmation(boolean terminal, String ci) {
        return terminal && (ci == null || ci.isBlank() || ci.equalsIgnoreCase("false"));
    }

    static void checkConfirmation(String typed, String expected) {
        if (typed == null || !typed.strip().equals(expected)) {
            throw AutomigrateException.badInput("not confirmed: you typed '" + (typed == null ? "" : typed.strip())
                    + "', not '" + expected + "'; nothing was done");
        }
    }

    void print(CliContext context, DeployResult result) {
        String report = switch (format) {
            case TEXT -> DeployReport.text(result);
            case MARKDOWN -> DeployReport.markdown(result);
            case JSON -> DeployReport.json(result) + "\n";
        };
        context.out().print(Secrets.redact(report));
    }

}
