package io.automigrate.source.prisma;

import io.automigrate.AutomigrateException;
import io.automigrate.source.prisma.PrismaSyntax.Arg;
import io.automigrate.source.prisma.PrismaSyntax.Attribute;
import io.automigrate.source.prisma.PrismaSyntax.Block;
import io.automigrate.source.prisma.PrismaSyntax.Call;
import io.automigrate.source.prisma.PrismaSyntax.Expr;
import io.automigrate.source.prisma.PrismaSyntax.Field;
import io.automigrate.source.prisma.PrismaSyntax.ListExpr;
import io.automigrate.source.prisma.PrismaSyntax.Name;
import io.automigrate.source.prisma.PrismaSyntax.Num;
import io.automigrate.source.prisma.PrismaSyntax.Position;
import io.automigrate.source.prisma.PrismaSyntax.Property;
import io.automigrate.source.prisma.PrismaSyntax.Str;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the Prisma Schema Language into {@link PrismaSyntax} blocks. Members of a block stand one per line; an
 * attribute's arguments may span lines inside their brackets. {@code //} comments (and {@code ///} documentation)
 * are skipped. Errors are exit 2 with {@code file:line:col: what is wrong}.
 */
public final class PrismaParser {
    private static final Set<String> KEYWORDS = Set.of("model", "enum", "view", "type", "datasource", "generator");

    private enum Kind { NAME, STRING, NUMBER, PUNCT, NEWLINE, END }

    private record Token(Kind kind, String text, Position position) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private final List<Token> tokens;
    private int next;

    private PrismaParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The blocks of one file; {@code file} is its path as the user knows it. */
    public static List<Block> parse(String file, String text) {
        return new PrismaParser(tokenize(file, text)).blocks();
    }

    static AutomigrateException error(Position at, String message) {
        return AutomigrateException.badInputAt(new AutomigrateException.Location(at.file(), at.line(), at.column()),
                message);
    }

    // ---- tokens

    private static List<Token> tokenize(String file, String text) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Position at = new Position(file, line, i - lineStart + 1);
            if (c == '\n') {
                out.add(new Token(Kind.NEWLINE, "\n", at));
                i++;
                line++;
                lineStart = i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length() || text.charAt(i) == '\n') {
                        throw error(at, "unterminated string: close it with \"");
                    }
                    char s = text.charAt(i);
                    if (s == '"') {
                        i++;
                        break;
                    }
                    if (s == '\\' && i + 1 < text.length()) {
                        char e = text.charAt(i + 1);
                        switch (e) {
                            case 'n' -> value.append('\n');
                            case 't' -> value.append('\t');
                            case 'r' -> value.append('\r');
                            case '"' -> value.append('"');
                            case '\\' -> value.append('\\');
                            case 'u' -> {
                                if (i + 6 > text.length()) throw error(at, "bad \\u escape in a string");
                                try {
                                    value.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                                } catch (NumberFormatException bad) {
                                    throw error(at, "bad \\u escape in a string");
                                }
                                i += 4;
                            }
                            default -> value.append(e);
                        }
                        i += 2;
                    } else {
                        value.append(s);
                        i++;
                    }
                }
                out.add(new Token(Kind.STRING, value.toString(), at));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || (text.charAt(i) == '.' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))))) {
                    i++;
                }
                out.add(new Token(Kind.NAME, text.substring(start, i), at));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int start = i;
                i++;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == 'e' || text.charAt(i) == 'E')) i++;
                out.add(new Token(Kind.NUMBER, text.substring(start, i), at));
            } else if (c == '@' && i + 1 < text.length() && text.charAt(i + 1) == '@') {
                out.add(new Token(Kind.PUNCT, "@@", at));
                i += 2;
            } else if ("{}()[],:=?@".indexOf(c) >= 0) {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), at));
                i++;
            } else {
                throw error(at, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.END, "", new Position(file, line, i - lineStart + 1)));
        return out;
    }

    // ---- blocks

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private void skipNewlines() {
        while (peek().kind == Kind.NEWLINE) next++;
    }

    private Token expect(String punct, String what) {
        Token t = take();
        if (!t.is(punct)) throw error(t.position, "expected " + what + " but found " + shown(t));
        return t;
    }

    private Token expectName(String what) {
        Token t = take();
        if (t.kind != Kind.NAME) throw error(t.position, "expected " + what + " but found " + shown(t));
        return t;
    }

    private static String shown(Token t) {
        return switch (t.kind) {
            case END -> "the end of the file";
            case NEWLINE -> "the end of the line";
            case STRING -> "\"" + t.text + "\"";
            default -> "'" + t.text + "'";
        };
    }

    private List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token keyword = take();
            if (keyword.kind == Kind.END) return blocks;
            if (keyword.kind != Kind.NAME || !KEYWORDS.contains(keyword.text)) {
                throw error(keyword.position, "expected a block (model, enum, view, datasource, generator) but found "
                        + shown(keyword));
            }
            Token name = expectName("the " + keyword.text + "'s name");
            expect("{", "'{' after " + keyword.text + " " + name.text);
            blocks.add(block(keyword, name));
        }
    }

    private Block block(Token keyword, Token name) {
        List<Field> fields = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        List<Property> properties = new ArrayList<>();
        boolean keyValue = keyword.text.equals("datasource") || keyword.text.equals("generator");
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.is("}")) {
                next++;
                return new Block(keyword.text, name.text, keyword.position, fields, attributes, properties);
            }
            if (t.kind == Kind.END) throw error(keyword.position, keyword.text + " " + name.text + " is not closed: add '}'");
            if (t.is("@@")) {
                next++;
                attributes.add(attribute(t, true));
                endOfLine();
            } else if (keyValue) {
                Token key = expectName("a property name");
                expect("=", "'=' after " + key.text);
                properties.add(new Property(key.text, expr(), key.position));
                endOfLine();
            } else if (keyword.text.equals("enum")) {
                Token value = expectName("an enum value");
                List<Attribute> valueAttributes = fieldAttributes();
                fields.add(new Field(value.text, null, null, false, false, valueAttributes, value.position, value.position));
                endOfLine();
            } else {
                fields.add(field());
                endOfLine();
            }
        }
    }

    private void endOfLine() {
        Token t = peek();
        if (t.kind == Kind.NEWLINE) {
            next++;
        } else if (!t.is("}") && t.kind != Kind.END) {
            throw error(t.position, "unexpected " + shown(t) + ": one field or attribute a line");
        }
    }

    private Field field() {
        Token name = expectName("a field name");
        Token type = take();
        if (type.kind != Kind.NAME) {
            throw error(type.position, "field " + name.text + " has no type: write 'name Type', e.g. 'email String'");
        }
        String unsupported = null;
        if (type.text.equals("Unsupported")) {
            expect("(", "'(' after Unsupported");
            Token text = take();
            if (text.kind != Kind.STRING) throw error(text.position, "Unsupported takes the type's text: Unsupported(\"circle\")");
            unsupported = text.text;
            expect(")", "')'");
        }
        boolean list = false;
        boolean optional = false;
        if (peek().is("[")) {
            next++;
            expect("]", "']' after '['");
            list = true;
        }
        if (peek().is("?")) {
            next++;
            optional = true;
        }
        if (list && optional) {
            throw error(type.position, "field " + name.text + ": a list cannot be optional in Prisma: remove the '?'");
        }
        return new Field(name.text, type.text, unsupported, optional, list, fieldAttributes(), name.position, type.position);
    }

    private List<Attribute> fieldAttributes() {
        List<Attribute> attributes = new ArrayList<>();
        while (peek().is("@")) {
            Token at = take();
            attributes.add(attribute(at, false));
        }
        if (peek().is("@@")) {
            throw error(peek().position, "a block attribute (@@) stands on a line of its own, not after a field");
        }
        return attributes;
    }

    private Attribute attribute(Token at, boolean blockLevel) {
        Token name = take();
        if (name.kind != Kind.NAME) throw error(name.position, "expected an attribute name after " + at.text);
        List<Arg> args = peek().is("(") ? args() : List.of();
        return new Attribute(name.text, blockLevel, args, at.position);
    }

    /** {@code ( [name:] expr, ... )}, newlines allowed inside. */
    private List<Arg> args() {
        expect("(", "'('");
        List<Arg> args = new ArrayList<>();
        skipNewlines();
        if (peek().is(")")) {
            next++;
            return args;
        }
        while (true) {
            skipNewlines();
            Token start = peek();
            String argName = null;
            if (start.kind == Kind.NAME && tokens.get(next + 1).is(":")) {
                argName = start.text;
                next += 2;
            }
            args.add(new Arg(argName, expr(), start.position));
            skipNewlines();
            Token t = take();
            if (t.is(")")) return args;
            if (!t.is(",")) throw error(t.position, "expected ',' or ')' but found " + shown(t));
        }
    }

    private Expr expr() {
        skipNewlines();
        Token t = take();
        switch (t.kind) {
            case STRING:
                return new Str(t.text, t.position);
            case NUMBER:
                return new Num(t.text, t.position);
            case NAME:
                if (peek().is("(")) return new Call(t.text, args(), t.position);
                return new Name(t.text, t.position);
            default:
                if (t.is("[")) {
                    List<Expr> items = new ArrayList<>();
                    skipNewlines();
                    if (peek().is("]")) {
                        next++;
                        return new ListExpr(items, t.position);
                    }
                    while (true) {
                        items.add(expr());
                        skipNewlines();
                        Token sep = take();
                        if (sep.is("]")) return new ListExpr(items, t.position);
                        if (!sep.is(",")) throw error(sep.position, "expected ',' or ']' but found " + shown(sep));
                    }
                }
                throw error(t.position, "expected a value but found " + shown(t));
        }
    }
}
