package io.automigrate.state;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;
import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.config.SchemaSource;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.diff.KeptObjects;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.source.SqlFile;
import io.automigrate.source.prisma.PrismaMapping;
import io.automigrate.source.prisma.PrismaSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a schema state comes from: nothing, schema files, a migration history, or a live database.
 * {@link StateReader} turns each into a {@code Catalog}; it is the only road from a source to a catalog.
 */
public sealed interface SchemaState {

    /** An empty database. */
    record Empty() implements SchemaState {
        @Override
        public String describe() {
            return "empty";
        }
    }

    /**
     * Schema files loaded in order; {@code given} is the file or directory as the user wrote it; {@code skipped} a
     * note naming the directory's files that are not loaded, or null; {@code kept} what the schema's language leaves
     * alone (a Prisma schema: functions, triggers, views...), or null when it says everything (SQL).
     */
    record Files(String given, List<SqlFile> files, String skipped, KeptObjects.Scope kept) implements SchemaState {
        public Files {
            files = List.copyOf(files);
        }

        public Files(String given, List<SqlFile> files) {
            this(given, files, null, null);
        }

        public Files(String given, List<SqlFile> files, String skipped) {
            this(given, files, skipped, null);
        }

        /**
         * A diff from {@code current} to this schema without the drops of what its language cannot express, listed
         * in a note instead (see {@link KeptObjects}). Every diff towards a desired schema goes through here.
         */
        public SchemaDiff keep(SchemaDiff diff, Catalog current) {
            return KeptObjects.keep(diff, current, kept);
        }

        /** This schema with every object it does not express dropped (keep-unmodelled: false). */
        public Files keepingNothing() {
            return new Files(given, files, skipped, null);
        }

        @Override
        public String describe() {
            return given;
        }
    }

    /**
     * A migration history replayed from empty with Liquibase. {@code changelog}: a master changelog relative to
     * the history's root, run instead of the history's files, or null.
     */
    record History(MigrationHistory history, String changelog) implements SchemaState {
        @Override
        public String describe() {
            return changelog != null ? changelog : history.directory();
        }
    }

    /** A live database, only ever read; Liquibase's and automigrate's own tables are never part of its schema. */
    record Live(DatabaseUrl url) implements SchemaState {
        @Override
        public String describe() {
            return url.display();
        }
    }

    /** How the source is shown in messages: never with a password. */
    String describe();

    /**
     * The project's desired schema ({@code schema} of automigrate.yml): its files, or the output of its command;
     * checked before any database starts.
     */
    static Files schema(Path root, Config config) {
        SchemaSource source = config.schemaSource();
        Files files = source.isCommand() ? SchemaCommand.run(root, source) : schema(root, source.path());
        return source.keepUnmodelled() ? files : files.keepingNothing();
    }

    /** Schema files at {@code schema} (relative to {@code root}), checked: present, holding a statement. */
    static Files schema(Path root, String schema) {
        Path path = root.resolve(schema);
        if (!java.nio.file.Files.exists(path)) {
            throw AutomigrateException.badInput(schema + ": schema not found: create it, or set 'schema' in "
                    + Config.FILE_NAME + " to your schema file or directory");
        }
        if (PrismaSchema.isPrisma(path)) {
            return prisma(path, schema);
        }
        List<SqlFile> files = sqlFiles(schema, path);
        if (files.stream().map(SqlFile::read).allMatch(SchemaState::holdsNoStatement)) {
            throw AutomigrateException.badInput(schema + ": the schema is empty: a plan would drop every table. "
                    + "Write the CREATE statements of your schema there (automigrate init writes them from a database)");
        }
        return new Files(schema, files, skippedNote(schema, path));
    }

    /**
     * Reads a source as written on the command line: {@code empty}, a {@code .sql} file, a directory, or a
     * {@code postgresql://} / {@code postgres://} URL.
     */
    static SchemaState parse(String text) {
        String given = text == null ? "" : text.strip();
        if (given.equals("empty")) {
            return new Empty();
        }
        if (DatabaseUrl.looksLikeUrl(given)) {
            return new Live(DatabaseUrl.parse(given));
        }
        if (!given.isEmpty()) {
            Path path = Path.of(given);
            if (java.nio.file.Files.exists(path) && PrismaSchema.isPrisma(path)) {
                return prisma(path, given);
            }
            if (java.nio.file.Files.isDirectory(path)) {
                List<SqlFile> files = sqlFiles(given, path);
                if (files.isEmpty()) {
                    throw AutomigrateException.badInput("cannot read source '" + given
                            + "': the directory holds no .sql files");
                }
                return new Files(given, files, skippedNote(given, path));
            }
            if (given.endsWith(".sql")) {
                if (!java.nio.file.Files.exists(path)) {
                    throw AutomigrateException.badInput("cannot read source '" + given + "': file not found");
                }
                return new Files(given, List.of(new SqlFile(given, path)));
            }
        }
        throw AutomigrateException.badInput("cannot read source '" + Secrets.redact(given)
                + "': expected empty, a .sql file, a directory of .sql files, a .prisma schema or a postgresql:// URL");
    }

    /** A Prisma schema: its mapped DDL, and what it leaves alone. */
    private static Files prisma(Path path, String given) {
        PrismaMapping.Result mapped = PrismaSchema.load(path, given);
        boolean listsExtensions = mapped.listsExtensions();
        return new Files(given, List.of(PrismaSchema.toSqlFile(mapped, given)), null,
                new KeptObjects.Scope("schema.prisma", (ref, current) -> PrismaSchema.models(ref, current,
                        listsExtensions)));
    }

    /**
     * The files to load, in order: the file itself, or every {@code .sql} file under the directory in lexical
     * order of its relative path (sub-folders included).
     */
    private static List<SqlFile> sqlFiles(String given, Path path) {
        if (!java.nio.file.Files.isDirectory(path)) {
            return List.of(new SqlFile(given, path));
        }
        String prefix = given.endsWith("/") ? given : given + "/";
        try (Stream<Path> walk = java.nio.file.Files.walk(path)) {
            return walk.filter(p -> java.nio.file.Files.isRegularFile(p) && p.toString().endsWith(".sql"))
                    .map(p -> path.relativize(p).toString().replace('\\', '/'))
                    .sorted(Comparator.naturalOrder())
                    .map(rel -> new SqlFile(prefix + rel, path.resolve(rel)))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw AutomigrateException.badInput("cannot read directory " + given + ": " + e.getMessage());
        }
    }

    /**
     * A note naming the files of a directory that are not loaded (not ending in lower-case {@code .sql}:
     * {@code UPPER.SQL}, {@code notes.txt}); null when there are none. Hidden files ({@code .gitkeep}) are not named.
     */
    private static String skippedNote(String given, Path path) {
        if (!java.nio.file.Files.isDirectory(path)) return null;
        List<String> skipped;
        try (Stream<Path> walk = java.nio.file.Files.walk(path)) {
            skipped = walk.filter(p -> java.nio.file.Files.isRegularFile(p) && !p.toString().endsWith(".sql")
                            && !p.getFileName().toString().startsWith("."))
                    .map(p -> path.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        if (skipped.isEmpty()) return null;
        String shown = skipped.size() <= 5 ? String.join(", ", skipped)
                : String.join(", ", skipped.subList(0, 5)) + " and " + (skipped.size() - 5) + " more";
        return given.replaceAll("/+$", "") + ": " + skipped.size() + " file(s) not loaded, as only files ending in "
                + ".sql (lower case) are: " + shown + "; rename a file to end in .sql to load it";
    }

    private static boolean holdsNoStatement(String text) {
        String withoutComments = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)--.*$", "");
        return withoutComments.isBlank();
    }
}
