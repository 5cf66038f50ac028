package io.automigrate.cli;

import io.automigrate.AutomigrateException;
import io.automigrate.deploy.Deployer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rollback", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Undo applied migrations with their stored rollback statements.",
                "Takes the same deploy lock as apply, refuses when a changeset to undo has no rollback, runs each "
                        + "migration's rollback in one transaction and verifies the result against the history."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rolled back", "1:a changeset has no rollback, drift, or a rollback statement failed",
                "2:bad usage, configuration or input", "3:database or network failure, deploy lock not granted in time"})
final class RollbackCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    DeployOptions options;

    @Option(names = "--count", paramLabel = "N", description = "Roll back the last N applied changesets.")
    Integer count;

    @Option(names = "--to", paramLabel = "NAME", description = "Roll back every changeset applied after this migration "
            + "(file name, e.g. 20261122153000_add_orders_table) or changeset id; it stays applied.")
    String to;

    RollbackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if ((count == null) == (to == null)) {
            throw AutomigrateException.badInput("give exactly one of --count N and --to NAME");
        }
        if (count != null && count < 1) {
            throw AutomigrateException.badInput("--count " + count + ": give a number of changesets, at least 1");
        }
        DeployOptions.Resolved resolved = options.resolve(context, "roll back", false, List.of(), false);
        options.print(context, Deployer.rollback(resolved.request(), count, to));
        return 0;
    }
}
