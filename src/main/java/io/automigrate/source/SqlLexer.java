package io.automigrate.source;

import io.automigrate.source.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits SQL text into tokens the way PostgreSQL's scanner delimits them: enough to know where strings, quoted
 * identifiers, dollar-quoted bodies and comments begin and end, so that a semicolon or a hint inside one of them
 * is never mistaken for script structure. It does not parse SQL.
 */
final class SqlLexer {
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_\\u0080-\\uffff][A-Za-z0-9_\\u0080-\\uffff]*)?\\$");

    private final String text;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;

    private SqlLexer(String text) {
        this.text = text;
    }

    /** Every token of {@code text}, comments included, in order. An unterminated construct runs to the end. */
    static List<SqlToken> tokenize(String text) {
        SqlLexer lexer = new SqlLexer(text);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int start = pos;
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && next() == '-') {
                int newline = text.indexOf('\n', pos);
                pos = newline < 0 ? text.length() : newline;
                add(Kind.LINE_COMMENT, start);
            } else if (c == '/' && next() == '*') {
                blockComment();
                add(Kind.BLOCK_COMMENT, start);
            } else if (c == '\'') {
                quoted('\'', escapeStringPrefix());
                add(Kind.STRING, start);
            } else if (c == '"') {
                quoted('"', false);
                add(Kind.QUOTED_IDENTIFIER, start);
            } else if (c == '$' && dollarQuote()) {
                add(Kind.STRING, start);
            } else if (isIdentifierStart(c)) {
                pos++;
                while (pos < text.length() && isIdentifierPart(text.charAt(pos))) pos++;
                add(Kind.WORD, start);
            } else if (Character.isDigit(c)) {
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                        || text.charAt(pos) == '_')) pos++;
                add(Kind.OTHER, start);
            } else {
                pos++;
                add(Kind.OTHER, start);
            }
        }
    }

    private char next() {
        return pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    }

    private void add(Kind kind, int start) {
        tokens.add(new SqlToken(kind, text.substring(start, pos), start, pos));
    }

    private void blockComment() {
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) return;
            } else {
                pos++;
            }
        }
    }

    /** E'...' strings treat a backslash as an escape; the E was lexed as a word right before the quote. */
    private boolean escapeStringPrefix() {
        if (tokens.isEmpty()) return false;
        SqlToken last = tokens.get(tokens.size() - 1);
        return last.end() == pos && last.kind() == Kind.WORD && last.text().equalsIgnoreCase("e");
    }

    private void quoted(char quote, boolean backslashEscapes) {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                pos++;
                if (pos < text.length() && text.charAt(pos) == quote) {
                    pos++;
                } else {
                    return;
                }
            } else {
                pos++;
            }
        }
        pos = Math.min(pos, text.length());
    }

    private boolean dollarQuote() {
        // $1 is a parameter and a$b$ an identifier, not the start of a body.
        if (pos > 0 && isIdentifierPart(text.charAt(pos - 1))) return false;
        Matcher tag = DOLLAR_TAG.matcher(text).region(pos, text.length());
        if (!tag.lookingAt()) return false;
        String delimiter = tag.group();
        int close = text.indexOf(delimiter, tag.end());
        pos = close < 0 ? text.length() : close + delimiter.length();
        return true;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
    }
}
