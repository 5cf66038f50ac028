package io.automigrate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automigrate.AutomigrateException;
import io.automigrate.TextFiles;
import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationFormat;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.state.SchemaState;
import io.automigrate.state.StateReader;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code automigrate init --adopt TOOL}: a database that another tool migrated, with that tool's folder configured as
 * the history ({@code migrations: {dir, format: TOOL}}). The tool's own table says which migrations ran; each one it
 * shows as finished is recorded as applied in DATABASECHANGELOG without running it (Liquibase's changelog sync), so
 * the next deploy applies only the migrations after them. Refused, with the list, when that table shows a
 * migration that failed, was rolled back or left dirty, or one the folder does not have; and when the database
 * differs from what those migrations give (drift before adoption). The tool's table stays; automigrate leaves it
 * out of every comparison.
 */
public final class Adoption {
    private Adoption() {
    }

    /** What the tool's table says of one migration of the folder, or of one it names that the folder lacks. */
    enum State { FINISHED, FAILED, ROLLED_BACK, DIRTY, UNKNOWN }

    /** One line of the tool's books: the migration (its id in the folder, or as the table names it) and its state. */
    record Entry(String migration, State state, String detail) {
    }

    /** The tools whose books {@code --adopt} reads. */
    public static final List<MigrationFormat> TOOLS = List.of(MigrationFormat.PRISMA, MigrationFormat.FLYWAY,
            MigrationFormat.GOLANG_MIGRATE, MigrationFormat.DBMATE, MigrationFormat.DRIZZLE);

    /** The tool's table, as the messages name it. */
    static String table(MigrationFormat tool) {
        return switch (tool) {
            case PRISMA -> "_prisma_migrations";
            case FLYWAY -> "flyway_schema_history";
            case GOLANG_MIGRATE, DBMATE -> "schema_migrations";
            case DRIZZLE -> "drizzle.__drizzle_migrations";
            default -> throw new IllegalArgumentException(tool.id());
        };
    }

    public static BaselineResult run(DatabaseUrl url, Path root, Config config, ShadowServer server,
                                     MigrationFormat tool, String environment, boolean production) {
        if (!TOOLS.contains(tool)) {
            throw AutomigrateException.badInput("--adopt " + tool.id() + ": adoption reads the books of prisma, "
                    + "flyway, golang-migrate, dbmate or drizzle; a " + tool.id() + " folder has none (use "
                    + "'automigrate init' without --adopt)");
        }
        if (config.changelog() != null || config.migrationFormat() != tool) {
            throw AutomigrateException.badInput(Config.FILE_NAME + ": --adopt " + tool.id() + " takes over the "
                    + tool.id() + " folder as the history: set 'migrations: {dir: <its folder>, format: " + tool.id()
                    + "}'" + (config.changelog() != null ? " and remove 'changelog'" : "") + " (now: "
                    + config.migrationFormat().id() + " in " + config.migrations() + ")");
        }
        MigrationHistory history = MigrationHistory.read(root, config.migrations(), tool, false);
        InspectOptions options = StateReader.options(config);
        List<Entry> entries;
        Catalog live;
        try (Connection reading = Connections.openReadOnly(url)) {
            List<ChangelogTable.Applied> applied = ChangelogTable.read(reading);
            if (!applied.isEmpty()) {
                throw AutomigrateException.badInput(url.display() + " already has an automigrate history ("
                        + applied.size() + " changeset(s) in databasechangelog): there is nothing to adopt. See it "
                        + "with 'automigrate status'");
            }
            entries = entries(reading, tool, history, root);
            live = StateReader.inspect(reading, options);
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
        List<String> problems = entries.stream().filter(e -> e.state() != State.FINISHED)
                .map(e -> e.migration() + ": " + e.detail()).toList();
        if (!problems.isEmpty()) {
            throw AutomigrateException.checkFailed(table(tool) + " in " + url.display() + " shows "
                    + problems.size() + " migration(s) that did not finish as the folder has them, so which "
                    + "migrations the database holds cannot be told; nothing was recorded:\n  "
                    + String.join("\n  ", problems) + "\nResolve them with " + tool.id() + " first (finish or "
                    + "undo each one), then adopt again");
        }
        Set<String> finished = new LinkedHashSet<>();
        entries.forEach(e -> finished.add(e.migration()));
        Set<String> files = new LinkedHashSet<>();
        for (int i = 0; i < history.files().size(); i++) {
            if (finished.contains(history.migrations().get(i).id())) files.add(history.files().get(i).fileName());
        }
        MigrationHistory adopted = history.only(files);
        Catalog expected = StateReader.on(server, options).read(new SchemaState.History(adopted, null));
        Drift drift = DriftCheck.compare(live, expected);
        if (drift.drifted()) {
            throw AutomigrateException.checkFailed(url.display() + " differs from what the " + adopted.files().size()
                    + " migration(s) that " + table(tool) + " shows as applied give (drift before adoption), so "
                    + "they were not recorded:\n  " + String.join("\n  ", drift.changes())
                    + "\nBring the database or the folder in line first (a migration for the difference, or the "
                    + "change undone), then adopt again");
        }
        try (Connection c = Connections.open(url); LiquibaseRunner runner = LiquibaseRunner.forHistory(c, adopted)) {
            runner.markAllApplied();
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
        try (Connection c = Connections.open(url)) {
            EnvironmentRecord.record(c, environment, production, "init");
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
        List<String> notes = new ArrayList<>();
        int pending = history.files().size() - adopted.files().size();
        notes.add("adopted from " + table(tool) + ", which stays where it is (automigrate leaves it out of every "
                + "comparison); deploy with automigrate from now on, not with " + tool.id());
        if (pending > 0) {
            notes.add(pending + " migration(s) of " + config.migrations() + " were not applied there: the next "
                    + "deploy applies them");
        }
        return new BaselineResult(url.display(), null, config.migrations(), adopted.files().size(), List.of(), notes,
                true);
    }

    /**
     * The tool's books, one entry per migration of the folder they show (in the folder's order) and one per
     * migration they name that the folder lacks. A missing table is an error: there is nothing to adopt from.
     */
    static List<Entry> entries(Connection c, MigrationFormat tool, MigrationHistory history, Path root)
            throws SQLException {
        String table = table(tool);
        String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : null;
        String name = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
        if (!(schema == null ? ChangelogTable.exists(c, name) : exists(c, schema, name))) {
            throw AutomigrateException.badInput("there is no " + table + " in the database: it was not migrated by "
                    + tool.id() + " (or its table has another name or schema), so there is nothing to adopt; "
                    + "use 'automigrate init' without --adopt to baseline it");
        }
        List<MigrationFormat.Migration> migrations = history.migrations();
        return switch (tool) {
            case PRISMA -> prisma(c, migrations);
            case FLYWAY -> flyway(c, migrations);
            case GOLANG_MIGRATE -> golang(c, migrations);
            case DBMATE -> dbmate(c, migrations);
            case DRIZZLE -> drizzle(c, history, root);
            default -> throw new IllegalArgumentException(tool.id());
        };
    }

    private static boolean exists(Connection c, String schema, String table) throws SQLException {
        try (var st = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ?")) {
            st.setString(1, schema);
            st.setString(2, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Prisma writes a row per attempt: finished_at when it succeeded, rolled_back_at when {@code migrate resolve
     * --rolled-back} marked it; a rolled-back attempt followed by a finished one is finished.
     */
    private static List<Entry> prisma(Connection c, List<MigrationFormat.Migration> migrations) throws SQLException {
        Map<String, State> state = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT migration_name, finished_at IS NOT NULL, rolled_back_at IS NOT NULL FROM _prisma_migrations "
                        + "ORDER BY started_at, migration_name")) {
            while (rs.next()) {
                State s = rs.getBoolean(3) ? State.ROLLED_BACK : rs.getBoolean(2) ? State.FINISHED : State.FAILED;
                state.merge(rs.getString(1), s, (a, b) -> a == State.FINISHED || b == State.FINISHED
                        ? State.FINISHED : b);
            }
        }
        return byId(state, migrations, Map.of(State.FAILED, "failed (started, never finished)",
                State.ROLLED_BACK, "rolled back (prisma migrate resolve --rolled-back) and not applied again"));
    }

    /**
     * Flyway: a row per run in installed_rank order; success false is a failure, UNDO_SQL undoes a version, DELETE
     * (repair) forgets one, BASELINE stands for every version up to its own. Versioned rows are matched by version,
     * repeatable ones by script.
     */
    private static List<Entry> flyway(Connection c, List<MigrationFormat.Migration> migrations) throws SQLException {
        Map<String, String> byVersion = new LinkedHashMap<>();
        Map<String, String> byScript = new LinkedHashMap<>();
        for (MigrationFormat.Migration m : migrations) {
            byScript.put(m.path(), m.id());
            java.util.regex.Matcher v = java.util.regex.Pattern.compile("V([0-9._]+)__.*").matcher(m.path());
            if (v.matches()) byVersion.put(normalVersion(v.group(1)), m.id());
        }
        Map<String, State> state = new LinkedHashMap<>();
        Map<String, String> detail = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT version, type, script, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(1);
                String type = rs.getString(2);
                String script = rs.getString(3);
                boolean success = rs.getBoolean(4);
                if ("SCHEMA".equals(type)) continue;
                String file = script == null ? "" : script.substring(script.lastIndexOf('/') + 1);
                if ("BASELINE".equals(type)) {
                    List<BigInteger> baseline = versionParts(version);
                    for (Map.Entry<String, String> v : byVersion.entrySet()) {
                        if (compare(versionParts(v.getKey()), baseline) <= 0) state.put(v.getValue(), State.FINISHED);
                    }
                    continue;
                }
                String id = version != null ? byVersion.get(normalVersion(version)) : byScript.get(file);
                String key = id != null ? id : (version != null ? "V" + version : file) + " (" + file + ")";
                if (id == null) {
                    state.put(key, State.UNKNOWN);
                    detail.put(key, "in " + table(MigrationFormat.FLYWAY) + " but not in the folder");
                } else if ("UNDO_SQL".equals(type) || "DELETE".equals(type)) {
                    state.put(key, success ? State.ROLLED_BACK : State.FAILED);
                    detail.put(key, "DELETE".equals(type) ? "marked deleted by flyway repair"
                            : success ? "undone (" + file + ")" : "its undo failed");
                } else {
                    state.put(key, success ? State.FINISHED : State.FAILED);
                    if (!success) detail.put(key, "failed (success = false)");
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        state.forEach((k, s) -> out.add(new Entry(k, s, detail.getOrDefault(k, s.name().toLowerCase()))));
        return ordered(out, migrations);
    }

    /** golang-migrate keeps one row: the version it reached, and dirty when that one failed half-way. */
    private static List<Entry> golang(Connection c, List<MigrationFormat.Migration> migrations) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, dirty FROM schema_migrations")) {
            while (rs.next()) {
                BigInteger reached = BigInteger.valueOf(rs.getLong(1));
                boolean dirty = rs.getBoolean(2);
                boolean known = false;
                for (MigrationFormat.Migration m : migrations) {
                    BigInteger v = leadingNumber(m.id());
                    if (v.compareTo(reached) > 0) continue;
                    boolean last = v.equals(reached);
                    known |= last;
                    out.add(new Entry(m.id(), last && dirty ? State.DIRTY : State.FINISHED,
                            "dirty: version " + reached + " failed part-way (golang-migrate force after fixing it)"));
                }
                if (!known && reached.signum() > 0) {
                    out.add(new Entry("version " + reached, State.UNKNOWN, "in schema_migrations but not in the "
                            + "folder"));
                }
            }
        }
        return out;
    }

    /** dbmate keeps a row per applied version. */
    private static List<Entry> dbmate(Connection c, List<MigrationFormat.Migration> migrations) throws SQLException {
        Map<String, State> state = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM schema_migrations ORDER BY version")) {
            while (rs.next()) {
                String version = rs.getString(1).strip();
                String id = migrations.stream().filter(m -> m.id().startsWith(version + "_")).map(MigrationFormat.Migration::id)
                        .findFirst().orElse(null);
                state.put(id != null ? id : "version " + version, id != null ? State.FINISHED : State.UNKNOWN);
            }
        }
        return byId(state, migrations, Map.of());
    }

    /**
     * drizzle-kit's migrator runs every journal entry whose {@code when} is later than the newest created_at of its
     * table, so those up to it are applied; a row whose created_at no entry has is unknown.
     */
    private static List<Entry> drizzle(Connection c, MigrationHistory history, Path root) throws SQLException {
        String journalShown = history.directory().replaceAll("/+$", "") + "/meta/_journal.json";
        Map<Long, String> tagByWhen = new LinkedHashMap<>();
        try {
            JsonNode journal = new ObjectMapper().readTree(TextFiles.readUtf8(root.resolve(journalShown), journalShown));
            journal.path("entries").forEach(e -> tagByWhen.put(e.path("when").asLong(), e.path("tag").asText()));
        } catch (IOException e) {
            throw AutomigrateException.badInput(journalShown + ": not valid JSON: " + e.getMessage());
        }
        List<Entry> out = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at")) {
            while (rs.next()) {
                long when = rs.getLong(1);
                newest = Math.max(newest, when);
                if (!tagByWhen.containsKey(when)) {
                    out.add(new Entry("created_at " + when, State.UNKNOWN, "in __drizzle_migrations, but no entry "
                            + "of meta/_journal.json has that 'when'"));
                }
            }
        }
        for (Map.Entry<Long, String> e : tagByWhen.entrySet()) {
            if (e.getKey() <= newest) out.add(new Entry(e.getValue(), State.FINISHED, "finished"));
        }
        return out;
    }

    private static List<Entry> byId(Map<String, State> state, List<MigrationFormat.Migration> migrations,
                                    Map<State, String> details) {
        List<Entry> out = new ArrayList<>();
        state.forEach((id, s) -> out.add(new Entry(id, s, s == State.UNKNOWN
                ? "in the tool's table but not in the folder" : details.getOrDefault(s, s.name().toLowerCase()))));
        return ordered(out, migrations);
    }

    /** Entries in the folder's order, those the folder lacks last. */
    private static List<Entry> ordered(List<Entry> entries, List<MigrationFormat.Migration> migrations) {
        List<String> order = migrations.stream().map(MigrationFormat.Migration::id).toList();
        List<Entry> out = new ArrayList<>(entries);
        out.sort(java.util.Comparator.comparingInt(e -> order.contains(e.migration()) ? order.indexOf(e.migration())
                : Integer.MAX_VALUE));
        for (int i = 0; i < out.size(); i++) {
            Entry e = out.get(i);
            if (!order.contains(e.migration()) && e.state() != State.UNKNOWN) {
                out.set(i, new Entry(e.migration(), State.UNKNOWN, "in the tool's table but not in the folder"));
            }
        }
        return out;
    }

    private static BigInteger leadingNumber(String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)").matcher(id);
        return m.find() ? new BigInteger(m.group(1)) : BigInteger.ZERO;
    }

    private static String normalVersion(String version) {
        return versionParts(version).toString();
    }

    private static List<BigInteger> versionParts(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String p : version == null ? new String[0] : version.split("[._]")) {
            if (!p.isEmpty()) parts.add(new BigInteger(p));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) parts.remove(parts.size() - 1);
        return parts;
    }

    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (c != 0) return c;
        }
        return 0;
    }
}
