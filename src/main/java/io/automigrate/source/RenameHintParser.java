package io.automigrate.source;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.diff.RenameHints;
import io.automigrate.diff.RenameHints.ColumnRename;
import io.automigrate.diff.RenameHints.ColumnUsing;
import io.automigrate.diff.RenameHints.TableRename;
import io.automigrate.diff.UnconvertibleColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code -- automigrate:renamed-from <old_name>} and {@code -- automigrate:using <expression>} comments from
 * the desired schema's files. The comment goes on the line that names the new table ({@code CREATE TABLE name (})
 * or the column (a column line of a CREATE TABLE body, or {@code ALTER TABLE ... ADD [COLUMN] name}).
 */
public final class RenameHintParser {
    private static final Pattern HINT = Pattern.compile("--\\s*automigrate:renamed-from\\b\\s*(.*)$");
    private static final Pattern USING = Pattern.compile("--\\s*automigrate:using\\b\\s*(.*)$");
    private static final Set<String> TABLE_ELEMENT_KEYWORDS =
            Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");
    private static final Set<String> TABLE_PREFIXES = Set.of("global", "local", "temp", "temporary", "unlogged");

    private RenameHintParser() {
    }

    public static RenameHints parse(List<SqlFile> files) {
        List<TableRename> tables = new ArrayList<>();
        List<ColumnRename> columns = new ArrayList<>();
        List<ColumnUsing> usings = new ArrayList<>();
        for (SqlFile file : files) {
            String text = file.read();
            if (!text.contains("automigrate:renamed-from") && !text.contains("automigrate:using")) continue;
            parseFile(file, text, tables, columns, usings);
        }
        return new RenameHints(tables, columns, usings);
    }

    private static void parseFile(SqlFile file, String text, List<TableRename> tables, List<ColumnRename> columns,
                                  List<ColumnUsing> usings) {
        LineIndex lines = new LineIndex(text);
        List<SqlToken> statement = new ArrayList<>();
        // A hint after the closing semicolon (ADD COLUMN x int; -- hint) belongs to the statement just ended.
        List<SqlToken> previous = List.of();
        for (SqlToken token : SqlLexer.tokenize(text)) {
            if (token.kind() == SqlToken.Kind.LINE_COMMENT) {
                Matcher using = USING.matcher(token.text());
                if (using.find()) {
                    int line = lines.line(token.start());
                    AutomigrateException.Location where = new AutomigrateException.Location(file.displayName(), line, 0);
                    Target target = targetOnLine(statement.isEmpty() ? previous : statement, lines, line);
                    if (target == null || target.column() == null) {
                        throw AutomigrateException.badInputAt(where,
                                "automigrate:using must follow the column whose values it converts");
                    }
                    usings.add(using(target, using.group(1), file.displayName(), line));
                }
                Matcher hint = HINT.matcher(token.text());
                if (hint.find()) {
                    int line = lines.line(token.start());
                    AutomigrateException.Location where = new AutomigrateException.Location(file.displayName(), line, 0);
                    String oldName = oldName(hint.group(1), where);
                    Target target = targetOnLine(statement.isEmpty() ? previous : statement, lines, line);
                    if (target == null) {
                        throw AutomigrateException.badInputAt(where,
                                "automigrate:renamed-from must follow the table or column it renames");
                    }
                    if (target.column() == null) {
                        tables.add(new TableRename(target.table(), oldName, file.displayName(), line));
                    } else {
                        columns.add(new ColumnRename(target.table(), target.column(), oldName, file.displayName(),
                                line));
                    }
                }
            } else if (token.isSymbol(';')) {
                previous = List.copyOf(statement);
                statement.clear();
            } else if (!token.isComment()) {
                statement.add(token);
            }
        }
    }

    /** The renamed object: a table ({@code column} null) or a column of {@code table}. */
    private record Target(QualifiedName table, String column) {
    }

    /** The table or column the statement so far names on {@code line}, or null. */
    private static Target targetOnLine(List<SqlToken> tokens, LineIndex lines, int line) {
        if (tokens.isEmpty()) return null;
        if (tokens.get(0).isWord("create")) {
            return createTableTarget(tokens, lines, line);
        }
        if (tokens.get(0).isWord("alter")) {
            return alterTableTarget(tokens, lines, line);
        }
        return null;
    }

    private static Target createTableTarget(List<SqlToken> tokens, LineIndex lines, int line) {
        int i = 1;
        while (i < tokens.size() && tokens.get(i).kind() == SqlToken.Kind.WORD
                && TABLE_PREFIXES.contains(tokens.get(i).identifierName())) i++;
        if (i >= tokens.size() || !tokens.get(i).isWord("table")) return null;
        i = skipWords(tokens, i + 1, "if", "not", "exists");
        NameAt table = qualifiedName(tokens, i);
        if (table == null) return null;
        if (lines.line(table.last().start()) == line) {
            return new Target(table.name(), null);
        }
        i = table.next();
        if (i >= tokens.size() || !tokens.get(i).isSymbol('(')) return null;
        // Column definitions start right after the opening parenthesis and after each top-level comma.
        int depth = 0;
        boolean elementStart = false;
        for (; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (elementStart && depth == 1 && lines.line(token.start()) == line && token.isIdentifier()
                    && !(token.kind() == SqlToken.Kind.WORD
                         && TABLE_ELEMENT_KEYWORDS.contains(token.identifierName()))) {
                return new Target(table.name(), token.identifierName());
            }
            elementStart = false;
            if (token.isSymbol('(')) {
                depth++;
                elementStart = depth == 1;
            } else if (token.isSymbol(')')) {
                depth--;
                if (depth == 0) return null;
            } else if (token.isSymbol(',') && depth == 1) {
                elementStart = true;
            }
        }
        return null;
    }

    private static Target alterTableTarget(List<SqlToken> tokens, LineIndex lines, int line) {
        if (tokens.size() < 2 || !tokens.get(1).isWord("table")) return null;
        int i = skipWords(tokens, 2, "if", "exists");
        i = skipWords(tokens, i, "only");
        NameAt table = qualifiedName(tokens, i);
        if (table == null) return null;
        int depth = 0;
        boolean actionStart = true;
        for (i = table.next(); i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (actionStart && token.isWord("add")) {
                int j = skipWords(tokens, i + 1, "column");
                j = skipWords(tokens, j, "if", "not", "exists");
                if (j < tokens.size() && tokens.get(j).isIdentifier() && lines.line(tokens.get(j).start()) == line
                        && !(tokens.get(j).kind() == SqlToken.Kind.WORD
                             && TABLE_ELEMENT_KEYWORDS.contains(tokens.get(j).identifierName()))) {
                    return new Target(table.name(), tokens.get(j).identifierName());
                }
            }
            actionStart = false;
            if (token.isSymbol('(')) depth++;
            if (token.isSymbol(')')) depth--;
            if (token.isSymbol(',') && depth == 0) actionStart = true;
        }
        return null;
    }

    /** Skips {@code words} if they come next, in order and all of them. */
    private static int skipWords(List<SqlToken> tokens, int at, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (at + k >= tokens.size() || !tokens.get(at + k).isWord(words[k])) return at;
        }
        return at + words.length;
    }

    private record NameAt(QualifiedName name, SqlToken last, int next) {
    }

    /** {@code name} or {@code schema.name} at {@code at}; unqualified names are in {@code public}. */
    private static NameAt qualifiedName(List<SqlToken> tokens, int at) {
        if (at >= tokens.size() || !tokens.get(at).isIdentifier()) return null;
        SqlToken first = tokens.get(at);
        if (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol('.') && tokens.get(at + 2).isIdentifier()) {
            SqlToken second = tokens.get(at + 2);
            return new NameAt(QualifiedName.of(first.identifierName(), second.identifierName()), second, at + 3);
        }
        return new NameAt(QualifiedName.of("public", first.identifierName()), first, at + 1);
    }

    /**
     * {@code <expression>} or {@code <expression>; rollback <expression>}: the second converts back, for the
     * migration's rollback. A semicolon outside strings and parentheses cannot be part of an expression.
     */
    private static ColumnUsing using(Target target, String rest, String file, int line) {
        AutomigrateException.Location where = new AutomigrateException.Location(file, line, 0);
        // a second hint on the line (-- automigrate:renamed-from old) ends the expression
        for (SqlToken token : SqlLexer.tokenize(rest)) {
            if (token.kind() == SqlToken.Kind.LINE_COMMENT) rest = rest.substring(0, token.start());
        }
        String forward = rest.strip();
        String back = null;
        int depth = 0;
        for (SqlToken token : SqlLexer.tokenize(rest)) {
            if (token.isSymbol('(')) depth++;
            if (token.isSymbol(')')) depth--;
            if (token.isSymbol(';') && depth == 0) {
                forward = rest.substring(0, token.start()).strip();
                String after = rest.substring(token.end()).strip();
                List<SqlToken> words = SqlLexer.tokenize(after);
                if (words.isEmpty() || !words.get(0).isWord("rollback")) {
                    throw AutomigrateException.badInputAt(where, "after the ';' of automigrate:using comes "
                            + "'rollback <expression>', how the rollback converts the values back (for example: "
                            + "-- automigrate:using to_timestamp(created_at); rollback extract(epoch FROM "
                            + "created_at)::bigint)");
                }
                back = after.substring(words.get(0).end()).strip();
                if (back.isEmpty()) {
                    throw AutomigrateException.badInputAt(where, "automigrate:using ...; rollback needs the "
                            + "expression that converts the values back");
                }
                break;
            }
        }
        if (forward.isEmpty()) {
            throw AutomigrateException.badInputAt(where, "automigrate:using needs the expression that converts the "
                    + "column's values to its new type (for example: -- automigrate:using to_timestamp(created_at))");
        }
        return new ColumnUsing(target.table(), target.column(), forward, back, file, line);
    }

    /**
     * Where {@code column} of {@code table} is declared in {@code files} ({@code file:line}): a column line of its
     * CREATE TABLE, or an ALTER TABLE ... ADD COLUMN; null when no file declares it.
     */
    public static AutomigrateException.Location whereDeclared(List<SqlFile> files, QualifiedName table,
                                                             String column) {
        for (SqlFile file : files) {
            String text = file.read();
            LineIndex lines = new LineIndex(text);
            List<SqlToken> statement = new ArrayList<>();
            for (SqlToken token : SqlLexer.tokenize(text)) {
                if (token.isSymbol(';')) {
                    Integer line = declarationLine(statement, lines, table, column);
                    if (line != null) return new AutomigrateException.Location(file.displayName(), line, 0);
                    statement.clear();
                } else if (!token.isComment()) {
                    statement.add(token);
                }
            }
            Integer line = declarationLine(statement, lines, table, column);
            if (line != null) return new AutomigrateException.Location(file.displayName(), line, 0);
        }
        return null;
    }

    /** {@code e}, naming the line of {@code files} where its column is declared. */
    public static UnconvertibleColumn located(UnconvertibleColumn e, List<SqlFile> files) {
        return e.at(whereDeclared(files, e.table(), e.column()));
    }

    /** The line of the statement's tokens that {@link #targetOnLine} reads as {@code column} of {@code table}. */
    private static Integer declarationLine(List<SqlToken> statement, LineIndex lines, QualifiedName table,
                                           String column) {
        if (statement.isEmpty()) return null;
        int first = lines.line(statement.get(0).start());
        int last = lines.line(statement.get(statement.size() - 1).start());
        for (int line = first; line <= last; line++) {
            Target target = targetOnLine(statement, lines, line);
            if (target != null && table.equals(target.table()) && column.equals(target.column())) return line;
        }
        return null;
    }

    /** The old name after the marker: one identifier, quoted or not. */
    private static String oldName(String rest, AutomigrateException.Location where) {
        // a second hint may follow on the line (-- automigrate:using ...)
        List<SqlToken> tokens = SqlLexer.tokenize(rest.strip()).stream()
                .filter(t -> t.kind() != SqlToken.Kind.LINE_COMMENT).toList();
        if (tokens.size() != 1 || !tokens.get(0).isIdentifier()) {
            throw AutomigrateException.badInputAt(where, "automigrate:renamed-from needs the old name, one "
                    + "identifier without schema (for example: -- automigrate:renamed-from old_name)");
        }
        return tokens.get(0).identifierName();
    }
}
