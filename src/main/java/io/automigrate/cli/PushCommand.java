package io.automigrate.cli;

import io.automigrate.ExitCode;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.deploy.ProductionGuard;
import io.automigrate.deploy.Push;
import io.automigrate.deploy.PushResult;
import io.automigrate.deploy.Target;
import io.automigrate.report.BaselineReport;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "push", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Development only: bring a database straight to the desired schema, with no migration file.",
                "Refuses an environment marked 'production: true' in automigrate.yml, and changes that lose data "
                        + "unless --accept-data-loss. Runs the SQL in one transaction where PostgreSQL allows it, "
                        + "then checks the database equals the schema."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pushed, or nothing to push", "1:data loss refused, a statement failed, or the result "
                + "differs from the schema", "2:bad usage, configuration or input (production refused)",
                "3:database or network failure"})
final class PushCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The development database, postgresql://user:password@host:5432/db.")
    String url;

    @Option(names = "--accept-data-loss", description = "Run changes that drop tables, columns, schemas or enum "
            + "values, or narrow types.")
    boolean acceptDataLoss;

    @Mixin
    ShadowFlags shadow;

    @Mixin
    ColumnOrderFlag columnOrder;

    PushCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = columnOrder.resolve(ConfigLoader.load(context.root(), context.environment()));
        Target target = Target.resolve(config, null, url, context.environment());
        target.awaitReachable("automigrate push", context.log());
        ProductionGuard.Decision decision = ProductionGuard.decide(target, config, context.environment());
        PushResult result;
        try (ShadowServer server = ShadowServers.startFor(shadow.resolve(config.shadow()),
                io.automigrate.db.Connections.majorVersion(target.requireUrl()), context.log())) {
            result = Push.run(decision, context.root(), config, server, acceptDataLoss, context.log());
        }
        context.out().print(BaselineReport.push(result));
        return ExitCode.OK.code();
    }
}
