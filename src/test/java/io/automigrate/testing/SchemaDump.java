package io.automigrate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The second, independent oracle of the convergence suite: a schema-only dump read straight from {@code pg_catalog},
 * without going through {@code io.automigrate.inspect} or the {@code Catalog} model. Where the model does not look
 * (a catalog column it has no field for), this dump still does, so a model gap shows as a dump difference while the
 * catalogs compare equal.
 *
 * <p>Why not {@code pg_dump --schema-only}: no pg_dump of the embedded server's major version (17) exists on a machine
 * that has only a JDK and Maven. The zonky binaries ship {@code initdb}, {@code pg_ctl} and {@code postgres} only
 * (so do the npm ones built from them), Debian 12's client is version 15, and pg_dump refuses a server newer than
 * itself. So the dump is done the way pg_dump itself does it: by reading the catalogs and PostgreSQL's own deparse
 * functions ({@code pg_get_indexdef}, {@code pg_get_constraintdef}, {@code pg_get_triggerdef}, {@code pg_get_ruledef},
 * {@code pg_get_expr}, {@code pg_get_partkeydef}, {@code format_type}, ...).
 *
 * <p>Each entry is one catalog row of a user object, keyed by the object's identity, its body the whole row as JSON
 * ({@code to_jsonb}) less the fields listed below, with every OID replaced by the name it stands for. Taking the whole
 * row is the point: a catalog column nobody thought of (PostgreSQL adds some in every release) is compared too.
 * Normalizations, each because two equal schemas differ there:
 * <ul>
 *   <li>OIDs, relfilenodes, statistics ({@code relpages}, {@code reltuples}, {@code relallvisible}), transaction
 *   horizons ({@code relfrozenxid}, {@code relminmxid}), {@code relrewrite} and toast links: physical, never equal
 *   across two databases.</li>
 *   <li>{@code attnum} and {@code relnatts}: column order and dropped-column slots. ALTER cannot reorder columns, so a
 *   migrated table keeps new columns last (the catalog oracle ignores column order for the same reason); columns are
 *   keyed by name.</li>
 *   <li>The "has or once had" hints {@code relhasindex}, {@code relhasrules}, {@code relhastriggers},
 *   {@code relhassubclass} (cleared only by VACUUM), {@code indcheckxmin}, and {@code atthasmissing}/
 *   {@code attmissingval} (a column added with a default keeps its "missing" value until the table is rewritten).</li>
 *   <li>Owners: the model leaves them out on purpose (they differ between environments); privileges are compared as
 *   the model compares them, without the owner's own entries, and only when the case compares privileges.</li>
 *   <li>Node trees ({@code adbin}, {@code conbin}, {@code indexprs}, {@code relpartbound}, ...) hold OIDs and source
 *   positions: they are replaced by their deparsed text.</li>
 *   <li>{@code attndims} (not enforced by PostgreSQL, and not shown by pg_dump) and {@code collversion}.</li>
 *   <li>Ordering: pg_dump orders sections by dependency; here entries are sorted by key, so creation order does not
 *   count. Enum labels keep their order (their position among the type's labels, not the float sort key).</li>
 * </ul>
 * Names are printed with an empty {@code search_path}, so every user name is schema-qualified.
 */
public final class SchemaDump {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** User namespaces, on the alias {@code n}. */
    private static final String USER = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    private final Map<String, String> entries;

    private SchemaDump(Map<String, String> entries) {
        this.entries = entries;
    }

    public Map<String, String> entries() {
        return entries;
    }

    /** Reads the dump of the database behind {@code connection}; {@code privileges}: compare GRANTs too. */
    public static SchemaDump read(Connection connection, boolean privileges) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        // inside a caller's transaction (a schema read before it is rolled back), only this read is undone
        boolean autoCommit = connection.getAutoCommit();
        java.sql.Savepoint savepoint = autoCommit ? null : connection.setSavepoint();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL search_path = ''");
            try (ResultSet rs = st.executeQuery(sql(privileges))) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    String body = rs.getString(2);
                    // a key seen twice (should not happen) stays visible instead of hiding one row
                    while (out.containsKey(key)) {
                        key = key + "'";
                    }
                    out.put(key, body);
                }
            }
        } finally {
            if (savepoint == null) {
                connection.rollback();
            } else {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            }
            connection.setAutoCommit(autoCommit);
        }
        return new SchemaDump(out);
    }

    /**
     * The differences from {@code expected}, one line each: a missing or unexpected entry, or one field of an entry,
     * expected vs actual. Empty when the dumps are equal.
     */
    public List<String> differencesFrom(SchemaDump expected) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entries.entrySet()) {
            String actual = entries.get(e.getKey());
            if (actual == null) {
                out.add("missing " + e.getKey() + " " + e.getValue());
            } else if (!actual.equals(e.getValue())) {
                out.add(e.getKey() + ": " + fieldDifferences(e.getValue(), actual));
            }
        }
        for (Map.Entry<String, String> a : entries.entrySet()) {
            if (!expected.entries.containsKey(a.getKey())) {
                out.add("unexpected " + a.getKey() + " " + a.getValue());
            }
        }
        return out;
    }

    private static String fieldDifferences(String expected, String actual) {
        try {
            JsonNode e = JSON.readTree(expected);
            JsonNode a = JSON.readTree(actual);
            TreeSet<String> fields = new TreeSet<>();
            e.fieldNames().forEachRemaining(fields::add);
            a.fieldNames().forEachRemaining(fields::add);
            List<String> parts = new ArrayList<>();
            for (String field : fields) {
                JsonNode ev = e.get(field);
                JsonNode av = a.get(field);
                if (ev == null || av == null || !ev.equals(av)) {
                    parts.add(field + " expected " + ev + " but was " + av);
                }
            }
            return String.join(", ", parts);
        } catch (java.io.IOException ex) {
            return "expected " + expected + " but was " + actual;
        }
    }

    /** Privileges as sorted {@code grantee:privilege[*]} texts, without the owner's own entries; null when off. */
    private static String acl(boolean privileges, String acl, String kind, String owner) {
        if (!privileges) {
            return "NULL::jsonb";
        }
        String entries = kind == null ? acl : "coalesce(" + acl + ", acldefault('" + kind + "', " + owner + "))";
        // aclexplode refuses the zero-dimensional empty array that revoking everything leaves
        return "CASE WHEN coalesce(cardinality(" + entries + "), 0) = 0 THEN '[]'::jsonb ELSE"
                + " (SELECT coalesce(jsonb_agg(x ORDER BY x), '[]') FROM (SELECT CASE WHEN g.grantee = 0 THEN 'PUBLIC'"
                + " ELSE pg_get_userbyid(g.grantee) END || ':' || g.privilege_type"
                + " || CASE WHEN g.is_grantable THEN '*' ELSE '' END AS x"
                + " FROM aclexplode(" + entries + ") g WHERE g.grantee <> " + owner + ") p) END";
    }

    /** Storage options are a set: {@code SET (b, a)} stores them in another order than {@code WITH (a, b)}. */
    private static String sortedArray(String array) {
        return "(SELECT jsonb_agg(o ORDER BY o) FROM unnest(" + array + ") o)";
    }

    private static String notExtensionMember(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass"
                + " AND e.objid = " + oid + " AND e.deptype = 'e')";
    }

    private static String drop(String... fields) {
        return " - ARRAY['" + String.join("','", fields) + "']";
    }

    private static final String RELATION_KINDS = "('r','p','v','m','S','f','c','i','I')";

    static String sql(boolean privileges) {
        List<String> parts = new ArrayList<>();
        parts.add("SELECT 'schema ' || quote_ident(n.nspname), jsonb_build_object('acl', "
                + acl(privileges, "n.nspacl", "n", "n.nspowner") + ") FROM pg_namespace n WHERE " + USER
                + " AND " + notExtensionMember("pg_namespace", "n.oid"));
        parts.add("SELECT 'extension ' || quote_ident(x.extname), jsonb_build_object('version', x.extversion,"
                + " 'schema', x.extnamespace::regnamespace::text, 'relocatable', x.extrelocatable) FROM pg_extension x");
        parts.add("SELECT 'relation ' || c.oid::regclass::text, (to_jsonb(c)" + drop("oid", "relnamespace", "reltype",
                "reloftype", "relowner", "relam", "relfilenode", "reltablespace", "relpages", "reltuples",
                "relallvisible", "reltoastrelid", "relhasindex", "relhasrules", "relhastriggers", "relhassubclass",
                "relnatts", "relrewrite", "relfrozenxid", "relminmxid", "relacl", "relpartbound", "reloptions")
                + ") || jsonb_build_object('relam', am.amname, 'reloptions', " + sortedArray("c.reloptions") + ","
                + " 'reloftype', CASE WHEN c.reloftype = 0 THEN NULL ELSE format_type(c.reloftype, NULL) END,"
                + " 'relpartbound', pg_get_expr(c.relpartbound, c.oid),"
                + " 'relacl', " + acl(privileges, "c.relacl", "r", "c.relowner") + ")"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam"
                + " WHERE c.relkind IN " + RELATION_KINDS + " AND " + USER + " AND "
                + notExtensionMember("pg_class", "c.oid"));
        parts.add("SELECT 'column ' || c.oid::regclass::text || '.' || quote_ident(a.attname), (to_jsonb(a)"
                + drop("attrelid", "atttypid", "attnum", "attcacheoff", "atthasmissing", "attmissingval",
                "attcollation", "attacl", "attndims", "attoptions")
                + ") || jsonb_build_object('type', format_type(a.atttypid, a.atttypmod),"
                + " 'attoptions', " + sortedArray("a.attoptions") + ","
                + " 'collation', CASE WHEN a.attcollation = 0 THEN NULL ELSE a.attcollation::regcollation::text END,"
                + " 'attacl', " + acl(privileges, "a.attacl", null, "c.relowner") + ")"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','v','m','f','c') AND " + USER
                + " AND " + notExtensionMember("pg_class", "c.oid"));
        parts.add("SELECT 'default ' || d.adrelid::regclass::text || '.' || quote_ident(a.attname),"
                + " jsonb_build_object('expr', pg_get_expr(d.adbin, d.adrelid))"
                + " FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                + " JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER
                + " AND " + notExtensionMember("pg_class", "c.oid"));
        parts.add("SELECT 'constraint ' || CASE WHEN co.conrelid <> 0 THEN co.conrelid::regclass::text"
                + " ELSE co.contypid::regtype::text END || ' ' || quote_ident(co.conname), (to_jsonb(co)"
                + drop("oid", "connamespace", "conrelid", "contypid", "conindid", "conparentid", "confrelid", "conkey",
                "confkey", "conpfeqop", "conppeqop", "conffeqop", "confdelsetcols", "conexclop", "conbin")
                + ") || jsonb_build_object('def', pg_get_constraintdef(co.oid),"
                + " 'index', CASE WHEN co.conindid = 0 THEN NULL ELSE co.conindid::regclass::text END,"
                + " 'parent', (SELECT p.conrelid::regclass::text || ' ' || quote_ident(p.conname) FROM pg_constraint p"
                + " WHERE p.oid = co.conparentid))"
                + " FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE " + USER
                + " AND " + notExtensionMember("pg_constraint", "co.oid")
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass"
                + " AND e.objid = co.conrelid AND e.deptype = 'e')");
        parts.add("SELECT 'index ' || i.indexrelid::regclass::text, (to_jsonb(i)" + drop("indexrelid", "indrelid",
                "indcheckxmin", "indkey", "indcollation", "indclass", "indoption", "indexprs", "indpred")
                + ") || jsonb_build_object('def', pg_get_indexdef(i.indexrelid))"
                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER + " AND " + notExtensionMember("pg_class", "c.oid"));
        parts.add("SELECT 'inherits ' || h.inhrelid::regclass::text || ' from ' || h.inhparent::regclass::text,"
                + " jsonb_build_object('seqno', h.inhseqno, 'detachpending', h.inhdetachpending)"
                + " FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER + " AND " + notExtensionMember("pg_class", "c.oid"));
        parts.add("SELECT 'partition key ' || p.partrelid::regclass::text, jsonb_build_object('key',"
                + " pg_get_partkeydef(p.partrelid), 'default',"
                + " CASE WHEN p.partdefid = 0 THEN NULL ELSE p.partdefid::regclass::text END)"
                + " FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER + " AND "
                + notExtensionMember("pg_class", "c.oid"));
        parts.add("SELECT 'trigger ' || t.tgrelid::regclass::text || ' ' || quote_ident(t.tgname),"
                + " jsonb_build_object('def', pg_get_triggerdef(t.oid), 'enabled', t.tgenabled,"
                + " 'parent', (SELECT p.tgrelid::regclass::text FROM pg_trigger p WHERE p.oid = t.tgparentid))"
                + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE NOT t.tgisinternal AND " + USER + " AND " + notExtensionMember("pg_class", "c.oid"));
        parts.add("SELECT 'rule ' || r.ev_class::regclass::text || ' ' || quote_ident(r.rulename),"
                + " jsonb_build_object('def', pg_get_ruledef(r.oid), 'enabled', r.ev_enabled)"
                + " FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER + " AND " + notExtensionMember("pg_class", "c.oid"));
        parts.add("SELECT 'policy ' || p.polrelid::regclass::text || ' ' || quote_ident(p.polname),"
                + " jsonb_build_object('cmd', p.polcmd, 'permissive', p.polpermissive,"
                + " 'roles', (SELECT jsonb_agg(x ORDER BY x) FROM (SELECT CASE WHEN r = 0"
                + " THEN 'PUBLIC' ELSE pg_get_userbyid(r) END AS x FROM unnest(p.polroles) r) q), 'using', pg_get_expr(p.polqual, p.polrelid),"
                + " 'check', pg_get_expr(p.polwithcheck, p.polrelid))"
                + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER);
        parts.add("SELECT 'type ' || t.oid::regtype::text, (to_jsonb(t)" + drop("oid", "typnamespace", "typowner",
                "typrelid", "typelem", "typarray", "typbasetype", "typcollation", "typdefaultbin", "typacl")
                + ") || jsonb_build_object("
                + " 'base', CASE WHEN t.typbasetype = 0 THEN NULL ELSE format_type(t.typbasetype, t.typtypmod) END,"
                + " 'collation', CASE WHEN t.typcollation = 0 THEN NULL ELSE t.typcollation::regcollation::text END,"
                + " 'typacl', " + acl(privileges, "t.typacl", "T", "t.typowner") + ")"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + USER
                + " AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)"
                + " AND (t.typrelid = 0 OR (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c')"
                + " AND " + notExtensionMember("pg_type", "t.oid"));
        parts.add("SELECT 'enum label ' || e.enumtypid::regtype::text || ' ' || quote_literal(e.enumlabel),"
                + " jsonb_build_object('position', row_number() OVER (PARTITION BY e.enumtypid ORDER BY e.enumsortorder))"
                + " FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE " + USER + " AND " + notExtensionMember("pg_type", "t.oid"));
        parts.add("SELECT 'range ' || r.rngtypid::regtype::text, jsonb_build_object('subtype',"
                + " format_type(r.rngsubtype, NULL), 'collation', CASE WHEN r.rngcollation = 0 THEN NULL"
                + " ELSE r.rngcollation::regcollation::text END, 'opclass', (SELECT opcname FROM pg_opclass"
                + " WHERE oid = r.rngsubopc), 'canonical', r.rngcanonical::text, 'subdiff', r.rngsubdiff::text,"
                + " 'multirange', r.rngmultitypid::regtype::text)"
                + " FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE " + USER + " AND " + notExtensionMember("pg_type", "t.oid"));
        parts.add("SELECT 'routine ' || p.oid::regprocedure::text, (to_jsonb(p)" + drop("oid", "pronamespace",
                "proowner", "prolang", "provariadic", "prorettype", "proargtypes", "proallargtypes", "proargdefaults",
                "protrftypes", "prosqlbody", "proacl")
                + ") || jsonb_build_object('language', (SELECT lanname FROM pg_language WHERE oid = p.prolang),"
                + " 'arguments', pg_get_function_arguments(p.oid), 'result', pg_get_function_result(p.oid),"
                + " 'sqlbody', CASE WHEN p.prosqlbody IS NULL THEN NULL ELSE pg_get_functiondef(p.oid) END,"
                + " 'proacl', " + acl(privileges, "p.proacl", "f", "p.proowner") + ")"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER
                + " AND " + notExtensionMember("pg_proc", "p.oid"));
        parts.add("SELECT 'operator ' || o.oid::regoperator::text, jsonb_build_object('kind', o.oprkind,"
                + " 'merges', o.oprcanmerge, 'hashes', o.oprcanhash, 'result', format_type(o.oprresult, NULL),"
                + " 'commutator', CASE WHEN o.oprcom = 0 THEN NULL ELSE o.oprcom::regoperator::text END,"
                + " 'negator', CASE WHEN o.oprnegate = 0 THEN NULL ELSE o.oprnegate::regoperator::text END,"
                + " 'code', o.oprcode::text, 'restrict', o.oprrest::text, 'join', o.oprjoin::text)"
                + " FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace WHERE " + USER
                + " AND " + notExtensionMember("pg_operator", "o.oid"));
        parts.add("SELECT 'cast ' || format_type(k.castsource, NULL) || ' as ' || format_type(k.casttarget, NULL),"
                + " jsonb_build_object('function', CASE WHEN k.castfunc = 0 THEN NULL"
                + " ELSE k.castfunc::regprocedure::text END, 'context', k.castcontext, 'method', k.castmethod)"
                + " FROM pg_cast k WHERE k.oid >= 16384 AND " + notExtensionMember("pg_cast", "k.oid"));
        parts.add("SELECT 'collation ' || co.oid::regcollation::text, (to_jsonb(co)"
                + drop("oid", "collnamespace", "collowner", "collversion") + ")"
                + " FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace WHERE " + USER
                + " AND " + notExtensionMember("pg_collation", "co.oid"));
        parts.add("SELECT 'sequence options ' || s.seqrelid::regclass::text, (to_jsonb(s)"
                + drop("seqrelid", "seqtypid") + ") || jsonb_build_object('type', format_type(s.seqtypid, NULL))"
                + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + USER + " AND " + notExtensionMember("pg_class", "c.oid"));
        // a sequence's owner column (OWNED BY, serial, identity): pg_dump shows it; only pg_depend holds it
        parts.add("SELECT 'sequence owner ' || d.objid::regclass::text, jsonb_build_object('column',"
                + " d.refobjid::regclass::text || '.' || quote_ident(a.attname), 'kind', d.deptype)"
                + " FROM pg_depend d JOIN pg_class c ON c.oid = d.objid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                + " WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
                + " AND c.relkind = 'S' AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0 AND " + USER);
        parts.add("SELECT 'statistics ' || quote_ident(n.nspname) || '.' || quote_ident(s.stxname),"
                + " jsonb_build_object('def', pg_get_statisticsobjdef(s.oid), 'target', s.stxstattarget)"
                + " FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE " + USER);
        parts.add("SELECT 'event trigger ' || quote_ident(e.evtname), jsonb_build_object('event', e.evtevent,"
                + " 'function', e.evtfoid::regprocedure::text, 'enabled', e.evtenabled, 'tags', e.evttags)"
                + " FROM pg_event_trigger e");
        // comments on every user object (OIDs of user objects start at 16384), named as PostgreSQL describes them
        parts.add("SELECT 'comment on ' || pg_describe_object(d.classoid, d.objoid, d.objsubid),"
                + " jsonb_build_object('text', d.description) FROM pg_description d"
                + " WHERE d.objoid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = d.classoid"
                + " AND e.objid = d.objoid AND e.deptype = 'e')");
        if (privileges) {
            parts.add("SELECT 'default privileges ' || pg_get_userbyid(a.defaclrole) || ' ' || a.defaclobjtype::text"
                    + " || coalesce(' in ' || a.defaclnamespace::regnamespace::text, ''), jsonb_build_object('acl', "
                    + acl(true, "a.defaclacl", null, "a.defaclrole") + ") FROM pg_default_acl a");
        }
        return String.join("\nUNION ALL\n", parts.stream().map(p -> "(" + p + ")").toList());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        Iterator<Map.Entry<String, String>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            out.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        return out.toString();
    }
}
