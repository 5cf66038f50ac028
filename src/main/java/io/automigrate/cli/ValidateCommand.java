package io.automigrate.cli;

import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.source.RenameHintParser;
import io.automigrate.source.SqlFile;
import io.automigrate.state.SchemaState;
import io.automigrate.state.StateReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Check the inputs: automigrate.yml parses, the schema loads into a throwaway database, the "
                + "migration files parse. Every error names the file and line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything is valid", "2:an input is invalid", "3:the throwaway database failed"})
final class ValidateCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ShadowFlags shadow;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = ConfigLoader.load(context.root(), context.environment());
        context.out().println("ok   " + Config.FILE_NAME);
        MigrationHistory history = MigrationHistory.read(context.root(), config.migrations(), config.migrationFormat(), config.changelog() != null);
        context.out().println("ok   " + config.migrations() + " (" + history.files().size() + " migration files, "
                + history.files().stream().mapToInt(f -> f.changesets().size()).sum() + " changesets)");
        SchemaState.Files schema = SchemaState.schema(context.root(), config);
        List<SqlFile> files = schema.files();
        RenameHintParser.parse(files);
        try (StateReader reader = new StateReader(shadow.resolve(config.shadow()), StateReader.options(config))) {
            reader.read(schema);
        }
        context.out().println("ok   " + config.schema() + " (" + files.size() + " file" + (files.size() == 1 ? "" : "s")
                + " loaded)");
        String skipped = schema.skipped();
        if (skipped != null) context.out().println("note: " + skipped);
        return 0;
    }
}
