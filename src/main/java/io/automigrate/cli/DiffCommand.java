package io.automigrate.cli;

import io.automigrate.ExitCode;
import io.automigrate.Secrets;
import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.RenameHints;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.diff.TableObjects;
import io.automigrate.diff.UnconvertibleColumn;
import io.automigrate.report.DiffReport;
import io.automigrate.source.RenameHintParser;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.state.SchemaState;
import io.automigrate.state.StateReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Print the SQL that turns one schema into another.",
                "A source is 'empty', a .sql file, a directory of .sql files (lexical order, sub-folders included), "
                        + "a .prisma schema (or a folder of them) or a postgresql:// URL (only read, never changed)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no difference, or the SQL was printed", "1:a difference was found (with --exit-code)",
                "2:bad usage or input (bad SQL names file:line:col)", "3:database or network failure"})
final class DiffCommand implements Callable<Integer> {
    enum Format { SQL, JSON }

    private final CliContext context;

    @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "The schema as it is.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SOURCE",
            description = "The schema as it should be; its files may carry -- automigrate:renamed-from hints.")
    String to;

    @Option(names = "--format", paramLabel = "sql|json", defaultValue = "sql",
            description = "sql (default): the migration; json: changes, SQL, rollback and notes.")
    Format format;

    @Option(names = "--exit-code", description = "Exit 1 when there is a difference, 0 when there is none.")
    boolean exitCode;

    @Option(names = "--with-privileges", description = "Compare GRANTs too (off by default: roles differ between "
            + "environments).")
    boolean withPrivileges;

    @Mixin
    SchemaFlags schemas;

    @Mixin
    ColumnOrderFlag columnOrder;

    @Mixin
    ShadowFlags shadow;

    DiffCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = columnOrder.resolve(ConfigLoader.load(context.root(), context.environment()));
        SchemaState fromSource = SchemaState.parse(from);
        SchemaState toSource = SchemaState.parse(to);
        if (toSource instanceof SchemaState.Files files && !config.schemaSource().keepUnmodelled()) {
            toSource = files.keepingNothing();
        }
        RenameHints hints = toSource instanceof SchemaState.Files files
                ? RenameHintParser.parse(files.files()) : RenameHints.none();
        SchemaDiff diff;
        DiffReport report;
        try (StateReader resolver = new StateReader(shadow.resolve(config.shadow()), schemas.resolve(config))) {
            Catalog before = resolver.read(fromSource);
            Catalog after = resolver.read(toSource);
            try {
                diff = SchemaDiffer.diff(before, after, new DiffOptions(withPrivileges, hints,
                        config.rewriteColumnOrder()));
            } catch (UnconvertibleColumn e) {
                throw toSource instanceof SchemaState.Files files ? RenameHintParser.located(e, files.files()) : e;
            }
            if (toSource instanceof SchemaState.Files files) diff = files.keep(diff, before);
            report = DiffReport.of(diff, MigrationRenderer.render(diff));
        }
        if (format == Format.JSON) {
            context.out().println(report.toJson());
        } else {
            context.out().print(report.sql());
            // Column order is part of what the SQL leaves behind, so it is said beside the SQL too.
            report.notes().stream().filter(note -> note.startsWith(TableObjects.COLUMN_ORDER_NOTE))
                    .forEach(note -> context.out().println("-- " + Secrets.redact(note)));
            report.notes().forEach(note -> context.err().println("note: " + Secrets.redact(note)));
        }
        return exitCode && report.changed() ? ExitCode.CHECK_FAILED.code() : 0;
    }
}
