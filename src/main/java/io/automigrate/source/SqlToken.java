package io.automigrate.source;

import java.util.Locale;

/** One lexical token of a SQL script; {@code start} and {@code end} are character offsets into the script. */
record SqlToken(Kind kind, String text, int start, int end) {
    enum Kind {
        /** A keyword or unquoted identifier. */
        WORD,
        /** A double-quoted identifier, quotes included. */
        QUOTED_IDENTIFIER,
        /** A string constant: '...', E'...', or a dollar-quoted body. */
        STRING,
        /** {@code -- ...} up to the end of the line. */
        LINE_COMMENT,
        /** {@code /* ... *}{@code /}, possibly nested. */
        BLOCK_COMMENT,
        /** A number or any other single character ({@code ( ) , ; . \} ...). */
        OTHER
    }

    boolean isComment() {
        return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(char symbol) {
        return kind == Kind.OTHER && text.length() == 1 && text.charAt(0) == symbol;
    }

    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** The name PostgreSQL stores for this identifier: unquoted words fold to lower case. */
    String identifierName() {
        if (kind == Kind.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
