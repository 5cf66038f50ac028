package io.automigrate.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL text cut into statements for rules that look at a statement's shape (is it CONCURRENTLY, NOT VALID, a
 * TRUNCATE?). Comments are dropped and string constants (dollar-quoted bodies too) become {@code ''}, so a keyword
 * inside either is never matched. This is a lexer's view, not a parser's.
 */
public final class StatementShapes {
    /** Statements PostgreSQL refuses inside a transaction block, as shape prefixes. */
    private static final List<String> NON_TRANSACTIONAL = List.of("CREATE INDEX CONCURRENTLY",
            "CREATE UNIQUE INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY", "REINDEX", "VACUUM", "CREATE DATABASE",
            "DROP DATABASE", "ALTER SYSTEM", "CREATE TABLESPACE", "DROP TABLESPACE", "CLUSTER");

    private StatementShapes() {
    }

    /**
     * One statement: {@code sql} as written (leading comments trimmed), {@code line} of its first token (1-based,
     * counted from {@code firstLine}), {@code shape} its tokens in upper case separated by one space, with comments
     * dropped and strings blanked, {@code names} every identifier it mentions as PostgreSQL stores it, and
     * {@code words} its tokens in order: identifiers and keywords as PostgreSQL stores names (folded to lower case
     * unless quoted), strings as {@code ''}, symbols as they are.
     */
    public record Shape(String sql, int line, String shape, Set<String> names, List<String> words) {
        public Shape {
            names = Set.copyOf(names);
            words = List.copyOf(words);
        }

        /** True when {@code words} (upper case, one space apart) occur in this order, as whole tokens. */
        public boolean has(String words) {
            return (" " + shape + " ").contains(" " + words + " ");
        }

        public boolean startsWith(String words) {
            return (shape + " ").startsWith(words + " ");
        }

        /** Whether PostgreSQL refuses this statement inside a transaction block. */
        public boolean refusesTransactionBlock() {
            for (String prefix : NON_TRANSACTIONAL) {
                if (startsWith(prefix)) {
                    return !prefix.equals("REINDEX") || has("CONCURRENTLY") || startsWith("REINDEX DATABASE")
                            || startsWith("REINDEX SYSTEM");
                }
            }
            return false;
        }
    }

    /** The statements of {@code text}; {@code firstLine} is the line of the text's first character in its file. */
    public static List<Shape> of(String text, int firstLine, String displayName) {
        SqlScript script = SqlScript.parse(new SqlFile(displayName, Path.of(displayName)), text);
        List<Shape> shapes = new ArrayList<>();
        for (SqlScript.Statement statement : script.statements()) {
            StringBuilder shape = new StringBuilder();
            Set<String> names = new LinkedHashSet<>();
            List<String> words = new ArrayList<>();
            for (SqlToken token : statement.tokens()) {
                if (token.isComment()) continue;
                words.add(token.isIdentifier() ? token.identifierName()
                        : token.kind() == SqlToken.Kind.STRING ? "''" : token.text());
                if (shape.length() > 0) shape.append(' ');
                if (token.kind() == SqlToken.Kind.STRING) {
                    shape.append("''");
                } else {
                    shape.append(token.text().toUpperCase(java.util.Locale.ROOT));
                }
                if (token.isIdentifier()) names.add(token.identifierName());
            }
            String sql = text.substring(statement.codeStart(), statement.chunkStart() + statement.sql().length()).strip();
            shapes.add(new Shape(sql, firstLine - 1 + script.lines().line(statement.codeStart()), shape.toString(),
                    names, words));
        }
        return shapes;
    }
}
