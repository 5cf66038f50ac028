package io.automigrate.diff;

import io.automigrate.catalog.QualifiedName;
import io.automigrate.sqltext.Sql;

import java.util.List;
import java.util.Map;

/** Renaming identifiers inside PostgreSQL's deparsed SQL (index and constraint definitions). */
final class Identifiers {
    private Identifiers() {
    }

    /**
     * Whether the qualifier ending before {@code dot} is {@code new} or {@code old}: in a rule or a trigger's WHEN
     * clause these stand for a row of the object's own table, so a column they qualify is renamed like a bare one.
     */
    private static boolean rowReference(String sql, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
            start--;
        }
        if (start > 0 && (sql.charAt(start - 1) == '.' || sql.charAt(start - 1) == '"'
                || sql.charAt(start - 1) == '$')) {
            return false;
        }
        String qualifier = sql.substring(start, dot);
        return qualifier.equalsIgnoreCase("new") || qualifier.equalsIgnoreCase("old");
    }

    /**
     * {@code sql} with every identifier named in {@code newByOld} replaced by its new name, quoted as needed; string
     * literals, other identifiers and function names (an identifier followed by a parenthesis) are left alone, as are
     * qualified names but for a row's ({@code new.x}, {@code old.x}).
     */
    static String rename(String sql, Map<String, String> newByOld) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < sql.length() && !(sql.charAt(end) == '\'' && (end + 1 >= sql.length()
                        || sql.charAt(end + 1) != '\''))) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                end = Math.min(end + 1, sql.length());
                out.append(sql, i, end);
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder name = new StringBuilder();
                while (end < sql.length()) {
                    if (sql.charAt(end) == '"' && end + 1 < sql.length() && sql.charAt(end + 1) == '"') {
                        name.append('"');
                        end += 2;
                    } else if (sql.charAt(end) == '"') {
                        break;
                    } else {
                        name.append(sql.charAt(end++));
                    }
                }
                end = Math.min(end + 1, sql.length());
                out.append(replacement(sql, end, name.toString(), newByOld, sql.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                boolean qualified = i > 0 && sql.charAt(i - 1) == '.' && !rowReference(sql, i - 1);
                String word = sql.substring(i, end);
                out.append(qualified ? word : replacement(sql, end, word, newByOld, word));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String replacement(String sql, int end, String name, Map<String, String> newByOld,
                                      String original) {
        String renamed = newByOld.get(name);
        int next = end;
        while (next < sql.length() && sql.charAt(next) == ' ') {
            next++;
        }
        boolean function = next < sql.length() && sql.charAt(next) == '(';
        return renamed == null || function ? original : Sql.ident(renamed);
    }

    /**
     * {@code sql} with table {@code old} named {@code now}: where it stands schema-qualified and where it qualifies a
     * column ({@code old.col}, not itself after a dot). String literals and other names are left alone.
     */
    static String renameTable(String sql, QualifiedName old, QualifiedName now) {
        List<Token> tokens = tokens(sql);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.name() == null) continue;
            boolean afterDot = t.start() > 0 && sql.charAt(t.start() - 1) == '.';
            boolean beforeDot = t.end() < sql.length() && sql.charAt(t.end()) == '.';
            Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
            if (!afterDot && beforeDot && t.name().equals(old.schema()) && next != null && next.start() == t.end() + 1
                    && old.name().equals(next.name())) {
                out.append(sql, at, t.start()).append(Sql.qualified(now));
                at = next.end();
                k++;
            } else if (!afterDot && beforeDot && t.name().equals(old.name())) {
                out.append(sql, at, t.start()).append(Sql.ident(now.name()));
                at = t.end();
            }
        }
        return out.append(sql.substring(at)).toString();
    }

    /** An identifier ({@code name} its value, unquoted) or a string literal ({@code name} null) in SQL text. */
    private record Token(int start, int end, String name) {
    }

    private static List<Token> tokens(String sql) {
        List<Token> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < sql.length() && !(sql.charAt(end) == '\'' && (end + 1 >= sql.length()
                        || sql.charAt(end + 1) != '\''))) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                end = Math.min(end + 1, sql.length());
                out.add(new Token(i, end, null));
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder name = new StringBuilder();
                while (end < sql.length()) {
                    if (sql.charAt(end) == '"' && end + 1 < sql.length() && sql.charAt(end + 1) == '"') {
                        name.append('"');
                        end += 2;
                    } else if (sql.charAt(end) == '"') {
                        break;
                    } else {
                        name.append(sql.charAt(end++));
                    }
                }
                end = Math.min(end + 1, sql.length());
                out.add(new Token(i, end, name.toString()));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                out.add(new Token(i, end, sql.substring(i, end)));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }
}
