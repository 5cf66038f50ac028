package io.automigrate.diff;

import io.automigrate.catalog.Index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The name PostgreSQL gives the copy of a parent's index that it makes on a new partition (CREATE TABLE ...
 * PARTITION OF): as for an index created without a name, the table's name, the index's column names (a function's name for
 * a call, "expr" for another expression, a number added to a repeated one) joined by "_", and "idx", shortened to 63 bytes by cutting the longer
 * part, with a number after "idx" while the name is taken. Read from the index's definition; where that cannot be
 * read, null.
 */
final class IndexCopyNames {
    private static final int MAX_BYTES = 63;

    private IndexCopyNames() {
    }

    /** The copy's name on {@code partition}, given the relation names already taken in its schema. */
    static String copyName(Index parent, String partition, Set<String> taken) {
        List<String> columns = columnNames(parent.definition());
        if (columns == null) {
            return null;
        }
        StringBuilder addition = new StringBuilder();
        for (String column : columns) {
            if (addition.length() > 0) {
                addition.append('_');
            }
            addition.append(column);
            if (bytes(addition.toString()) >= MAX_BYTES + 1) {
                break;
            }
        }
        for (int pass = 0; ; pass++) {
            String name = objectName(partition, addition.toString(), pass == 0 ? "idx" : "idx" + pass);
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    /** PostgreSQL's makeObjectName: the longer of the two parts loses characters until the whole fits. */
    private static String objectName(String first, String second, String label) {
        int available = MAX_BYTES - (label.length() + 1) - 1;
        String a = first;
        String b = second;
        while (bytes(a) + bytes(b) > available) {
            if (bytes(a) > bytes(b)) {
                a = a.substring(0, a.length() - 1);
            } else {
                b = b.substring(0, b.length() - 1);
            }
        }
        return a + "_" + b + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Key and INCLUDE columns of {@code pg_get_indexdef} text, "expr" for expressions; null when unreadable. */
    static List<String> columnNames(String definition) {
        int using = definition.indexOf(" USING ");
        int open = using < 0 ? -1 : definition.indexOf('(', using);
        if (open < 0) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        int end = elements(definition, open, elements);
        if (end < 0) {
            return null;
        }
        String rest = definition.substring(end + 1);
        if (rest.startsWith(" INCLUDE (") && elements(definition, end + " INCLUDE (".length(), elements) < 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String element : elements) {
            String name = columnOf(element.strip());
            String unique = name;
            for (int i = 1; !seen.add(unique); i++) {
                unique = name + i;
            }
            names.add(unique);
        }
        return names;
    }

    /** The elements of the parenthesised list opening at {@code open}; the index of its closing parenthesis. */
    private static int elements(String text, int open, List<String> out) {
        int depth = 0;
        boolean quoted = false;
        boolean literal = false;
        int start = open + 1;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (literal) {
                literal = c != '\'';
            } else if (quoted) {
                quoted = c != '"';
            } else if (c == '\'') {
                literal = true;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                out.add(text.substring(start, i));
                return i;
            } else if (c == ',' && depth == 1) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return -1;
    }

    /**
     * A plain column's name (then an optional opclass, COLLATE or order), a function call's name (as PostgreSQL
     * names an expression's index column), else "expr".
     */
    private static String columnOf(String element) {
        if (element.startsWith("\"")) {
            StringBuilder name = new StringBuilder();
            for (int i = 1; i < element.length(); i++) {
                char c = element.charAt(i);
                if (c == '"' && i + 1 < element.length() && element.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else if (c == '"') {
                    String after = element.substring(i + 1);
                    return after.isEmpty() || after.startsWith(" ") ? name.toString() : "expr";
                } else {
                    name.append(c);
                }
            }
            return "expr";
        }
        int i = 0;
        while (i < element.length() && (Character.isLetterOrDigit(element.charAt(i)) || element.charAt(i) == '_'
                || element.charAt(i) == '$')) {
            i++;
        }
        if (i == 0 || Character.isDigit(element.charAt(0))) {
            return "expr";
        }
        boolean column = i == element.length() || element.charAt(i) == ' ';
        boolean call = i < element.length() && element.charAt(i) == '(';
        return column || call ? element.substring(0, i) : "expr";
    }
}
