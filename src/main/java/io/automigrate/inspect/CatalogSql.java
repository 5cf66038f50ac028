package io.automigrate.inspect;

/**
 * SQL fragments shared by the catalog queries. Arguments are always fixed catalog expressions written in this
 * package (never names read from a database or given by a user).
 */
final class CatalogSql {
    /** Namespaces the inspector never reads, as a condition on the alias {@code n}. */
    static final String SYSTEM_SCHEMA = "(n.nspname IN ('pg_catalog', 'information_schema')"
            + " OR n.nspname LIKE 'pg\\_toast%' OR n.nspname LIKE 'pg\\_temp\\_%')";

    /** The objects' namespace (alias {@code n}) is one of the schemas in scope: the query's {@code text[]} parameter. */
    static final String IN_SCOPE = "n.nspname = ANY(?)";

    private CatalogSql() {
    }

    /** True unless the object is a member of an extension (pg_depend deptype 'e'). */
    static String notExtensionMember(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass"
                + " AND e.objid = " + oid + " AND e.deptype = 'e')";
    }

    /** The object's comment, or NULL. */
    static String comment(String catalog, String oid) {
        return comment(catalog, oid, "0");
    }

    /** The comment of a sub-object (a column: {@code subId} is its attnum), or NULL. */
    static String comment(String catalog, String oid, String subId) {
        return "(SELECT d.description FROM pg_description d WHERE d.objoid = " + oid
                + " AND d.classoid = '" + catalog + "'::regclass AND d.objsubid = " + subId + ")";
    }

    /**
     * Privileges as {@code text[][]} rows {@code [grantee, privilege, 't'|'f']}: the ACL, or the kind's default
     * when it is NULL, without the owner's own entries (owners differ between environments).
     * {@code kind} is {@code acldefault}'s object type; null for column ACLs, which have no default.
     */
    static String grants(String acl, String kind, String owner) {
        String entries = kind == null ? acl : "coalesce(" + acl + ", acldefault('" + kind + "', " + owner + "))";
        String exploded = "ARRAY(SELECT ARRAY[CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(g.grantee) END,"
                + " g.privilege_type, CASE WHEN g.is_grantable THEN 't' ELSE 'f' END]"
                + " FROM aclexplode(" + entries + ") g WHERE g.grantee <> " + owner + ")";
        // most columns have no ACL: NULL is cheaper to send and read than an empty array
        return kind == null ? "CASE WHEN " + acl + " IS NOT NULL THEN " + exploded + " END" : exploded;
    }

    /** A collation as PostgreSQL prints it in DDL: quoted, schema-qualified unless in pg_catalog. */
    static String collationName(String oid) {
        return "(SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname)"
                + " ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END"
                + " FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = " + oid + ")";
    }
}
