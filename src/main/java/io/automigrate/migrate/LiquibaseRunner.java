package io.automigrate.migrate;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;
import io.automigrate.TempFolders;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Liquibase keeps the books: DATABASECHANGELOG, checksums, its lock and rollback. This runs it on one connection,
 * offline and quiet (no analytics, no console output: automigrate reports for itself). For a migrations directory
 * a master changelog that includes each file is written to a temporary folder, so Liquibase records every changeset
 * under the file's path relative to the repository root (e.g. {@code db/migrations/20261122153000_x.sql}).
 */
public final class LiquibaseRunner implements AutoCloseable {
    /** Held so the level stays set: java.util.logging keeps loggers only weakly. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        System.setProperty("liquibase.logLevel", "WARNING");
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        // Formatted-SQL files are still parsed by Liquibase, but their changesets run as written (see VerbatimSql).
        liquibase.parser.ChangeLogParserFactory.getInstance().register(new VerbatimSql.Parser());
    }

    /** Liquibase's own logging switched off until closed: for failures that automigrate reports itself, once. */
    public interface Quiet extends AutoCloseable {
        @Override
        void close();
    }

    public static Quiet quiet() {
        Level level = LIQUIBASE_LOG.getLevel();
        LIQUIBASE_LOG.setLevel(Level.OFF);
        return () -> LIQUIBASE_LOG.setLevel(level);
    }

    private final Database database;
    private final Path root;
    private final Path masterDir;
    private final String changelogFile;
    private final List<String> translated;

    private LiquibaseRunner(Connection connection, Path root, Path masterDir, String changelogFile) {
        this(connection, root, masterDir, changelogFile, List.of());
    }

    private LiquibaseRunner(Connection connection, Path root, Path masterDir, String changelogFile,
                            List<String> translated) {
        awaitWarmUp();
        try {
            this.database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        } catch (LiquibaseException e) {
            throw AutomigrateException.database("Liquibase cannot use this connection: " + message(e), e);
        }
        this.root = root;
        this.masterDir = masterDir;
        this.changelogFile = changelogFile;
        this.translated = translated;
    }

    /**
     * Liquibase's first use costs about a second of class loading and service discovery. Paying it on a spare core
     * while PostgreSQL starts takes it off the critical path: parse a one-changeset changelog against an offline
     * PostgreSQL database. Best effort; a failure here only means the first real run pays the cost.
     */
    public static synchronized void warmUpInBackground() {
        if (warmUp == null) {
            warmUp = new Thread(LiquibaseRunner::warmUp, "automigrate-liquibase-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    /** Liquibase's start-up is not made for two threads at once: a runner waits for the warm-up to finish. */
    private static void awaitWarmUp() {
        Thread thread;
        synchronized (LiquibaseRunner.class) {
            thread = warmUp;
        }
        if (thread == null) return;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread warmUp;

    private static void warmUp() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("automigrate-warm-up");
            Files.writeString(dir.resolve("warm-up.sql"), """
                    --liquibase formatted sql
                    --changeset automigrate:warm-up splitStatements:false
                    SELECT 1;
                    --rollback SELECT 1;
                    """);
            Files.writeString(dir.resolve("warm-up.xml"), masterXml(List.of("warm-up.sql")));
            Path master = dir;
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
                try (CompositeResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(master))) {
                    Database offline = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                            new liquibase.database.OfflineConnection("offline:postgresql", accessor));
                    new Liquibase("warm-up.xml", accessor, offline).getDatabaseChangeLog();
                }
            });
        } catch (Exception | LinkageError ignored) {
            // only a warm-up
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

    /**
     * Runs the files of {@code history} in order. A folder in another tool's format is translated here, in a
     * temporary folder: each migration becomes a formatted-SQL changelog of one changeset whose logicalFilePath is
     * the migration's own path, so Liquibase records it under that path while {@link VerbatimSql} runs its text as
     * written and names the original file and line when a statement fails.
     */
    public static LiquibaseRunner forHistory(Connection connection, MigrationHistory history) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("automigrate-changelog");
            List<String> includes = new ArrayList<>();
            List<String> translated = new ArrayList<>();
            if (history.format() == MigrationFormat.LIQUIBASE) {
                includes.addAll(history.files().stream().map(history::pathOf).toList());
            } else {
                for (int n = 1; n <= history.files().size(); n++) {
                    // Names of their own: Liquibase caches parsed changelogs by path for the life of the JVM.
                    String name = "automigrate-" + dir.getFileName() + "-" + n + ".sql";
                    Translation t = translate(history, history.files().get(n - 1), history.migrations().get(n - 1));
                    Files.writeString(dir.resolve(name), t.text());
                    VerbatimSql.ORIGINS.put(name, t.origin());
                    translated.add(name);
                    includes.add(name);
                }
            }
            String master = "automigrate-" + dir.getFileName() + ".xml";
            Files.writeString(dir.resolve(master), masterXml(includes));
            return new LiquibaseRunner(connection, history.root(), dir, master, translated);
        } catch (IOException e) {
            TempFolders.deleteQuietly(dir);
            throw AutomigrateException.badInput("cannot write a temporary changelog: " + e.getMessage());
        }
    }

    private record Translation(String text, VerbatimSql.Origin origin) {
    }

    /** Lines Liquibase's formatted-SQL parser would read as its own directives; commented once more to stay SQL. */
    private static final java.util.regex.Pattern DIRECTIVE = java.util.regex.Pattern.compile(
            "(?i)^(--\\s*(liquibase|changeset|rollback|comment|precondition|preconditions|property|include|includeAll"
                    + "|ignoreLines|validCheckSum|labels|context)\\b.*|/\\*\\s*liquibase\\b.*)$");
    private static final int TRANSLATED_SQL_LINE = 4;

    /** One migration of another tool's folder as a formatted-SQL changelog (see {@link #forHistory}). */
    private static Translation translate(MigrationHistory history, MigrationFile file, MigrationFormat.Migration m) {
        Changeset c = file.changesets().get(0);
        String path = history.pathOf(file);
        if (path.matches(".*\\s.*")) {
            throw AutomigrateException.badInput(path + ": a migration path with a space cannot be recorded by "
                    + "Liquibase: rename it");
        }
        StringBuilder out = new StringBuilder(FormattedSql.HEADER).append('\n');
        out.append("--changeset ").append(c.author()).append(':').append(c.id())
                .append(" logicalFilePath:").append(path)
                .append(" splitStatements:false rollbackSplitStatements:false")
                .append(c.runInTransaction() ? "" : " runInTransaction:false")
                .append(history.format().runsOnChange(file.fileName()) ? " runOnChange:true" : "").append('\n');
        out.append("--comment: ").append(history.format().id()).append(" migration ").append(path).append("\n");
        // The SQL starts on TRANSLATED_SQL_LINE: VerbatimSql maps its lines back to the file's.
        String sql = c.sql().isBlank() ? "-- (empty)" : c.sql();
        for (String line : sql.split("\r?\n", -1)) {
            out.append(DIRECTIVE.matcher(line.strip()).matches() ? "-- " + line : line).append('\n');
        }
        if (c.rollback() != null) {
            for (String line : c.rollback().split("\r?\n", -1)) out.append("--rollback ").append(line).append('\n');
        }
        String dir = history.directory().replaceAll("/+$", "") + "/";
        return new Translation(out.toString(), new VerbatimSql.Origin(path, m.line() - TRANSLATED_SQL_LINE,
                dir + m.rollbackPath(), m.rollbackLine()));
    }

    /** Runs an existing master changelog (XML, YAML, JSON or SQL), relative to {@code root}. */
    public static LiquibaseRunner forChangelog(Connection connection, Path root, String changelog) {
        if (!Files.isRegularFile(root.resolve(changelog))) {
            throw AutomigrateException.badInput(changelog + ": changelog not found: check 'changelog' in automigrate.yml");
        }
        return new LiquibaseRunner(connection, root, null, changelog);
    }

    /** Applies every pending changeset. */
    public void update() {
        run(liquibase -> liquibase.update(new Contexts(), new LabelExpression()));
    }

    /** Records every pending changeset as applied without running it (baselining an existing database). */
    public void markAllApplied() {
        run(liquibase -> liquibase.changeLogSync(new Contexts(), new LabelExpression()));
    }

    /** Applies the next {@code count} pending changesets, in changelog order. */
    public void update(int count) {
        run(liquibase -> liquibase.update(count, new Contexts(), new LabelExpression()));
    }

    /**
     * The checksum of every changeset of the changelog, as {@code path::id::author} → the text Liquibase stores in
     * DATABASECHANGELOG.MD5SUM, computed in checksum {@code version} (the prefix of a stored checksum, e.g. 9).
     */
    public Map<String, String> checksums(int version) {
        liquibase.ChecksumVersion checksumVersion = liquibase.ChecksumVersion.enumFromChecksumVersion(version);
        return call(liquibase -> {
            Map<String, String> sums = new java.util.LinkedHashMap<>();
            for (ChangeSet c : liquibase.getDatabaseChangeLog().getChangeSets()) {
                sums.put(key(c), c.generateCheckSum(checksumVersion).toString());
            }
            return sums;
        });
    }

    /** Undoes the last {@code count} applied changesets with their rollback SQL. */
    public void rollback(int count) {
        run(liquibase -> liquibase.rollback(count, null, new Contexts(), new LabelExpression()));
    }

    /** Changesets of the changelog not yet applied, in order, as {@code path::id::author}. */
    public List<String> pending() {
        return call(liquibase -> liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                .map(LiquibaseRunner::key).toList());
    }

    /** Changesets recorded in DATABASECHANGELOG, in the order they ran, as {@code path::id::author}. */
    public List<String> applied() {
        return call(liquibase -> liquibase.getDatabase().getRanChangeSetList().stream()
                .map(LiquibaseRunner::key).toList());
    }

    private static String key(ChangeSet c) {
        return c.getFilePath() + "::" + c.getId() + "::" + c.getAuthor();
    }

    private interface Work<T> {
        T apply(Liquibase liquibase) throws Exception;
    }

    private interface Action {
        void apply(Liquibase liquibase) throws Exception;
    }

    private void run(Action action) {
        call(liquibase -> {
            action.apply(liquibase);
            return null;
        });
    }

    private <T> T call(Work<T> work) {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        // A failure is reported once, by automigrate, without Liquibase's SEVERE log and stack trace.
        try (Quiet quiet = quiet()) {
            return Scope.child(scope, () -> {
                try (CompositeResourceAccessor accessor = accessor()) {
                    Liquibase liquibase = new Liquibase(changelogFile, accessor, database);
                    // automigrate reports what ran itself; Liquibase's summary would go to stdout.
                    liquibase.setShowSummary(UpdateSummaryEnum.OFF);
                    liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                    return work.apply(liquibase);
                }
            });
        } catch (AutomigrateException e) {
            throw e;
        } catch (Exception e) {
            throw translate(e);
        }
    }

    private CompositeResourceAccessor accessor() throws IOException {
        CompositeResourceAccessor accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(root));
        if (masterDir != null) {
            accessor.addResourceAccessor(new DirectoryResourceAccessor(masterDir));
        }
        return accessor;
    }

    /** Liquibase nests the cause deep; the user needs the changeset and PostgreSQL's message. */
    private static AutomigrateException translate(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VerbatimSql.StatementFailure failure) return failure;
        }
        Throwable sql = e;
        while (sql != null && !(sql instanceof java.sql.SQLException)) sql = sql.getCause();
        String text = message(e);
        // 08: connection exceptions; 57P01-57P03: the server shut down or terminated this backend.
        if (sql instanceof java.sql.SQLException s && s.getSQLState() != null
                && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
            return AutomigrateException.database("connection lost while migrating: " + text, e);
        }
        if (text.contains("Validation Failed") || text.contains("checksum")) {
            return AutomigrateException.checkFailed(text);
        }
        return AutomigrateException.checkFailed("migration failed: " + text);
    }

    static String message(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !out.toString().contains(m.strip())) {
                if (out.length() > 0) out.append(": ");
                out.append(m.strip());
            }
        }
        return Secrets.redact(out.toString().replaceAll("\\s+", " "));
    }

    /** A master changelog that includes {@code paths} in order. */
    private static String masterXml(List<String> paths) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                """);
        for (String path : paths) {
            xml.append("  <include file=\"").append(xmlEscape(path)).append("\"/>\n");
        }
        return xml.append("</databaseChangeLog>\n").toString();
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        // Liquibase caches an executor, a lock service and the ran-changeset list per database, keyed by URL: a
        // later runner on a new connection to the same database would otherwise reuse the stale ones and commit
        // nothing. Reset them, then let Liquibase close its connection.
        try {
            liquibase.lockservice.LockServiceFactory.getInstance().getLockService(database).reset();
            liquibase.changelog.ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database).reset();
            Scope.getCurrentScope().getSingleton(liquibase.executor.ExecutorService.class).clearExecutor("jdbc", database);
            database.close();
        } catch (liquibase.exception.DatabaseException | RuntimeException ignored) {
            // closing: the connection may already be gone
        }
        TempFolders.deleteQuietly(masterDir);
        translated.forEach(VerbatimSql.ORIGINS::remove);
    }

    private static String key(RanChangeSet r) {
        return r.getChangeLog() + "::" + r.getId() + "::" + r.getAuthor();
    }
}
