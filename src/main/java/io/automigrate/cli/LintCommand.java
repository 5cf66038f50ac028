package io.automigrate.cli;

import io.automigrate.ExitCode;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.lint.FileLinter;
import io.automigrate.lint.Finding;
import io.automigrate.policy.EnvironmentPolicy;
import io.automigrate.report.LintReport;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Check migration files for risks: data loss, changes that break running code, changes that "
                + "may fail on existing rows, long locks and table rewrites, transaction shape (codes AM1xx-AM5xx, "
                + "see docs/lint.md).",
                "Each file is applied to a throwaway database holding the migrations before it, so hand-written SQL "
                        + "is checked by what it really changes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no error finding, or every one is allowed", "1:an error finding is not allowed",
                "2:bad usage, or a file that does not parse or apply (file:line)", "3:database or network failure"})
final class LintCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Liquibase formatted-SQL migration files, or "
            + "folders: every .sql file in a folder, in name order.")
    List<String> files;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Report format (default: text).")
    ReportFormat format;

    @Mixin
    LintFlags lint;

    @Mixin
    ShadowFlags shadow;

    LintCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = ConfigLoader.load(context.root(), context.environment());
        EnvironmentPolicy policy = lint.policy(config, context.environment());
        List<String> files = FileLinter.migrationFiles(context.root(), config, this.files);
        FileLinter.Result result;
        try (ShadowServer server = ShadowServers.start(shadow.resolve(config.shadow()))) {
            result = FileLinter.lint(context.root(), config, files, server);
        }
        List<Finding> findings = policy.judge(result.findings());
        context.out().print(switch (format) {
            case TEXT -> LintReport.text(files, findings, result.notes());
            case MARKDOWN -> LintReport.markdown(files, findings, result.notes());
            case JSON -> LintReport.json(files, findings, result.notes());
        });
        return EnvironmentPolicy.blocks(findings) ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }
}
