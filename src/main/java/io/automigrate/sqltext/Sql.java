package io.automigrate.sqltext;

import io.automigrate.catalog.QualifiedName;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where identifiers and literals become SQL text. Never concatenate a name or user text into SQL
 * any other way.
 */
public final class Sql {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** Reserved keywords (PostgreSQL's appendix C, "reserved" and "reserved (can be function or type)"). */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having",
            "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading",
            "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset",
            "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning",
            "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with",
            // non-reserved in PostgreSQL but unsafe as bare column names in some positions
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
            "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real",
            "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
            "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
            "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private Sql() {
    }

    /** An identifier, quoted only where PostgreSQL needs it (upper case, special characters, keywords). */
    public static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name}, each part quoted as needed. */
    public static String qualified(QualifiedName name) {
        return ident(name.schema()) + "." + ident(name.name());
    }

    public static String qualified(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** A comma-separated identifier list. */
    public static String idents(Collection<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    /** A string literal; {@code NULL} for null. Uses E'' only when backslashes are present. */
    public static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        String escaped = value.replace("'", "''");
        if (escaped.indexOf('\\') >= 0) {
            return "E'" + escaped.replace("\\", "\\\\") + "'";
        }
        return "'" + escaped + "'";
    }

    /**
     * A collation name after COLLATE. The inspector gives it as PostgreSQL prints it ({@code "C"},
     * {@code public."x"}), which is used as it is; a bare name is quoted part by part, always, because collation
     * names are case-sensitive ({@code "en_US"}), as pg_dump does.
     */
    public static String collation(String name) {
        if (name.contains("\"")) {
            return name;
        }
        return java.util.Arrays.stream(name.split("\\.")).map(part -> '"' + part.replace("\"", "\"\"") + '"')
                .collect(Collectors.joining("."));
    }

    /** A role name in GRANT/REVOKE/policy position: {@code PUBLIC} stays a keyword. */
    public static String role(String role) {
        return role.toUpperCase(Locale.ROOT).equals("PUBLIC") ? "PUBLIC" : ident(role);
    }
}
