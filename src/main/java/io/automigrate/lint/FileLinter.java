package io.automigrate.lint;

import io.automigrate.AutomigrateException;
import io.automigrate.TextFiles;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Table;
import io.automigrate.config.Config;
import io.automigrate.db.Connections;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.TableChanges;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.RenameHints;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.state.StateReader;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.source.StatementShapes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints hand-written migration files, which have no typed diff: each file is applied, changeset by changeset, to a
 * throwaway database holding the history before it; the catalogs before and after each changeset are diffed and the
 * same rules as for a generated migration run on the changes, with the file's own statements as their SQL. Statement
 * rules run on the file's text.
 */
public final class FileLinter {
    private FileLinter() {
    }

    /** The findings of every file, and notes (such as history that could not be replayed). */
    public record Result(List<Finding> findings, List<String> notes) {
        public Result {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    /** {@code files} are paths as the user gave them, relative to {@code root} unless absolute. */
    public static Result lint(Path root, Config config, List<String> files, ShadowServer server) {
        MigrationHistory history = MigrationHistory.read(root, config.migrations(), config.migrationFormat(), true);
        List<ParsedFile> parsed = files.stream().map(f -> parse(root, history, f)).toList();
        InspectOptions options = new InspectOptions(config.schemas(), config.excludeSchemas());
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (config.changelog() != null) {
            notes.add("a master changelog is configured: the files are linted on an empty database, so rules about "
                    + "existing tables cannot see them");
        }
        for (ParsedFile file : parsed) {
            try (ShadowDatabase db = server.createDatabase("lint")) {
                if (config.changelog() == null) replayBefore(db, history, file);
                try (Connection connection = db.connect()) {
                    findings.addAll(lint(connection, options, file.migration(), file.shown(), file.text()));
                } catch (SQLException e) {
                    throw AutomigrateException.database("throwaway database " + db.name() + ": "
                            + Connections.describe(e), e);
                }
            }
        }
        return new Result(findings, notes);
    }

    private record ParsedFile(String shown, String text, MigrationFile migration) {
    }

    /**
     * The files to lint, as the user gave them: a folder stands for every {@code .sql} file directly in it, in name
     * order (the order they apply in); a folder without one is an error (exit 2).
     */
    public static List<String> migrationFiles(Path root, List<String> given) {
        return migrationFiles(root, Config.defaults(), given);
    }

    /**
     * As above; the configured folder, when in another tool's format, stands for its migrations (the forward files:
     * a {@code .down.sql} or Flyway undo file is linted as part of its migration's rollback, not on its own).
     */
    public static List<String> migrationFiles(Path root, Config config, List<String> given) {
        List<String> files = new ArrayList<>();
        for (String g : given) {
            Path path = root.resolve(g);
            if (!Files.isDirectory(path)) {
                files.add(g);
                continue;
            }
            if (config.migrationFormat() != io.automigrate.migrate.MigrationFormat.LIQUIBASE
                    && path.normalize().equals(root.resolve(config.migrations()).normalize())) {
                MigrationHistory history = MigrationHistory.read(root, config.migrations(), config.migrationFormat(),
                        false);
                if (history.files().isEmpty()) {
                    throw AutomigrateException.badInput(g + ": the folder holds no migration: give a migration file "
                            + "or a folder of them");
                }
                history.files().forEach(f -> files.add(history.pathOf(f)));
                continue;
            }
            List<String> names;
            try (java.util.stream.Stream<Path> list = Files.list(path)) {
                names = list.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
                        .map(p -> p.getFileName().toString()).sorted().toList();
            } catch (java.io.IOException e) {
                throw AutomigrateException.badInput(g + ": cannot list the folder: " + e.getMessage());
            }
            if (names.isEmpty()) {
                throw AutomigrateException.badInput(g + ": the folder holds no .sql migration file: give a migration "
                        + "file or a folder of them");
            }
            String prefix = g.endsWith("/") ? g : g + "/";
            names.forEach(n -> files.add(prefix + n));
        }
        return files;
    }

    private static ParsedFile parse(Path root, MigrationHistory history, String given) {
        Path path = root.resolve(given);
        if (!Files.isRegularFile(path)) {
            throw AutomigrateException.badInput(given + ": no such file: give the path of a migration file or of a "
                    + "folder of them");
        }
        String text = TextFiles.readUtf8(path, given);
        if (history.format() != io.automigrate.migrate.MigrationFormat.LIQUIBASE) {
            // A file of another tool's folder is linted as the changeset the history reads from it.
            for (MigrationFile f : history.files()) {
                if (root.resolve(history.pathOf(f)).normalize().equals(path.normalize())) {
                    return new ParsedFile(given, text, f);
                }
            }
            throw AutomigrateException.badInput(given + ": not a migration of " + history.directory() + " ("
                    + history.format().id() + " format, " + history.format().describe() + "): give one of its "
                    + "migration files, or the folder");
        }
        return new ParsedFile(given, text, FormattedSql.read(path.getFileName().toString(), given, text));
    }

    /** Replays the history files whose names sort before this one (the file itself excluded). */
    private static void replayBefore(ShadowDatabase db, MigrationHistory history, ParsedFile file) {
        int index = history.files().indexOf(file.migration());
        List<MigrationFile> earlier = history.format() != io.automigrate.migrate.MigrationFormat.LIQUIBASE
                ? history.files().subList(0, Math.max(0, index))
                : history.files().stream().filter(f -> f.fileName().compareTo(file.migration().fileName()) < 0).toList();
        if (earlier.isEmpty()) return;
        MigrationHistory before = history.withFiles(earlier, "");
        try (Connection connection = db.connect(); LiquibaseRunner runner = LiquibaseRunner.forHistory(connection, before)) {
            runner.update();
        } catch (SQLException | AutomigrateException e) {
            throw AutomigrateException.checkFailed("the migrations before " + file.shown() + " do not replay on an empty "
                    + "database: " + e.getMessage());
        }
    }

    /**
     * Lints {@code file} on a database that holds the history before it: applies each changeset, diffs, and runs
     * every rule. Inline allowances of each changeset suppress its findings.
     */
    public static List<Finding> lint(Connection connection, InspectOptions options, MigrationFile file, String shown,
                                     String text) throws SQLException {
        Catalog baseline = StateReader.inspect(connection, options);
        Catalog before = baseline;
        List<Finding> findings = new ArrayList<>();
        for (Changeset changeset : file.changesets()) {
            List<StatementShapes.Shape> shapes = StatementShapes.of(changeset.sql(), firstLine(changeset, text), shown);
            apply(connection, changeset, shapes, shown);
            Catalog after = StateReader.inspect(connection, options);
            SchemaDiff diff = SchemaDiffer.diff(before, after, options(renames(shapes, before, shown)));
            List<LintSubject.ChangeSql> changes = withoutCarriedAlong(diff.changes()).stream()
                    .map(c -> new LintSubject.ChangeSql(c, statementsOf(c, shapes))).toList();
            List<Finding> found = new ArrayList<>(Linter.changes(new LintSubject(baseline, before, after, changes,
                    diff.notes())));
            found.addAll(StatementRules.check(List.of(new StatementRules.ChangesetSql(
                    changeset.author() + ":" + changeset.id(), changeset.runInTransaction(), shapes))));
            found = found.stream().map(f -> f.at(shown, lineOf(f, shapes, changeset))).toList();
            findings.addAll(LintPolicy.allowInline(found, FormattedSql.allowances(changeset.sql())));
            before = after;
        }
        return findings;
    }

    /** The line of a finding's statement, else of the changeset. */
    private static int lineOf(Finding finding, List<StatementShapes.Shape> shapes, Changeset changeset) {
        if (finding.line() > 0) return finding.line();
        return shapes.stream().filter(s -> s.sql().equals(finding.statement())).mapToInt(StatementShapes.Shape::line)
                .findFirst().orElse(changeset.line());
    }

    /** The line where a changeset's SQL starts in the file: found in the text, else right after its header. */
    private static int firstLine(Changeset changeset, String text) {
        String normalized = text.replace("\r\n", "\n");
        int header = lineOffset(normalized, changeset.line());
        int at = normalized.indexOf(changeset.sql(), header);
        if (at < 0) return changeset.line() + 1 + (changeset.comment() == null ? 0 : 1);
        int line = 1;
        for (int i = 0; i < at; i++) if (normalized.charAt(i) == '\n') line++;
        return line;
    }

    private static int lineOffset(String text, int line) {
        int offset = 0;
        for (int i = 1; i < line && offset >= 0; i++) offset = text.indexOf('\n', offset) + 1;
        return Math.max(0, offset);
    }

    /**
     * Runs a changeset statement by statement, so a failure names its line; in one transaction unless it says not, or
     * holds a statement that cannot run in one (reported as AM502; running it alone lets the lint go on).
     */
    private static void apply(Connection connection, Changeset changeset, List<StatementShapes.Shape> shapes,
                              String shown) throws SQLException {
        boolean transaction = changeset.runInTransaction() && shapes.stream().noneMatch(StatementShapes.Shape::refusesTransactionBlock);
        connection.setAutoCommit(!transaction);
        try (Statement st = connection.createStatement()) {
            for (StatementShapes.Shape shape : shapes) {
                try {
                    st.execute(shape.sql());
                } catch (SQLException e) {
                    if (!connection.getAutoCommit()) connection.rollback();
                    throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, shape.line(), 0),
                            "changeset "
                            + changeset.author() + ":" + changeset.id() + " fails on the history before it: "
                            + Connections.describe(e));
                }
            }
            if (!connection.getAutoCommit()) connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * The changes a file makes, less the foreign keys a rename carried along: {@code ALTER TABLE users RENAME TO
     * people} (or a rename of a referenced column) changes how PostgreSQL prints every key that references the table,
     * so the catalogs show each such key dropped and added again; no statement of the file added a key, and no row is
     * checked again, so neither half is a change to lint.
     */
    static List<Change> withoutCarriedAlong(List<Change> changes) {
        Map<QualifiedName, QualifiedName> renamedTo = new HashMap<>();
        Set<QualifiedName> columnsRenamed = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof TableChanges.RenameTable r) renamedTo.put(r.from(), r.to());
            if (c instanceof TableChanges.RenameColumn r) columnsRenamed.add(r.table());
        }
        if (renamedTo.isEmpty() && columnsRenamed.isEmpty()) return changes;
        Map<ObjectRef, TableChanges.DropConstraint> dropped = new HashMap<>();
        for (Change c : changes) {
            if (c instanceof TableChanges.DropConstraint e) dropped.put(e.target(), e);
        }
        Set<Change> carried = new HashSet<>();
        for (Change c : changes) {
            if (!(c instanceof TableChanges.CreateConstraint added)) continue;
            TableChanges.DropConstraint drop = dropped.get(added.target());
            if (drop != null && carriedAlong(drop.constraint(), added.constraint(), renamedTo, columnsRenamed)) {
                carried.add(drop);
                carried.add(added);
            }
        }
        return changes.stream().filter(c -> !carried.contains(c)).toList();
    }

    private static boolean carriedAlong(Constraint before, Constraint after, Map<QualifiedName, QualifiedName> renamedTo,
                                        Set<QualifiedName> columnsRenamed) {
        if (before.kind() != ConstraintKind.FOREIGN_KEY || after.kind() != ConstraintKind.FOREIGN_KEY
                || before.validated() != after.validated() || !before.columns().equals(after.columns())
                || before.referencedTable() == null || after.referencedTable() == null) {
            return false;
        }
        QualifiedName referenced = renamedTo.getOrDefault(before.referencedTable(), before.referencedTable());
        if (!referenced.equals(after.referencedTable())) return false;
        boolean explained = renamedTo.containsKey(before.referencedTable()) || columnsRenamed.contains(referenced);
        return explained && withoutReference(before.definition()).equals(withoutReference(after.definition()));
    }

    /** A foreign key's definition without its {@code REFERENCES table(columns)} part: what a rename cannot change. */
    private static String withoutReference(String definition) {
        return definition.replaceFirst("REFERENCES .*?\\([^)]*\\)", "REFERENCES");
    }

    /**
     * The statements of a changeset that make {@code change}: those naming its object (a column, constraint or index
     * name), else those naming its table; among them, those with the change's keyword (TYPE, NOT NULL, DROP, ...) when
     * any has it. Matching by name is enough here: the change itself came from the catalogs.
     */
    static List<StatementShapes.Shape> statementsOf(Change change, List<StatementShapes.Shape> shapes) {
        ObjectRef target = change.target();
        String own = target.member().isEmpty() ? target.name() : target.member();
        List<StatementShapes.Shape> naming = shapes.stream().filter(s -> s.names().contains(own)).toList();
        if (naming.isEmpty()) naming = shapes.stream().filter(s -> s.names().contains(target.name())).toList();
        String keyword = keyword(change);
        List<StatementShapes.Shape> doing = naming.stream().filter(s -> s.has(keyword)).toList();
        return doing.isEmpty() ? naming : doing;
    }

    private static String keyword(Change change) {
        if (change instanceof TableChanges.AlterColumnNotNull) return "NOT NULL";
        if (change instanceof TableChanges.AlterColumnType) return "TYPE";
        if (change instanceof TableChanges.AlterColumnDefault) return "DEFAULT";
        if (change instanceof TableChanges.RenameColumn || change instanceof TableChanges.RenameTable) return "RENAME";
        if (change instanceof TableChanges.AlterConstraintValidation) return "VALIDATE";
        if (change.action() == ChangeAction.DROP) return "DROP";
        if (change.action() == ChangeAction.ALTER) return "ALTER";
        ObjectKind kind = change.target().kind();
        return kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT ? "ADD" : "CREATE";
    }

    /**
     * How a migration file's effect is diffed: with the renames it spells out, and with column order rewritten, since
     * what the file left is a fact: a table it left in another column order than ALTERs could was re-created (AM413).
     */
    static DiffOptions options(RenameHints renames) {
        return new DiffOptions(false, renames, true);
    }

    /**
     * The renames a changeset spells out ({@code ALTER TABLE t RENAME TO u}, {@code ALTER TABLE t RENAME [COLUMN] a TO
     * b}), as hints for the diff: without them a rename would look like a drop and an add.
     */
    static RenameHints renames(List<StatementShapes.Shape> shapes, Catalog before, String shown) {
        List<RenameHints.TableRename> tables = new ArrayList<>();
        List<RenameHints.ColumnRename> columns = new ArrayList<>();
        for (StatementShapes.Shape shape : shapes) {
            List<String> w = shape.words();
            if (w.size() < 6 || !w.get(0).equals("alter") || !w.get(1).equals("table")) continue;
            int i = 2;
            while (i < w.size() && List.of("if", "exists", "only").contains(w.get(i))) i++;
            String schema = null;
            String name = w.get(i++);
            if (i + 1 < w.size() && w.get(i).equals(".")) {
                schema = name;
                name = w.get(i + 1);
                i += 2;
            }
            if (i < w.size() && w.get(i).equals("*")) i++;
            if (i + 2 >= w.size() || !w.get(i).equals("rename")) continue;
            QualifiedName table = new QualifiedName(schema != null ? schema : schemaOf(before, name), name);
            if (w.get(i + 1).equals("to")) {
                tables.add(new RenameHints.TableRename(new QualifiedName(table.schema(), w.get(i + 2)), name, shown,
                        shape.line()));
                continue;
            }
            int column = w.get(i + 1).equals("column") ? i + 2 : i + 1;
            if (column + 2 < w.size() && w.get(column + 1).equals("to") && !w.get(i + 1).equals("constraint")) {
                columns.add(new RenameHints.ColumnRename(table, w.get(column + 2), w.get(column), shown, shape.line()));
            }
        }
        return new RenameHints(tables, columns);
    }

    /** The schema of an unqualified table name: public when it is there, else the first schema that has it. */
    private static String schemaOf(Catalog catalog, String table) {
        if (catalog.table(new QualifiedName("public", table)).isPresent()) return "public";
        return catalog.tables().stream().filter(t -> t.name().equals(table)).map(Table::schema).findFirst()
                .orElse("public");
    }
}
