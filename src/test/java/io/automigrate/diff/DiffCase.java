package io.automigrate.diff;

import io.automigrate.catalog.QualifiedName;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One directory of {@code src/test/resources/diff-cases}: {@code from.sql} and {@code to.sql}, optionally
 * {@code options.properties} ({@code withPrivileges=true}; {@code noChanges=true} when the two files describe the
 * same schema and the migration must be empty), {@code expect-notes.txt} (lines that must appear in
 * the diff's notes), {@code expect-contains.sql} (lines that must appear in the forward SQL) and
 * {@code expect-absent.sql} (lines that must not). Expectations match case-insensitively with runs of
 * whitespace collapsed; blank lines and lines starting with {@code #} are ignored.
 */
record DiffCase(String name, Path directory, String fromSql, String toSql, DiffOptions options, boolean noChanges,
                List<String> expectedNotes, List<String> expectedInForward, List<String> absentFromForward) {

    static final Path ROOT = Path.of("src/test/resources/diff-cases");

    /** Every case, sorted by directory name. */
    static List<DiffCase> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().map(DiffCase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DiffCase read(Path dir) {
        String to = text(dir.resolve("to.sql"));
        Properties props = new Properties();
        Path optionsFile = dir.resolve("options.properties");
        if (Files.exists(optionsFile)) {
            try (Reader r = Files.newBufferedReader(optionsFile)) {
                props.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean withPrivileges = Boolean.parseBoolean(props.getProperty("withPrivileges", "false"));
        RenameHints hints = HintParser.parse(to, ROOT.relativize(dir.resolve("to.sql")).toString());
        return new DiffCase(dir.getFileName().toString(), dir, text(dir.resolve("from.sql")), to,
                new DiffOptions(withPrivileges, hints), Boolean.parseBoolean(props.getProperty("noChanges", "false")),
                lines(dir.resolve("expect-notes.txt")),
                lines(dir.resolve("expect-contains.sql")), lines(dir.resolve("expect-absent.sql")));
    }

    /** Lower case with whitespace runs collapsed: the form expectations are matched in. */
    static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).strip();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("case file missing: " + file, e);
        }
    }

    private static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        return text(file).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /**
     * TEMPORARY: a minimal reader of {@code -- automigrate:renamed-from old} comments, to be replaced by
     * {@code io.automigrate.source.RenameHintParser} once the cli branch lands in main. It understands the hint
     * on a {@code CREATE TABLE} line (table rename) and on a column line inside one (column rename).
     */
    static final class HintParser {
        private static final Pattern HINT = Pattern.compile("--\\s*automigrate:renamed-from\\s+(\\S+)");
        private static final Pattern CREATE_TABLE = Pattern.compile(
                "(?i)^\\s*create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)");
        private static final Pattern FIRST_IDENT = Pattern.compile("^\\s*(\"[^\"]+\"|[\\w$]+)");

        private HintParser() {
        }

        static RenameHints parse(String sql, String file) {
            List<RenameHints.TableRename> tables = new ArrayList<>();
            List<RenameHints.ColumnRename> columns = new ArrayList<>();
            QualifiedName currentTable = null;
            String[] lines = sql.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                Matcher create = CREATE_TABLE.matcher(line);
                if (create.find()) {
                    currentTable = qualified(create.group(1));
                }
                Matcher hint = HINT.matcher(line);
                if (!hint.find()) {
                    continue;
                }
                String old = unquote(last(hint.group(1)));
                if (create.find(0)) {
                    tables.add(new RenameHints.TableRename(currentTable, old, file, i + 1));
                } else {
                    Matcher column = FIRST_IDENT.matcher(line);
                    if (currentTable == null || !column.find()) {
                        throw new IllegalArgumentException(file + ":" + (i + 1) + ": hint outside a CREATE TABLE");
                    }
                    columns.add(new RenameHints.ColumnRename(currentTable, unquote(column.group(1)), old, file, i + 1));
                }
            }
            return new RenameHints(tables, columns);
        }

        private static QualifiedName qualified(String text) {
            int dot = text.lastIndexOf('.');
            return dot < 0 ? new QualifiedName("public", unquote(text))
                    : new QualifiedName(unquote(text.substring(0, dot)), unquote(text.substring(dot + 1)));
        }

        private static String last(String text) {
            return text.substring(text.lastIndexOf('.') + 1);
        }

        private static String unquote(String ident) {
            return ident.startsWith("\"") ? ident.substring(1, ident.length() - 1) : ident.toLowerCase(Locale.ROOT);
        }
    }
}
