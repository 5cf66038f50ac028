package io.automigrate.source;

import org.postgresql.util.ServerErrorMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL text cut into statements where psql would send them: at semicolons outside strings, quoted identifiers, dollar
 * quotes (any tag, nested tags included), comments (nested block comments included), parentheses and the
 * {@code BEGIN ATOMIC ... END} body of a SQL-standard function. The one splitter of the code: schema files
 * ({@link SqlScript}) and migration changesets (io.automigrate.migrate) both use it, and both place PostgreSQL's
 * errors with {@link #errorOffset}.
 */
public final class SqlStatements {
    private static final Pattern PLPGSQL_LINE = Pattern.compile("PL/pgSQL function [^\\n]* line (\\d+)");

    private SqlStatements() {
    }

    /**
     * One statement of a text: {@code start} is where the previous one ended (its leading comments and blanks belong
     * to it), {@code codeStart} its first token after them, {@code end} just past its semicolon (or the text's end).
     */
    public record Span(int start, int codeStart, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    /** A statement and its tokens, without comments and without the closing semicolon. */
    record Chunk(Span span, List<SqlToken> tokens) {
    }

    /** Every statement of {@code text}; text after the last one that holds only comments and blanks is no statement. */
    public static List<Span> split(String text) {
        return chunks(text, SqlLexer.tokenize(text)).stream().map(Chunk::span).toList();
    }

    static List<Chunk> chunks(String text, List<SqlToken> tokens) {
        List<Chunk> spans = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int chunkStart = 0;
        int parenDepth = 0;
        int beginDepth = 0;
        for (SqlToken token : tokens) {
            if (token.isComment()) continue;
            if (token.isSymbol(';') && parenDepth == 0 && beginDepth == 0) {
                if (!current.isEmpty()) {
                    spans.add(new Chunk(new Span(chunkStart, current.get(0).start(), token.end()), List.copyOf(current)));
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
            spans.add(new Chunk(new Span(chunkStart, current.get(0).start(), text.length()), List.copyOf(current)));
        }
        return List.copyOf(spans);
    }

    /**
     * Where in {@code text} PostgreSQL's error lies, for a statement sent as {@code text} from {@code sentStart}
     * (the statement's {@link Span#start}, or 0 when the whole text was sent): its reported position, else inside a
     * PL/pgSQL body (when {@code sent} is one statement: its first dollar-quoted body), else the statement's first
     * token ({@code codeStart}).
     */
    public static int errorOffset(String text, int sentStart, int codeStart, String sent, boolean oneStatement,
                                  ServerErrorMessage error) {
        if (error.getPosition() > 0) {
            return sentStart + characterOffset(sent, error.getPosition());
        }
        String internalQuery = error.getInternalQuery();
        if (error.getInternalPosition() > 0 && internalQuery != null) {
            int at = sent.indexOf(internalQuery);
            if (at >= 0) return sentStart + at + characterOffset(internalQuery, error.getInternalPosition());
        }
        Matcher line = error.getWhere() == null ? null : PLPGSQL_LINE.matcher(error.getWhere());
        if (oneStatement && line != null && line.find()) {
            LineIndex lines = new LineIndex(text);
            // PL/pgSQL counts lines from the start of the body: the text right after the opening dollar quote.
            for (SqlToken token : SqlLexer.tokenize(sent)) {
                if (token.kind() == SqlToken.Kind.STRING && token.text().startsWith("$")) {
                    int bodyStart = sentStart + token.start() + token.text().indexOf('$', 1) + 1;
                    int target = lines.line(bodyStart) + Integer.parseInt(line.group(1)) - 1;
                    int lineStart = Math.max(bodyStart, lines.lineStart(target));
                    return firstNonBlank(text, lineStart, sentStart + token.end());
                }
            }
        }
        return codeStart;
    }

    /** The 1-based line of a character offset of {@code text}. */
    public static int line(String text, int offset) {
        return new LineIndex(text).line(offset);
    }

    /** PostgreSQL positions count characters from 1; Java strings count UTF-16 units from 0. */
    private static int characterOffset(String text, int position) {
        try {
            return text.offsetByCodePoints(0, position - 1);
        } catch (IndexOutOfBoundsException e) {
            return Math.max(0, Math.min(text.length(), position - 1));
        }
    }

    private static int firstNonBlank(String text, int from, int limit) {
        int i = from;
        while (i < limit && i < text.length() && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') i++;
        return Math.min(i, text.length());
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
