package io.automigrate.migrate;

import io.automigrate.AutomigrateException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase formatted SQL, written and read. Every transactional changeset automigrate writes carries
 * {@code splitStatements:false rollbackSplitStatements:false}: Liquibase's own splitter cuts dollar-quoted function
 * bodies at their inner semicolons, whereas the PostgreSQL driver runs a multi-statement text correctly. A
 * {@code runInTransaction:false} changeset is split (see {@link #write}).
 */
public final class FormattedSql {
    public static final String HEADER = "--liquibase formatted sql";
    private static final Pattern CHANGESET = Pattern.compile("^--\\s*changeset\\s+(\\S+?):(\\S+)(.*)$",
            Pattern.CASE_INSENSITIVE);
    /** name:value, the value possibly double-quoted (context:"a and b"). */
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\"[^\"]*\"|\\S*)|(\\S+)");
    /** The changeset attributes Liquibase 4 reads from a formatted-SQL changeset line. */
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("runInTransaction", "splitStatements",
            "rollbackSplitStatements", "stripComments", "runOnChange", "runAlways", "failOnError", "ignore");
    private static final Set<String> OTHER_ATTRIBUTES = Set.of("endDelimiter", "rollbackEndDelimiter", "context",
            "contextFilter", "labels", "dbms", "logicalFilePath", "runWith", "runWithSpoolFile");
    private static final Pattern ROLLBACK = Pattern.compile("^--\\s*rollback\\b ?(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("^--\\s*comment:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALLOW = Pattern.compile("--\\s*automigrate:allow\\s+(AM\\d{3})\\b(.*)$");

    private FormattedSql() {
    }

    public static String write(MigrationFile file) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Changeset c : file.changesets()) {
            out.append('\n').append("--changeset ").append(c.author()).append(':').append(c.id());
            // Outside a transaction, each statement must reach PostgreSQL on its own: the driver sends a multi-statement
            // text as one implicit transaction, which CREATE INDEX CONCURRENTLY refuses. automigrate puts no
            // dollar-quoted body there, so Liquibase's splitter is safe. The rollback stays whole: that of an enum
            // ADD VALUE swaps the type in several statements that must not half-apply, and that of a concurrent
            // index step is one statement. Liquibase 4 takes splitStatements from the last "splitStatements:" of the
            // line, which rollbackSplitStatements also ends with: the forward flag must come last.
            out.append(c.runInTransaction() ? " splitStatements:false rollbackSplitStatements:false\n"
                    : " runInTransaction:false rollbackSplitStatements:false splitStatements:true\n");
            if (c.comment() != null && !c.comment().isBlank()) {
                out.append("--comment: ").append(c.comment().replace('\n', ' ')).append('\n');
            }
            out.append(c.sql().strip()).append('\n');
            if (c.rollback() != null && c.rollback().isBlank()) {
                out.append("--rollback not required\n");
            } else if (c.rollback() != null) {
                for (String line : c.rollback().strip().split("\n", -1)) {
                    out.append("--rollback ").append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * Reads a formatted-SQL file. {@code shown} is the path as the user knows it; every error names it and the
     * line, and is exit 2.
     */
    public static MigrationFile read(String fileName, String shown, String text) {
        return new MigrationFile(fileName, located(shown, text).stream().map(Located::changeset).toList());
    }

    /** A changeset read from a file, with where each line of its SQL and of its rollback stands in the file. */
    public record Located(Changeset changeset, SourceText sql, SourceText rollback) {
    }

    /** The changesets of a formatted-SQL file, located (see {@link #read}). */
    public static List<Located> located(String shown, String text) {
        String[] lines = text.split("\r?\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first == lines.length || !lines[first].strip().toLowerCase(Locale.ROOT).startsWith(HEADER)) {
            throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, (first + 1), 0),
                    "not a Liquibase formatted SQL file: "
                    + "the first line must be '" + HEADER + "'");
        }
        List<Located> changesets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Builder current = null;
        for (int i = first + 1; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            Matcher changeset = CHANGESET.matcher(trimmed);
            if (changeset.matches()) {
                if (current != null) changesets.add(current.build(shown));
                String key = changeset.group(1) + ":" + changeset.group(2);
                if (!ids.add(key)) {
                    throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, (i + 1), 0),
                            "duplicate changeset id '" + key
                            + "': give each changeset of the file its own id");
                }
                current = new Builder(changeset.group(1), changeset.group(2), i + 1);
                current.runInTransaction = attributes(shown, i + 1, changeset.group(3));
                continue;
            }
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("--changeset")) {
                throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, (i + 1), 0),
                        "malformed changeset line: expected "
                        + "'--changeset author:id [attributes]'");
            }
            if (current == null) {
                if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                    throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, (i + 1), 0),
                            "SQL before the first "
                            + "'--changeset author:id' line: every statement belongs to a changeset");
                }
                continue;
            }
            Matcher rollback = ROLLBACK.matcher(trimmed);
            Matcher comment = COMMENT.matcher(trimmed);
            Matcher allow = ALLOW.matcher(line);
            if (allow.find()) {
                current.allowed.add(allow.group(1));
            }
            if (rollback.matches()) {
                int column = line.indexOf(trimmed) + rollback.start(1);
                current.rollback.add(rollback.group(1), i + 1, column);
            } else if (comment.matches() && current.sql.isEmpty() && current.comment == null) {
                current.comment = comment.group(1);
            } else {
                current.sql.add(line, i + 1, 0);
            }
        }
        if (current != null) changesets.add(current.build(shown));
        return List.copyOf(changesets);
    }

    /**
     * Checks the attributes of a changeset line; returns its runInTransaction. An attribute Liquibase does not know,
     * or a flag that is not true or false, is an error: Liquibase would ignore the one and read the other as false.
     */
    private static boolean attributes(String shown, int line, String text) {
        boolean runInTransaction = true;
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            String name = attribute.group(1);
            String value = attribute.group(2);
            if (name == null) {
                throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, line, 0),
                        "'" + attribute.group(3) + "' on the "
                        + "changeset line is not an attribute: write attributes as name:value (e.g. "
                        + "runInTransaction:false), put a description in a '--comment:' line below");
            }
            if (BOOLEAN_ATTRIBUTES.contains(name)) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, line, 0),
                            "" + name + ":" + value
                            + ": the value must be true or false");
                }
                if (name.equals("runInTransaction")) runInTransaction = value.equalsIgnoreCase("true");
            } else if (!OTHER_ATTRIBUTES.contains(name)) {
                throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, line, 0),
                        "unknown changeset attribute '" + name
                        + "': Liquibase would ignore it. Known: " + String.join(", ", new java.util.TreeSet<>(
                        java.util.stream.Stream.concat(BOOLEAN_ATTRIBUTES.stream(), OTHER_ATTRIBUTES.stream())
                                .toList())) + " (names are case-sensitive)");
            }
        }
        return runInTransaction;
    }

    /**
     * The codes allowed inline in a changeset's SQL ({@code -- automigrate:allow AM102 column unused since v2}), each
     * with the reason written after it (empty when none).
     */
    public static java.util.Map<String, String> allowances(String sql) {
        java.util.Map<String, String> allowed = new java.util.LinkedHashMap<>();
        for (String line : sql.split("\r?\n")) {
            Matcher allow = ALLOW.matcher(line);
            if (allow.find()) allowed.put(allow.group(1), allow.group(2).strip());
        }
        return allowed;
    }

    private static final class Builder {
        final String author;
        final String id;
        final int line;
        boolean runInTransaction = true;
        String comment;
        final SourceText.Lines sql = new SourceText.Lines();
        final SourceText.Lines rollback = new SourceText.Lines();
        final List<String> allowed = new ArrayList<>();

        Builder(String author, String id, int line) {
            this.author = author;
            this.id = id;
            this.line = line;
        }

        Located build(String shown) {
            SourceText text = sql.text(shown);
            if (text.text().isEmpty()) {
                throw AutomigrateException.badInputAt(new AutomigrateException.Location(shown, line, 0),
                        "changeset " + author + ":" + id
                        + " holds no SQL");
            }
            SourceText back = rollback.text(shown);
            boolean notRequired = back.text().equalsIgnoreCase("not required") || back.text().equalsIgnoreCase("empty");
            String stored = back.text().isEmpty() ? null : notRequired ? "" : back.text();
            Changeset changeset = new Changeset(author, id, runInTransaction, comment, text.text(), stored, line,
                    allowed);
            return new Located(changeset, text, stored == null || stored.isEmpty() ? null : back);
        }
    }
}
