package io.automigrate.plan;

import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.source.SqlFile;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the line of the desired schema that declares an object, so that a finding of a generated migration names a
 * line the author edited (in a report, a comment or an annotation), not one of a file not yet written. A text search,
 * not a parse: good enough to point at a line, and null when the object is not declared (a drop: the object is gone
 * from the schema).
 */
public final class SchemaLines {
    /** A file (as shown to the user) and a 1-based line. */
    public record Location(String file, int line) {
    }

    private record Text(String file, String[] lines) {
    }

    private final List<Text> files;

    public SchemaLines(List<SqlFile> schemaFiles) {
        this.files = schemaFiles.stream().map(f -> new Text(f.displayName(), f.read().split("\n", -1))).toList();
    }

    public Location find(ObjectRef target) {
        ObjectKind kind = target.kind();
        if (kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT) {
            Location table = declaration("TABLE", target.name());
            Location member = table == null ? null : memberLine(table, target.member(), kind == ObjectKind.CONSTRAINT);
            if (member != null) return member;
            Location altered = kind == ObjectKind.CONSTRAINT ? declaration("CONSTRAINT", target.member()) : null;
            return altered != null ? altered : table;
        }
        if (kind == ObjectKind.TRIGGER || kind == ObjectKind.POLICY) {
            return declaration(kind.name(), target.member());
        }
        String keyword = switch (kind) {
            case ROUTINE -> "(FUNCTION|PROCEDURE)";
            case TYPE -> "(TYPE|DOMAIN)";
            case VIEW -> "(MATERIALIZED\\s+)?VIEW";
            default -> kind.name();
        };
        return declaration(keyword, target.name());
    }

    /** The first line holding {@code KEYWORD [IF NOT EXISTS] [schema.]name}. */
    private Location declaration(String keyword, String name) {
        Pattern pattern = Pattern.compile("(?i)\\b" + keyword + "\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\S+\\.)?"
                + quotedOrPlain(name) + "(\\s|\\(|;|$)");
        for (Text text : files) {
            for (int i = 0; i < text.lines().length; i++) {
                if (pattern.matcher(text.lines()[i]).find()) return new Location(text.file(), i + 1);
            }
        }
        return null;
    }

    /** Within a CREATE TABLE that starts at {@code table}: the line that starts with the column or constraint. */
    private Location memberLine(Location table, String member, boolean constraint) {
        Pattern pattern = Pattern.compile("(?i)^\\s*" + (constraint ? "CONSTRAINT\\s+" : "") + quotedOrPlain(member)
                + "(\\s|,|$)");
        Text text = files.stream().filter(t -> t.file().equals(table.file())).findFirst().orElseThrow();
        for (int i = table.line() - 1; i < text.lines().length; i++) {
            if (pattern.matcher(text.lines()[i]).find()) return new Location(text.file(), i + 1);
            if (i >= table.line() && text.lines()[i].strip().startsWith(");")) break;
        }
        return null;
    }

    private static String quotedOrPlain(String name) {
        String quoted = Pattern.quote("\"" + name.replace("\"", "\"\"") + "\"");
        return name.equals(name.toLowerCase(Locale.ROOT)) ? "(" + quoted + "|" + Pattern.quote(name) + ")" : quoted;
    }
}
