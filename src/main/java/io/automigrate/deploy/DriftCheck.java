package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.UnmanagedObject;
import io.automigrate.config.Config;
import io.automigrate.db.Connections;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.state.SchemaState;
import io.automigrate.state.StateReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drift: a live database against the schema its applied migrations should have produced (replayed on a throwaway
 * database), or against the desired schema files. Liquibase's own tables and GRANTs are left out, as in plan's
 * proof. The live database is only read.
 */
public final class DriftCheck {
    private DriftCheck() {
    }

    /**
     * {@code automigrate drift} of {@code target}, as the CLI and the GitHub Action run it: the database awaited
     * with its environment's retries, the comparisons made on a shadow server of {@code shadow}.
     */
    public static DriftResult run(Target target, Path root, Config config, io.automigrate.shadow.ShadowOptions shadow,
                                  java.util.function.Consumer<String> log) {
        io.automigrate.db.DatabaseUrl url = target.awaitReachable("automigrate drift", log);
        // The throwaway server runs the live database's major version, so canonical texts compare.
        try (ShadowServer server = io.automigrate.shadow.ShadowServers.startFor(shadow,
                io.automigrate.db.Connections.majorVersion(url), log)) {
            return run(url, target.describe(), target.initCommand(), root, config, server);
        }
    }

    /** Both comparisons of {@code automigrate drift}, on one read-only session. */
    public static DriftResult run(io.automigrate.db.DatabaseUrl url, String target, Path root, Config config,
                                  ShadowServer server) {
        return run(url, target, Baseline.initCommand(null, url, url.display()), root, config, server);
    }

    /** As above; {@code initCommand} is the command line that baselines this database, for one never baselined. */
    public static DriftResult run(io.automigrate.db.DatabaseUrl url, String target, String initCommand, Path root,
                                  Config config, ShadowServer server) {
        // Bad schema or migration files are reported before the database is touched.
        SchemaState.Files desiredSchema = SchemaState.schema(root, config);
        if (config.changelog() == null) MigrationHistory.read(root, config.migrations(), config.migrationFormat(), true);
        try (Connection live = Connections.openReadOnly(url)) {
            InspectOptions options = StateReader.options(config);
            Catalog liveCatalog = StateReader.inspect(live, options);
            List<ChangelogTable.Applied> applied = ChangelogTable.read(live);
            Position position = position(root, config, applied);
            Drift history = againstHistory(liveCatalog, applied, position, target, initCommand, root, config, server,
                    options);
            Drift schema;
            if (applied.isEmpty() && Baseline.holdsObjects(liveCatalog)) {
                // Its own tables would show as DROP TABLE: never suggested for a database not yet baselined.
                schema = Drift.none().withNotes(List.of("not compared: the database was never baselined (see above)"));
            } else if (!position.ahead().isEmpty()) {
                // The checkout's schema is older than the database: every difference would be a false alarm.
                schema = Drift.none().withNotes(List.of("not compared: " + aheadNote(position)));
            } else if (!position.pending().isEmpty()) {
                // Pending migrations are not drift: the schema is compared with the database as it will be once
                // they are applied (its applied part is checked against the live database above).
                Catalog whole = replay(server, MigrationHistory.read(root, config.migrations(), config.migrationFormat(), true), options);
                schema = compare(whole, read(server, desiredSchema, options), desiredSchema).withNotes(List.of("compared as the "
                        + "database will be once the pending migration(s) are applied"));
            } else {
                schema = compare(liveCatalog, read(server, desiredSchema, options), desiredSchema);
            }
            return new DriftResult(target, history, schema, position.pending(), position.ahead());
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
    }

    /**
     * Where the database stands against this checkout's history: the migration files it has not applied (pending,
     * as paths) and the migrations it applied after everything this checkout knows (ahead: a branch that deploys
     * there has them, this checkout not yet; as file names).
     */
    public record Position(List<String> pending, List<String> ahead) {
        public Position {
            pending = List.copyOf(pending);
            ahead = List.copyOf(ahead);
        }
    }

    /** Pure but for reading the migration files; with a master changelog nothing is pending or ahead here. */
    static Position position(Path root, Config config, List<ChangelogTable.Applied> applied) {
        if (config.changelog() != null) return new Position(List.of(), List.of());
        MigrationHistory history = MigrationHistory.read(root, config.migrations(), config.migrationFormat(), true);
        Set<String> appliedKeys = applied.stream().map(ChangelogTable.Applied::key).collect(Collectors.toSet());
        Set<String> known = new HashSet<>();
        List<String> pending = new ArrayList<>();
        for (MigrationFile file : history.files()) {
            boolean whole = true;
            for (Changeset c : file.changesets()) {
                String key = history.pathOf(file) + "::" + c.id() + "::" + c.author();
                known.add(key);
                if (!appliedKeys.contains(key)) whole = false;
            }
            if (!whole) pending.add(history.pathOf(file));
        }
        int lastKnown = -1;
        for (int i = 0; i < applied.size(); i++) {
            if (known.contains(applied.get(i).key())) lastKnown = i;
        }
        List<String> ahead = new ArrayList<>();
        boolean onlyAfter = true;
        for (int i = 0; i < applied.size(); i++) {
            ChangelogTable.Applied a = applied.get(i);
            if (known.contains(a.key())) continue;
            if (i < lastKnown) onlyAfter = false;
            String name = a.fileName().substring(a.fileName().lastIndexOf('/') + 1);
            if (!ahead.contains(name)) ahead.add(name);
        }
        // A file missing from the middle of the history was removed here, which is not "ahead".
        return new Position(pending, onlyAfter ? ahead : List.of());
    }

    static String aheadNote(Position position) {
        return "ahead of this checkout: " + String.join(", ", position.ahead()) + " applied there, not here. "
                + "Check the database from the branch that deploys it (see examples/workflows/drift.yml)";
    }

    /**
     * The live database on {@code live} against its applied history: the changesets recorded in its
     * DATABASECHANGELOG, taken from the migration files under {@code root} and replayed on a throwaway database of
     * {@code server}. Pending migrations are not part of the comparison.
     */
    public static Drift liveVsHistory(Connection live, String target, String initCommand, Path root, Config config,
                                      ShadowServer server) {
        InspectOptions options = StateReader.options(config);
        List<ChangelogTable.Applied> applied = ChangelogTable.read(live);
        return againstHistory(StateReader.inspect(live, options), applied, position(root, config, applied),
                target, initCommand, root, config, server, options);
    }

    private static Drift againstHistory(Catalog liveCatalog, List<ChangelogTable.Applied> applied, Position position,
                                        String target, String initCommand, Path root, Config config,
                                        ShadowServer server, InspectOptions options) {
        if (applied.isEmpty() && Baseline.holdsObjects(liveCatalog)) {
            // Not a difference to fix with SQL: the database predates the history (never a DROP TABLE).
            return new Drift(true, List.of(), "", "", List.of(Baseline.neverBaselined(target, liveCatalog,
                    initCommand)));
        }
        if (!position.ahead().isEmpty()) {
            return Drift.none().withNotes(List.of("not compared: " + aheadNote(position)));
        }
        Expected expected = expectedFromHistory(server, root, config, applied, options);
        if (expected.catalog() == null) {
            return Drift.none().withNotes(expected.notes());
        }
        return compare(liveCatalog, expected.catalog()).withNotes(expected.notes());
    }

    /** The live database on {@code live} against the desired schema files of {@code config}. */
    public static Drift liveVsSchema(Connection live, Path root, Config config, ShadowServer server) {
        InspectOptions options = StateReader.options(config);
        Catalog liveCatalog = StateReader.inspect(live, options);
        SchemaState.Files desired = SchemaState.schema(root, config);
        return compare(liveCatalog, read(server, desired, options), desired);
    }

    /** Two catalogs compared as plan's proof compares them; the SQL goes both ways. */
    public static Drift compare(Catalog live, Catalog expected) {
        return compare(live, expected, null);
    }

    /**
     * A live database against a desired schema: what the schema's language cannot express ({@code desired.kept()},
     * a Prisma schema's functions, triggers, views...) is no drift; it is listed in a note. {@code desired} null:
     * every difference counts.
     */
    public static Drift compare(Catalog live, Catalog expected, SchemaState.Files desired) {
        List<String> platformNotes = new ArrayList<>();
        Catalog a = withoutPlatformObjects(live, expected, platformNotes);
        Catalog b = expected;
        if (SchemaDiffer.sameSchema(a, b)) {
            return Drift.none().withNotes(platformNotes);
        }
        SchemaDiff whole = SchemaDiffer.diff(a, b, DiffOptions.defaults());
        SchemaDiff fix = desired == null ? whole : desired.keep(whole, a);
        if (fix.isEmpty() && !whole.isEmpty()) {
            return Drift.none().withNotes(fix.notes());
        }
        SchemaDiff back = SchemaDiffer.diff(b, a, DiffOptions.defaults());
        List<String> notes = new ArrayList<>(fix.notes());
        notes.addAll(platformNotes);
        if (fix.isEmpty()) {
            notes.add("the schemas differ in a way automigrate cannot express as DDL (compare them with "
                    + "'automigrate diff')");
        }
        return new Drift(true, fix.changes().stream().map(c -> c.describe()).toList(),
                fix.isEmpty() ? "" : MigrationRenderer.render(fix).forwardSql(),
                back.isEmpty() ? "" : MigrationRenderer.render(back).forwardSql(), notes);
    }

    /**
     * {@code live} without the database-wide objects of kinds automigrate does not generate (publications, event
     * triggers...) that {@code expected} does not have at all: a managed platform makes its own, and the migrations
     * never mention them, so they are listed in a note instead of counting as drift. One the migrations made, or one
     * that differs from theirs, still counts.
     */
    private static Catalog withoutPlatformObjects(Catalog live, Catalog expected, List<String> notes) {
        Set<String> known = new HashSet<>();
        expected.unmanaged().forEach(u -> known.add(u.describe()));
        List<UnmanagedObject> foreign = live.unmanaged().stream()
                .filter(u -> u.databaseWide() && !known.contains(u.describe())).toList();
        if (foreign.isEmpty()) return live;
        notes.add("not counted as drift: " + String.join(", ", foreign.stream()
                .map(UnmanagedObject::describe).toList())
                + " (database-wide, not made by the migrations; automigrate leaves them alone)");
        return live.withUnmanaged(live.unmanaged().stream().filter(u -> !foreign.contains(u)).toList());
    }

    /** The desired schema loaded into a throwaway database and inspected. */
    private static Catalog read(ShadowServer server, SchemaState.Files desired, InspectOptions options) {
        return StateReader.on(server, options).read(desired);
    }

    /** The catalog the applied changesets produce, or null (with notes saying why) when it cannot be known. */
    record Expected(Catalog catalog, List<String> notes) {
    }

    /**
     * Replays the applied part of the history on a throwaway database and inspects it. The one place that decides
     * "what the applied history should produce"; the history template cache is shared with plan.
     */
    static Expected expectedFromHistory(ShadowServer server, Path root, Config config,
                                        List<ChangelogTable.Applied> applied,
                                        InspectOptions options) {
        Set<String> appliedKeys = applied.stream().map(ChangelogTable.Applied::key).collect(Collectors.toSet());
        if (config.changelog() != null) {
            return expectedFromChangelog(server, root, config, appliedKeys, options);
        }
        MigrationHistory history = MigrationHistory.read(root, config.migrations(), config.migrationFormat(), true);
        List<String> notes = new ArrayList<>();
        Set<String> known = new HashSet<>();
        List<MigrationFile> subset = new ArrayList<>();
        boolean whole = true;
        for (MigrationFile file : history.files()) {
            List<Changeset> ran = new ArrayList<>();
            for (Changeset c : file.changesets()) {
                String key = history.pathOf(file) + "::" + c.id() + "::" + c.author();
                known.add(key);
                if (appliedKeys.contains(key)) ran.add(c);
            }
            if (ran.size() != file.changesets().size()) whole = false;
            if (!ran.isEmpty()) subset.add(new MigrationFile(file.fileName(), ran));
        }
        List<String> missing = applied.stream().map(ChangelogTable.Applied::key).filter(k -> !known.contains(k))
                .toList();
        if (!missing.isEmpty()) {
            notes.add(missing.size() + " applied changeset(s) have no migration file any more and are left out of the "
                    + "comparison: " + String.join(", ", missing.stream().limit(5).toList())
                    + (missing.size() > 5 ? ", ..." : ""));
        }
        if (whole) {
            return new Expected(replay(server, history, options), notes);
        }
        if (history.format() != io.automigrate.migrate.MigrationFormat.LIQUIBASE) {
            // Each migration of another tool's folder is one changeset: applied whole or not at all.
            return new Expected(replay(server, history.only(subset.stream().map(MigrationFile::fileName)
                    .collect(Collectors.toSet())), options), notes);
        }
        Path temp = subsetProject(root, history, subset);
        try {
            return new Expected(replay(server, MigrationHistory.read(temp, config.migrations(), config.migrationFormat(), true), options), notes);
        } finally {
            io.automigrate.TempFolders.deleteQuietly(temp);
        }
    }

    private static Expected expectedFromChangelog(ShadowServer server, Path root, Config config,
                                                  Set<String> appliedKeys, InspectOptions options) {
        List<String> pending;
        try (ShadowDatabase db = server.createDatabase("parse"); Connection c = db.connect();
             LiquibaseRunner runner = LiquibaseRunner.forChangelog(c, root, config.changelog())) {
            pending = runner.checksums(9).keySet().stream().filter(k -> !appliedKeys.contains(k)).toList();
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read " + config.changelog() + ": " + e.getMessage(), e);
        }
        if (!pending.isEmpty()) {
            return new Expected(null, List.of("the live database was not compared with its history: "
                    + config.changelog() + " has " + pending.size() + " changeset(s) not applied there, and with a "
                    + "master changelog only a fully applied one can be replayed (apply first)"));
        }
        MigrationHistory none = MigrationHistory.read(root, config.migrations(), config.migrationFormat(), true);
        return new Expected(StateReader.on(server, options).read(new SchemaState.History(none, config.changelog())),
                List.of());
    }

    /** Replays {@code history} from empty (or from its cached template) and inspects the result. */
    private static Catalog replay(ShadowServer server, MigrationHistory history, InspectOptions options) {
        return StateReader.on(server, options).read(new SchemaState.History(history, null));
    }

    /** A temporary project holding only the applied changesets, at the same relative paths. */
    private static Path subsetProject(Path root, MigrationHistory history, List<MigrationFile> subset) {
        try {
            Path temp = Files.createTempDirectory("automigrate-applied");
            Path dir = temp.resolve(history.directory());
            Files.createDirectories(dir);
            for (MigrationFile file : subset) {
                MigrationFile original = history.files().stream()
                        .filter(f -> f.fileName().equals(file.fileName())).findFirst().orElseThrow();
                String text = original.changesets().size() == file.changesets().size()
                        ? Files.readString(root.resolve(history.pathOf(original)))
                        : FormattedSql.write(file);
                Files.writeString(dir.resolve(file.fileName()), text);
            }
            return temp;
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot write a temporary copy of the applied migrations: "
                    + e.getMessage());
        }
    }
}
