package io.automigrate.source;

import io.automigrate.AutomigrateException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A SQL file cut into statements at top-level semicolons, each statement keeping its offset in the file so that
 * PostgreSQL's error positions map back to a file line and column. Like psql, semicolons inside a
 * {@code BEGIN ATOMIC ... END} function body do not end the statement.
 */
record SqlScript(SqlFile file, String text, LineIndex lines, List<Statement> statements) {
    private static final Pattern DUMP_GUARD = Pattern.compile("\\\\(un)?restrict\\b");
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^copy\\b.*\\bfrom\\s+stdin\\b.*");

    /**
     * One statement. {@code chunkStart} is the offset of {@code sql} in the file; {@code codeStart} that of its first
     * token after leading comments, where a failure without a position is reported.
     */
    record Statement(String sql, int chunkStart, int codeStart, List<SqlToken> tokens) {
    }

    static SqlScript parse(SqlFile file, String original) {
        String text = withoutDumpGuards(original);
        LineIndex lines = new LineIndex(text);
        List<Statement> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int chunkStart = 0;
        int parenDepth = 0;
        int beginDepth = 0;
        for (SqlToken token : SqlLexer.tokenize(text)) {
            if (token.isSymbol('\\') && atLineStart(text, token.start())) {
                int lineEnd = text.indexOf('\n', token.start());
                String command = text.substring(token.start(), lineEnd < 0 ? text.length() : lineEnd).strip();
                throw AutomigrateException.badInput(file.displayName() + ":" + lines.position(token.start())
                        + ": psql meta-command '" + command + "' is not SQL: automigrate runs plain SQL files "
                        + "without psql; remove the line or write it as SQL");
            }
            if (token.isComment()) continue;
            if (token.isSymbol(';') && parenDepth == 0 && beginDepth == 0) {
                if (!current.isEmpty()) {
                    statements.add(statement(file, text, lines, chunkStart, token.end(), current));
                }
                current = new ArrayList<>();
                chunkStart = token.end();
                continue;
            }
            current.add(token);
            if (token.isSymbol('(')) parenDepth++;
            if (token.isSymbol(')')) parenDepth = Math.max(0, parenDepth - 1);
            if (parenDepth == 0 && token.kind() == SqlToken.Kind.WORD && isRoutineDefinition(current)) {
                if (token.isWord("begin") || (token.isWord("case") && beginDepth > 0)) beginDepth++;
                if (token.isWord("end") && beginDepth > 0) beginDepth--;
            }
        }
        if (!current.isEmpty()) {
            statements.add(statement(file, text, lines, chunkStart, text.length(), current));
        }
        return new SqlScript(file, text, lines, List.copyOf(statements));
    }

    private static Statement statement(SqlFile file, String text, LineIndex lines, int chunkStart, int end,
                                       List<SqlToken> tokens) {
        int codeStart = tokens.get(0).start();
        String code = text.substring(codeStart, end);
        if (tokens.get(0).isWord("copy") && COPY_FROM_STDIN.matcher(code).matches()) {
            throw AutomigrateException.badInput(file.displayName() + ":" + lines.position(codeStart)
                    + ": COPY ... FROM STDIN needs psql to send the data: automigrate loads schema only; "
                    + "move data loading out of the schema files");
        }
        return new Statement(text.substring(chunkStart, end), chunkStart, codeStart, List.copyOf(tokens));
    }

    /**
     * pg_dump (17.6 and later) wraps its output in {@code \\restrict KEY} / {@code \\unrestrict KEY}, which only
     * guard psql's own meta-commands: without psql they mean nothing. They become blanks, so offsets stay put.
     */
    private static String withoutDumpGuards(String text) {
        StringBuilder blanked = null;
        for (SqlToken token : SqlLexer.tokenize(text)) {
            if (token.isSymbol('\\') && atLineStart(text, token.start())
                    && DUMP_GUARD.matcher(text).region(token.start(), text.length()).lookingAt()) {
                if (blanked == null) blanked = new StringBuilder(text);
                int lineEnd = text.indexOf('\n', token.start());
                for (int i = token.start(); i < (lineEnd < 0 ? text.length() : lineEnd); i++) blanked.setCharAt(i, ' ');
            }
        }
        return blanked == null ? text : blanked.toString();
    }

    private static boolean atLineStart(String text, int offset) {
        for (int i = offset - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(text.charAt(i))) return false;
        }
        return true;
    }

    /** CREATE [OR REPLACE] FUNCTION|PROCEDURE: the only statements whose body may be BEGIN ATOMIC ... END. */
    private static boolean isRoutineDefinition(List<SqlToken> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).isWord("create")) return false;
        int i = 1;
        if (tokens.get(1).isWord("or")) {
            if (tokens.size() < 4 || !tokens.get(2).isWord("replace")) return false;
            i = 3;
        }
        return tokens.get(i).isWord("function") || tokens.get(i).isWord("procedure");
    }
}
