package io.automigrate.diff;

import io.automigrate.source.RenameHintParser;
import io.automigrate.source.SqlFile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One directory of {@code src/test/resources/diff-cases}: {@code from.sql} and {@code to.sql}, optionally
 * {@code options.properties} ({@code withPrivileges=true}; {@code noChanges=true} when the two files describe the
 * same schema and the migration must be empty; {@code rewriteColumnOrder=true} re-creates misordered tables, and the
 * proof then also checks every table's column order), {@code expect-notes.txt} (lines that must appear in
 * the diff's notes), {@code expect-contains.sql} (lines that must appear in the forward SQL) and
 * {@code expect-absent.sql} (lines that must not). Expectations match case-insensitively with runs of
 * whitespace collapsed; blank lines and lines starting with {@code #} are ignored.
 */
record DiffCase(String name, Path directory, String fromSql, String toSql, DiffOptions options, boolean noChanges,
                List<String> expectedNotes, List<String> expectedInForward, List<String> absentFromForward) {

    static final Path ROOT = Path.of("src/test/resources/diff-cases");

    /**
     * The cases to run: all of them, or with {@code -Ddiff.cases=enum-,rename-table} only those whose name
     * contains one of the given parts.
     */
    static List<DiffCase> selected() {
        List<String> only = Arrays.stream(System.getProperty("diff.cases", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return all().stream().filter(c -> only.isEmpty() || only.stream().anyMatch(c.name()::contains)).toList();
    }

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
        RenameHints hints = RenameHintParser.parse(List.of(new SqlFile(dir.getFileName() + "/to.sql",
                dir.resolve("to.sql"))));
        return new DiffCase(dir.getFileName().toString(), dir, text(dir.resolve("from.sql")), to,
                new DiffOptions(withPrivileges, hints, Boolean.parseBoolean(props.getProperty("rewriteColumnOrder", "false"))),
                Boolean.parseBoolean(props.getProperty("noChanges", "false")),
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
}
