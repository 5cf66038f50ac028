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
        List<SqlToken> tokens = SqlLexer.tokenize(text);
        List<Statement> statements = new ArrayList<>();
        int checked = 0;
        for (SqlStatements.Chunk chunk : SqlStatements.chunks(text, tokens)) {
            checked = checkMetaCommands(file, text, lines, tokens, checked, chunk.span().end());
            statements.add(statement(file, text, lines, chunk.span().start(), chunk.span().end(), chunk.tokens()));
        }
        checkMetaCommands(file, text, lines, tokens, checked, text.length());
        return new SqlScript(file, text, lines, List.copyOf(statements));
    }

    /** psql meta-commands among the tokens from index {@code from} that start before {@code until}; the next index. */
    private static int checkMetaCommands(SqlFile file, String text, LineIndex lines, List<SqlToken> tokens, int from,
                                         int until) {
        int i = from;
        for (; i < tokens.size() && tokens.get(i).start() < until; i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol('\\') && atLineStart(text, token.start())) {
                int lineEnd = text.indexOf('\n', token.start());
                String command = text.substring(token.start(), lineEnd < 0 ? text.length() : lineEnd).strip();
                throw AutomigrateException.badInputAt(lines.location(file.displayName(), token.start()),
                        "psql meta-command '" + command + "' is not SQL: automigrate runs plain SQL files "
                        + "without psql; remove the line or write it as SQL");
            }
        }
        return i;
    }

    private static Statement statement(SqlFile file, String text, LineIndex lines, int chunkStart, int end,
                                       List<SqlToken> tokens) {
        int codeStart = tokens.get(0).start();
        String code = text.substring(codeStart, end);
        if (tokens.get(0).isWord("copy") && COPY_FROM_STDIN.matcher(code).matches()) {
            throw AutomigrateException.badInputAt(lines.location(file.displayName(), codeStart),
                    "COPY ... FROM STDIN needs psql to send the data: automigrate loads schema only; "
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
}
