package io.automigrate.cli;

import io.automigrate.ExitCode;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.deploy.ProductionGuard;
import io.automigrate.deploy.Target;
import io.automigrate.deploy.Baseline;
import io.automigrate.deploy.BaselineResult;
import io.automigrate.report.BaselineReport;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Baseline an existing database: write its schema as the desired schema file and as a baseline "
                + "migration, and record that migration as applied there, so the next 'plan' starts from it.",
                "Both files are proven on throwaway databases before anything is written. The database's tables and "
                        + "data are not changed; only Liquibase's bookkeeping tables and automigrate_environments are added."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:baselined (or adopted)", "1:the baseline could not be proven (nothing written); with --adopt: "
                + "the tool's table shows a failed, rolled-back, dirty or unknown migration, or the database differs "
                + "from what its finished migrations give (nothing recorded)",
                "2:bad usage, configuration or input (files exist, nothing to baseline)",
                "3:database or network failure"})
final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--url", paramLabel = "URL",
            description = "The existing database, postgresql://user:password@host:5432/db.")
    String url;

    @Option(names = "--env", paramLabel = "NAME", description = "An environment of automigrate.yml instead of --url; "
            + "its URL is read from the variable it names ('url-env', default DATABASE_URL).")
    String environment;

    @Option(names = "--adopt", paramLabel = "TOOL", description = "Take over a database that prisma, flyway, "
            + "golang-migrate, dbmate or drizzle migrated: record every migration its table shows as finished as "
            + "applied, without running it ('migrations.format' must name the same tool; see docs/adopting.md).")
    String adopt;

    @Option(names = "--force", description = "Replace an existing schema file and migration files.")
    boolean force;

    @Mixin
    ShadowFlags shadow;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = ConfigLoader.load(context.root(), context.environment());
        io.automigrate.migrate.MigrationFormat tool = adopt == null ? null
                : io.automigrate.migrate.MigrationFormat.named(adopt.strip(), "--adopt");
        if (url == null && environment == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give the database: --url URL or "
                    + "--env NAME");
        }
        Target target = Target.resolve(config, environment, url, context.environment());
        DatabaseUrl database = target.awaitReachable("automigrate init", context.log());
        // The database remembers the environment it was baselined for, production or not (deploy.md).
        Target decided = ProductionGuard.decide(target, config, context.environment()).target();
        BaselineResult result;
        try (ShadowServer server = ShadowServers.startFor(shadow.resolve(config.shadow()),
                io.automigrate.db.Connections.majorVersion(database), context.log())) {
            result = tool != null
                    ? io.automigrate.deploy.Adoption.run(database, context.root(), config, server, tool, decided.name(),
                    decided.production())
                    : Baseline.run(database, context.root(), config, server, force, Instant.now(), decided.name(),
                    decided.production());
        }
        context.out().print(BaselineReport.init(result));
        return ExitCode.OK.code();
    }
}
