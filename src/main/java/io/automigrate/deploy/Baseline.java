package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationBuilder;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.migrate.MigrationNames;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;
import io.automigrate.state.HistoryReplayer;
import io.automigrate.state.SchemaState;
import io.automigrate.state.StateReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code automigrate init}: baselines an existing database. Its schema becomes the desired schema file (readable
 * DDL in dependency order, from the diff engine: empty → live) and a baseline migration, both proven on throwaway
 * databases before anything is written; the migration is then recorded as applied in that database, so the next
 * {@code plan} starts from there.
 */
public final class Baseline {
    public static final String NAME = "baseline";
    /** The words that mark the never-baselined message (reports put it first). */
    public static final String NEVER_BASELINED = " was never baselined: ";

    private Baseline() {
    }

    /**
     * Tables, views, types, routines or sequences: a database someone already built ({@code live} is read through
     * the state seam, so bookkeeping tables are not in it).
     */
    public static boolean holdsObjects(Catalog live) {
        return !live.tables().isEmpty() || !live.views().isEmpty() || !live.routines().isEmpty()
                || !live.enums().isEmpty() || !live.compositeTypes().isEmpty() || !live.domains().isEmpty()
                || !live.sequences().isEmpty();
    }

    /**
     * The exact command that baselines the database: with an environment, its URL variable (exact, and no secret
     * on the screen); else the URL without its password.
     */
    public static String initCommand(String urlEnv, DatabaseUrl url, String display) {
        if (urlEnv != null) return "automigrate init --url \"$" + urlEnv + "\"";
        return "automigrate init --url " + (url == null ? "<the database's URL>" : url.display());
    }

    /** What a database with objects and no migration history is told, by apply, status and drift. */
    public static String neverBaselined(String database, Catalog live, String initCommand) {
        List<String> tables = live.tables().stream()
                .map(t -> t.schema() + "." + t.name()).sorted().toList();
        String held = tables.isEmpty() ? "objects" : "tables (" + String.join(", ", tables.stream().limit(5).toList())
                + (tables.size() > 5 ? ", ... " + tables.size() + " in all" : "") + ")";
        return database + NEVER_BASELINED + "it holds " + held + " but no migration history, so which "
                + "migrations it already has cannot be told. Baseline it first: " + initCommand + " (records "
                + "the existing migrations as applied when the database matches them, or writes its schema as the "
                + "first migration; see docs/deploy.md)";
    }

    /**
     * A schema automigrate reads but does not write (a Prisma schema, a command's output) is the user's: init never
     * writes the live schema over it, --force or not.
     */
    private static void refuseForeignSchema(Config config, Path schemaPath) {
        String kind = config.schemaSource().isCommand() ? "the output of a command"
                : io.automigrate.source.prisma.PrismaSchema.isPrisma(schemaPath) ? "a Prisma schema" : null;
        if (kind == null) return;
        throw AutomigrateException.badInput(Config.FILE_NAME + ": 'schema' is " + kind + " ("
                + config.schemaSource().shown() + "), which init does not write: it writes the live schema as SQL. "
                + "Keep that schema as it is and take the database over with 'automigrate init --adopt TOOL' "
                + "(docs/adopting.md), or point 'schema' at a .sql file to start from the live schema");
    }

    public static BaselineResult run(DatabaseUrl url, Path root, Config config, ShadowServer server, boolean force,
                                     Instant now) {
        return run(url, root, config, server, force, now, null, false);
    }

    /**
     * As above, for {@code environment} (null: a URL of no environment), which the database then remembers, with
     * whether it is production ({@link EnvironmentRecord}).
     */
    public static BaselineResult run(DatabaseUrl url, Path root, Config config, ShadowServer server, boolean force,
                                     Instant now, String environment, boolean production) {
        if (config.changelog() != null) {
            throw AutomigrateException.badInput("init writes a migrations directory, but 'changelog' is set in "
                    + Config.FILE_NAME + ": remove it to start a new history in " + config.migrations());
        }
        Path schemaPath = root.resolve(config.schema());
        boolean schemaDirectory = Files.isDirectory(schemaPath);
        String schemaShown = schemaDirectory ? config.schema().replaceAll("/+$", "") + "/schema.sql" : config.schema();
        Path schemaFile = root.resolve(schemaShown);
        List<Path> earlier = sqlFiles(root.resolve(config.migrations()));
        if (config.migrationFormat() != io.automigrate.migrate.MigrationFormat.LIQUIBASE) {
            // A baseline is written as formatted SQL: another tool's folder can only be recorded as it is.
            MigrationHistory folder = MigrationHistory.read(root, config.migrations(), config.migrationFormat(), true);
            if (folder.files().isEmpty() || force) {
                throw AutomigrateException.badInput(config.migrations() + " is a " + config.migrationFormat().id()
                        + " folder (migrations.format): init cannot write a baseline into it" + (force
                        ? " (--force)" : ", and it holds no migration") + ". For a database "
                        + config.migrationFormat().id() + " migrated, use 'automigrate init --adopt "
                        + config.migrationFormat().id() + "' (docs/adopting.md)");
            }
            earlier = List.of(root.resolve(config.migrations()));
        }
        // With a history already there, init can only adopt it: record it as applied where the database matches it.
        boolean adopt = !earlier.isEmpty() && !force;
        if (!adopt) {
            refuseForeignSchema(config, schemaPath);
            checkSchemaTarget(schemaPath, schemaDirectory, schemaShown, force);
        }
        MigrationHistory existing = adopt ? MigrationHistory.read(root, config.migrations(), config.migrationFormat(), false) : null;

        InspectOptions options = StateReader.options(config);
        Catalog live;
        try (Connection reading = Connections.openReadOnly(url)) {
            List<ChangelogTable.Applied> applied = ChangelogTable.read(reading);
            if (!applied.isEmpty()) {
                throw AutomigrateException.badInput(url.display() + " already has a migration history ("
                        + applied.size() + " changeset(s) in databasechangelog): init is for a database without one. "
                        + "See it with 'automigrate status --url ...'");
            }
            live = StateReader.inspect(reading, options);
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
        if (adopt) {
            return adopt(url, root, config, server, existing, live, options, environment, production);
        }
        Catalog empty = StateReader.on(server, options).read(new SchemaState.Empty());
        if (!DriftCheck.compare(live, empty).drifted()) {
            throw AutomigrateException.badInput("nothing to baseline: " + url.display() + " holds no tables, types, "
                    + "views or other objects" + scope(config) + ". Write " + config.schema()
                    + " and run 'automigrate plan' to start from the schema instead");
        }
        SchemaDiff diff = SchemaDiffer.diff(empty, live, DiffOptions.defaults());
        RenderedMigration rendered = MigrationRenderer.render(diff);
        String schemaText = schemaText(url, rendered, now);
        String fileName = MigrationNames.fileName(now, NAME);
        MigrationFile migration = MigrationBuilder.build(fileName, rendered, config.naming().author(),
                "baseline of database " + url.database() + " (automigrate init)");
        String migrationText = FormattedSql.write(migration);
        String migrationShown = config.migrations().replaceAll("/+$", "") + "/" + fileName;

        prove(server, config, schemaShown, schemaText, migrationShown, migrationText, live, empty, options);

        Map<Path, String> previous = new LinkedHashMap<>();
        List<String> replaced = new ArrayList<>();
        try {
            for (Path old : earlier) {
                previous.put(old, Files.readString(old));
                Files.delete(old);
                replaced.add(config.migrations().replaceAll("/+$", "") + "/" + old.getFileName());
            }
            write(schemaFile, schemaText, previous);
            write(root.resolve(migrationShown), migrationText, previous);
        } catch (IOException e) {
            restore(previous);
            throw AutomigrateException.badInput("cannot write the baseline (nothing was kept): " + e.getMessage());
        }
        try {
            record(url, root, config, environment, production);
        } catch (AutomigrateException e) {
            restore(previous);
            throw new AutomigrateException(e.exitCode(), "the baseline could not be recorded in " + url.display()
                    + ", so its files were removed again: " + e.getMessage(), e);
        }
        return new BaselineResult(url.display(), schemaShown, migrationShown, rendered.forward().size(), replaced,
                diff.notes(), false);
    }

    /**
     * Another database of a project that already has its history (for example staging, after production was
     * baselined): when its schema is what the whole history gives, the history is recorded as applied there.
     */
    private static BaselineResult adopt(DatabaseUrl url, Path root, Config config, ShadowServer server,
                                        MigrationHistory history, Catalog live, InspectOptions options,
                                        String environment, boolean production) {
        Catalog expected = StateReader.on(server, options).read(new SchemaState.History(history, null));
        Drift drift = DriftCheck.compare(live, expected);
        if (drift.drifted()) {
            throw AutomigrateException.badInput(config.migrations() + ": already holds " + history.files().size()
                    + " migration file(s), and " + url.display() + " does not match what they give ("
                    + String.join("; ", drift.changes().stream().limit(3).toList())
                    + (drift.changes().size() > 3 ? "; ..." : "") + "). init records an existing history only in a "
                    + "database that matches it; pass --force to start a new history from this database instead "
                    + "(the files are replaced; they stay in git), or use 'automigrate plan' to add to the history");
        }
        record(url, root, config, environment, production);
        return new BaselineResult(url.display(), null, config.migrations(), history.files().size(), List.of(),
                List.of(), true);
    }

    private static String scope(Config config) {
        if (!config.schemas().isEmpty()) return " in schema(s) " + String.join(", ", config.schemas());
        return "";
    }

    private static void checkSchemaTarget(Path schemaPath, boolean directory, String shown, boolean force) {
        if (directory) {
            List<Path> files = sqlFiles(schemaPath);
            boolean others = files.stream().anyMatch(p -> !p.getFileName().toString().equals("schema.sql"));
            if (others) {
                throw AutomigrateException.badInput(shown.substring(0, shown.lastIndexOf('/')) + ": the schema "
                        + "directory already holds "
                        + "SQL files: init writes one file (" + shown + "); empty the directory or point 'schema' in "
                        + Config.FILE_NAME + " at a new file");
            }
        }
        Path file = directory ? schemaPath.resolve("schema.sql") : schemaPath;
        if (!force && Files.isRegularFile(file) && holdsStatements(file)) {
            throw AutomigrateException.badInput(shown + ": already holds a schema: init writes it from the database. "
                    + "Pass --force to replace it, or use 'automigrate plan' to start from this file");
        }
    }

    private static boolean holdsStatements(Path file) {
        String text = io.automigrate.TextFiles.readUtf8(file, file.toString());
        return !text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)--.*$", "").isBlank();
    }

    private static List<Path> sqlFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw AutomigrateException.badInput(dir + ": cannot list: " + e.getMessage());
        }
    }

    /** The schema file: a short header, then one statement per paragraph. */
    static String schemaText(DatabaseUrl url, RenderedMigration rendered, Instant now) {
        return "-- The desired schema of database " + url.database() + ", written by 'automigrate init' on "
                + now.toString().substring(0, 10) + ".\n"
                + "-- Edit it, then run 'automigrate plan' to generate the migration that gets a database there.\n\n"
                + rendered.forward().stream().map(Statement::sql).collect(Collectors.joining("\n\n")) + "\n";
    }

    /**
     * Both files, in a temporary project: the schema file must load to the live schema; the migration must replay
     * to it from empty and roll back to empty.
     */
    private static void prove(ShadowServer server, Config config, String schemaShown, String schemaText,
                              String migrationShown, String migrationText, Catalog live, Catalog empty,
                              InspectOptions options) {
        Path temp;
        try {
            temp = Files.createTempDirectory("automigrate-init");
            Files.createDirectories(temp.resolve(schemaShown).getParent());
            Files.writeString(temp.resolve(schemaShown), schemaText);
            Files.createDirectories(temp.resolve(migrationShown).getParent());
            Files.writeString(temp.resolve(migrationShown), migrationText);
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot write a temporary project for the proof: " + e.getMessage());
        }
        try {
            check(StateReader.on(server, options).read(SchemaState.schema(temp, schemaShown)), live,
                    "the written schema file does not give the database's schema");
            MigrationHistory history = MigrationHistory.read(temp, config.migrations(), config.migrationFormat(), false);
            try (ShadowDatabase db = server.createDatabase("baseline")) {
                HistoryReplayer.replayInto(db, history.root(), history, null);
                check(StateReader.inspect(db.url(), options), live,
                        "the baseline migration does not give the database's schema");
                int changesets = history.files().get(0).changesets().size();
                liquibase(db, history, r -> r.rollback(changesets));
                check(StateReader.inspect(db.url(), options), empty,
                        "the baseline migration's rollback does not give an empty database");
            }
        } catch (AutomigrateException e) {
            if (e.getMessage().startsWith("init could not prove")) throw e;
            throw AutomigrateException.checkFailed("init could not prove the baseline, so nothing was written: "
                    + e.getMessage());
        } finally {
            io.automigrate.TempFolders.deleteQuietly(temp);
        }
    }

    private static void check(Catalog actual, Catalog expected, String problem) {
        Drift left = DriftCheck.compare(actual, expected);
        if (left.drifted()) {
            throw AutomigrateException.checkFailed("init could not prove the baseline, so nothing was written: "
                    + problem + "; still needed:\n" + (left.fixSql().isBlank() ? String.join("\n", left.notes())
                    : left.fixSql().strip()));
        }
    }

    private static void liquibase(ShadowDatabase db, MigrationHistory history,
                                  java.util.function.Consumer<LiquibaseRunner> work) {
        try (Connection c = db.connect(); LiquibaseRunner runner = LiquibaseRunner.forHistory(c, history)) {
            work.accept(runner);
        } catch (SQLException e) {
            throw AutomigrateException.database("throwaway database " + db.name() + ": " + e.getMessage(), e);
        }
    }

    /** Records the baseline, the only file of the new history, as applied without running it. */
    private static void record(DatabaseUrl url, Path root, Config config, String environment, boolean production) {
        MigrationHistory history = MigrationHistory.read(root, config.migrations(), config.migrationFormat(), false);
        try (Connection c = Connections.open(url); LiquibaseRunner runner = LiquibaseRunner.forHistory(c, history)) {
            runner.markAllApplied();
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
        try (Connection c = Connections.open(url)) {
            EnvironmentRecord.record(c, environment, production, "init");
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
    }

    private static void write(Path file, String text, Map<Path, String> previous) throws IOException {
        previous.putIfAbsent(file, Files.isRegularFile(file) ? Files.readString(file) : null);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Puts back what was there before this run: files it created go, files it changed or removed return. */
    private static void restore(Map<Path, String> previous) {
        previous.forEach((file, text) -> {
            try {
                if (text == null) Files.deleteIfExists(file);
                else Files.writeString(file, text);
            } catch (IOException ignored) {
                // best effort; the error being reported matters more
            }
        });
    }
}
