package io.automigrate.cli;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.policy.EnvironmentPolicy;
import io.automigrate.plan.PlanRequest;
import io.automigrate.plan.PlanResult;
import io.automigrate.plan.Planner;
import io.automigrate.report.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Generate the next migration from the schema file, prove it on throwaway databases, and write it.",
                "Replays db/migrations with Liquibase, loads db/schema.sql, diffs them, and proves the migration: it "
                        + "gives the schema, its rollback restores the history's state, it re-applies, and the whole "
                        + "history replays on an empty database."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no schema change, schema and migrations agree, or a migration was written",
                "1:the proof failed, the history does not replay, or --check found a schema change without migration",
                "2:bad usage, configuration or input", "3:database or network failure"})
final class PlanCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--base", paramLabel = "REV", description = "Detect changes since this revision (CI): when neither "
            + "the schema nor the migrations changed, say so and exit 0 without starting a database.")
    String base;

    @Option(names = "--head", paramLabel = "REV", description = "Detect changes up to this revision (default: the "
            + "working tree).")
    String head;

    @Option(names = "--force", description = "Plan even when detection finds no relevant change.")
    boolean force;

    @Option(names = "--name", paramLabel = "NAME", description = "The migration's name instead of the generated one.")
    String name;

    @Option(names = "--check", description = "Write nothing; exit 1 when the schema has changes no migration covers.")
    boolean check;

    @Option(names = "--online", negatable = true, description = "Write the online-safe forms (CREATE INDEX "
            + "CONCURRENTLY, constraints NOT VALID then validated, SET NOT NULL through a check, lock_timeout per "
            + "changeset); --no-online writes the plain ones. Default: online when an environment in automigrate.yml "
            + "is production or says 'online: true'.")
    Boolean online;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Report format (default: text).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--schema-file", paramLabel = "PATH", description = "Desired schema file or directory "
            + "(default: 'schema' in automigrate.yml, else db/schema.sql).")
    String schemaFile;

    @Option(names = "--migrations", paramLabel = "DIR", description = "Migrations directory (default: 'migrations' in "
            + "automigrate.yml, else db/migrations).")
    String migrations;

    @Mixin
    ShadowFlags shadow;

    @Mixin
    LintFlags lint;

    @Mixin
    ColumnOrderFlag columnOrder;

    PlanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = ConfigLoader.load(context.root(), context.environment());
        if (schemaFile != null) config = config.withSchema(schemaFile);
        if (migrations != null) config = config.withMigrations(migrations);
        config = columnOrder.resolve(config.withShadow(shadow.resolve(config.shadow())));

        PlanResult result = Planner.plan(PlanRequest.of(context.root(), config, Instant.now())
                .configuredBy(context.environment().get("AUTOMIGRATE_CONFIG"))
                .revisions(base, head).named(name).checking(check, force)
                .writtenAs(EnvironmentPolicy.forms(config, online))
                .judgedBy(lint.policy(config, context.environment())));
        String report = switch (format) {
            case TEXT -> PlanReport.text(result);
            case MARKDOWN -> PlanReport.markdown(result);
            case JSON -> PlanReport.json(result) + "\n";
        };
        if (output != null) {
            try {
                Files.writeString(output, report);
            } catch (IOException e) {
                throw AutomigrateException.badInput(output + ": cannot write the report: " + e.getMessage());
            }
            context.out().println(PlanReport.headline(result));
        } else {
            context.out().print(report);
        }
        if (result.status() == PlanResult.Status.PROOF_FAILED) return ExitCode.CHECK_FAILED.code();
        if (result.refusedAtDeploy()) {
            context.err().println("error: deploy will refuse a migration file of this change (see 'migration files of "
                    + "this change' in the report)");
            return ExitCode.CHECK_FAILED.code();
        }
        if (check && result.status() == PlanResult.Status.PLANNED) {
            context.err().println("error: the schema has changes that no migration covers: run 'automigrate plan' "
                    + "and commit " + result.migration().file().replaceAll("/[^/]+$", "/") + "...");
            return ExitCode.CHECK_FAILED.code();
        }
        return ExitCode.OK.code();
    }
}
