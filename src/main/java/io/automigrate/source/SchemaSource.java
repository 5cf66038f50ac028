package io.automigrate.source;

import io.automigrate.AutomigrateException;
import io.automigrate.db.DatabaseUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Where a schema comes from: nothing, SQL files, or a live database. */
public sealed interface SchemaSource {

    /** An empty database. */
    record Empty() implements SchemaSource {
        @Override
        public String describe() {
            return "empty";
        }
    }

    /** A {@code .sql} file or a directory of them; {@code given} is the path as the user wrote it. */
    record SqlFiles(String given, Path path, boolean directory) implements SchemaSource {
        @Override
        public String describe() {
            return given;
        }

        /**
         * The files to load, in order: the file itself, or every {@code .sql} file under the directory in lexical
         * order of its relative path (sub-folders included).
         */
        public List<SqlFile> sqlFiles() {
            if (!directory) {
                return List.of(new SqlFile(given, path));
            }
            String prefix = given.endsWith("/") ? given : given + "/";
            try (Stream<Path> walk = Files.walk(path)) {
                return walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".sql"))
                        .map(p -> relative(path, p))
                        .sorted(Comparator.naturalOrder())
                        .map(rel -> new SqlFile(prefix + rel, path.resolve(rel)))
                        .toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw AutomigrateException.badInput("cannot read directory " + given + ": " + e.getMessage());
            }
        }

        /**
         * A note naming the files of the directory that are not loaded (not ending in lower-case {@code .sql}:
         * {@code UPPER.SQL}, {@code notes.txt}); null when there are none. Hidden files ({@code .gitkeep}) are not
         * named.
         */
        public String skippedNote() {
            if (!directory) return null;
            List<String> skipped;
            try (Stream<Path> walk = Files.walk(path)) {
                skipped = walk.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".sql")
                                && !p.getFileName().toString().startsWith("."))
                        .map(p -> relative(path, p)).sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                return null;
            }
            if (skipped.isEmpty()) return null;
            String shown = skipped.size() <= 5 ? String.join(", ", skipped)
                    : String.join(", ", skipped.subList(0, 5)) + " and " + (skipped.size() - 5) + " more";
            return given.replaceAll("/+$", "") + ": " + skipped.size() + " file(s) not loaded, as only files ending in "
                    + ".sql (lower case) are: " + shown + "; rename a file to end in .sql to load it";
        }

        private static String relative(Path root, Path file) {
            return root.relativize(file).toString().replace('\\', '/');
        }
    }

    /** A live database, only ever read. */
    record Database(DatabaseUrl url) implements SchemaSource {
        @Override
        public String describe() {
            return url.display();
        }
    }

    /** How the source is shown in messages: never with a password. */
    String describe();

    /**
     * Reads a source as written on the command line: {@code empty}, a {@code .sql} file, a directory, or a
     * {@code postgresql://} / {@code postgres://} URL.
     */
    static SchemaSource parse(String text) {
        String given = text == null ? "" : text.strip();
        if (given.equals("empty")) {
            return new Empty();
        }
        if (DatabaseUrl.looksLikeUrl(given)) {
            return new Database(DatabaseUrl.parse(given));
        }
        if (!given.isEmpty()) {
            Path path = Path.of(given);
            if (Files.isDirectory(path)) {
                SqlFiles directory = new SqlFiles(given, path, true);
                if (directory.sqlFiles().isEmpty()) {
                    throw AutomigrateException.badInput("cannot read source '" + given
                            + "': the directory holds no .sql files");
                }
                return directory;
            }
            if (given.endsWith(".sql")) {
                if (!Files.exists(path)) {
                    throw AutomigrateException.badInput("cannot read source '" + given + "': file not found");
                }
                return new SqlFiles(given, path, false);
            }
        }
        throw AutomigrateException.badInput("cannot read source '" + io.automigrate.Secrets.redact(given)
                + "': expected empty, a .sql file, a directory of .sql files or a postgresql:// URL");
    }
}
