package io.automigrate.inspect;

import io.automigrate.catalog.UnmanagedObject;

import java.util.List;

import static io.automigrate.inspect.CatalogSql.notExtensionMember;

/**
 * Objects of the kinds automigrate does not generate DDL for, read in one query so that a difference in them is
 * never invisible (see {@link UnmanagedObject}). Objects of extensions are left out, as everywhere; so are objects
 * built into PostgreSQL (an OID below 16384, where a kind has built-in rows). Schema-bound kinds are read in the
 * schemas in scope; database-wide kinds (publications, event triggers, casts, foreign-data wrappers and servers,
 * languages, access methods) always.
 */
final class UnmanagedReader {
    private UnmanagedReader() {
    }

    /** First OID of objects users create: rows below it come with PostgreSQL. */
    private static final String USER_OID = "16384";

    private static final String QUERY = "WITH scope(names) AS (SELECT ?::text[])"
            // Extended statistics: PostgreSQL prints the whole statement; the target is set by ALTER only.
            + " SELECT 'statistics' AS kind, quote_ident(n.nspname) || '.' || quote_ident(s.stxname) AS identity,"
            + " pg_get_statisticsobjdef(s.oid) || coalesce(' (statistics target ' || nullif(s.stxstattarget, -1)::text || ')', '')"
            + " AS definition, false AS privilege"
            + " FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace"
            + " WHERE n.nspname IN (SELECT unnest(names) FROM scope) AND " + notExtensionMember("pg_statistic_ext", "s.oid")
            + " UNION ALL"
            + " SELECT 'range type', quote_ident(n.nspname) || '.' || quote_ident(t.typname),"
            + " concat_ws(' ', 'subtype=' || format_type(r.rngsubtype, NULL),"
            + " 'collation=' || (SELECT co.collname FROM pg_collation co WHERE co.oid = r.rngcollation), 'opclass=' || oc.opcname,"
            + " 'canonical=' || nullif(r.rngcanonical::oid, 0)::regproc::text,"
            + " 'subtype_diff=' || nullif(r.rngsubdiff::oid, 0)::regproc::text,"
            + " 'comment=' || quote_literal(obj_description(t.oid, 'pg_type'))), false"
            + " FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " JOIN pg_opclass oc ON oc.oid = r.rngsubopc"
            + " WHERE n.nspname IN (SELECT unnest(names) FROM scope) AND " + notExtensionMember("pg_type", "t.oid")
            + " UNION ALL"
            + " SELECT 'aggregate', quote_ident(n.nspname) || '.' || quote_ident(p.proname)"
            + " || '(' || pg_get_function_identity_arguments(p.oid) || ')',"
            + " concat_ws(' ', 'sfunc=' || a.aggtransfn::regprocedure::text,"
            + " 'stype=' || format_type(a.aggtranstype, NULL),"
            + " 'finalfunc=' || nullif(a.aggfinalfn::oid, 0)::regprocedure::text,"
            + " 'combinefunc=' || nullif(a.aggcombinefn::oid, 0)::regprocedure::text,"
            + " 'msfunc=' || nullif(a.aggmtransfn::oid, 0)::regprocedure::text,"
            + " 'initcond=' || quote_literal(a.agginitval), 'kind=' || a.aggkind::text,"
            + " 'sortop=' || nullif(a.aggsortop, 0)::regoperator::text, 'parallel=' || p.proparallel::text,"
            + " 'comment=' || quote_literal(obj_description(p.oid, 'pg_proc'))), false"
            + " FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname IN (SELECT unnest(names) FROM scope) AND " + notExtensionMember("pg_proc", "p.oid")
            + " UNION ALL"
            + " SELECT 'operator', o.oid::regoperator::text,"
            + " concat_ws(' ', 'function=' || o.oprcode::regprocedure::text,"
            + " 'commutator=' || nullif(o.oprcom, 0)::regoperator::text,"
            + " 'negator=' || nullif(o.oprnegate, 0)::regoperator::text,"
            + " 'restrict=' || nullif(o.oprrest::oid, 0)::regproc::text, 'join=' || nullif(o.oprjoin::oid, 0)::regproc::text,"
            + " 'merges=' || o.oprcanmerge::text, 'hashes=' || o.oprcanhash::text), false"
            + " FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace"
            + " WHERE o.oid >= " + USER_OID + " AND n.nspname IN (SELECT unnest(names) FROM scope)"
            + " AND " + notExtensionMember("pg_operator", "o.oid")
            + " UNION ALL"
            + " SELECT 'operator class', quote_ident(n.nspname) || '.' || quote_ident(c.opcname) || ' USING ' || am.amname,"
            + " concat_ws(' ', 'for=' || format_type(c.opcintype, NULL), 'default=' || c.opcdefault::text,"
            + " 'family=' || f.opfname, 'members=' || (SELECT string_agg(ao.amopstrategy || ':' || ao.amopopr::regoperator::text,"
            + " ',' ORDER BY ao.amopstrategy) FROM pg_amop ao WHERE ao.amopfamily = c.opcfamily)), false"
            + " FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace JOIN pg_am am ON am.oid = c.opcmethod"
            + " JOIN pg_opfamily f ON f.oid = c.opcfamily"
            + " WHERE c.oid >= " + USER_OID + " AND n.nspname IN (SELECT unnest(names) FROM scope)"
            + " AND " + notExtensionMember("pg_opclass", "c.oid")
            + " UNION ALL"
            + " SELECT 'text search configuration', quote_ident(n.nspname) || '.' || quote_ident(c.cfgname),"
            + " concat_ws(' ', 'parser=' || c.cfgparser::regproc::text, 'mappings=' || (SELECT string_agg("
            + " m.maptokentype || ':' || m.mapseqno::text || ':' || m.mapdict::regdictionary::text, ','"
            + " ORDER BY m.maptokentype, m.mapseqno) FROM pg_ts_config_map m WHERE m.mapcfg = c.oid),"
            + " 'comment=' || quote_literal(obj_description(c.oid, 'pg_ts_config'))), false"
            + " FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace"
            + " WHERE c.oid >= " + USER_OID + " AND n.nspname IN (SELECT unnest(names) FROM scope)"
            + " AND " + notExtensionMember("pg_ts_config", "c.oid")
            + " UNION ALL"
            + " SELECT 'text search dictionary', quote_ident(n.nspname) || '.' || quote_ident(d.dictname),"
            + " concat_ws(' ', 'template=' || d.dicttemplate::regproc::text, 'options=' || d.dictinitoption), false"
            + " FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace"
            + " WHERE d.oid >= " + USER_OID + " AND n.nspname IN (SELECT unnest(names) FROM scope)"
            + " AND " + notExtensionMember("pg_ts_dict", "d.oid")
            + " UNION ALL"
            + " SELECT 'cast', '(' || format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) || ')',"
            + " concat_ws(' ', 'function=' || nullif(c.castfunc, 0)::regprocedure::text, 'context=' || c.castcontext::text,"
            + " 'method=' || c.castmethod::text), false"
            // a range type makes its multirange cast itself (an internal dependency)
            + " FROM pg_cast c WHERE c.oid >= " + USER_OID + " AND " + notExtensionMember("pg_cast", "c.oid")
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_cast'::regclass AND i.objid = c.oid"
            + " AND i.deptype = 'i')"
            + " UNION ALL"
            + " SELECT 'publication', quote_ident(p.pubname),"
            + " concat_ws(' ', 'all tables=' || p.puballtables::text, 'insert=' || p.pubinsert::text, 'update=' || p.pubupdate::text,"
            + " 'delete=' || p.pubdelete::text, 'truncate=' || p.pubtruncate::text, 'via root=' || p.pubviaroot::text,"
            + " 'tables=' || (SELECT string_agg(quote_ident(t.schemaname) || '.' || quote_ident(t.tablename), ','"
            + " ORDER BY t.schemaname, t.tablename) FROM pg_publication_tables t WHERE t.pubname = p.pubname)), false"
            + " FROM pg_publication p"
            + " UNION ALL"
            + " SELECT 'event trigger', quote_ident(et.evtname),"
            + " concat_ws(' ', 'on ' || et.evtevent, 'function=' || et.evtfoid::regprocedure::text,"
            + " 'enabled=' || et.evtenabled::text, 'tags=' || array_to_string(et.evttags, ',')), false"
            + " FROM pg_event_trigger et WHERE " + notExtensionMember("pg_event_trigger", "et.oid")
            + " UNION ALL"
            + " SELECT 'foreign-data wrapper', quote_ident(w.fdwname),"
            + " concat_ws(' ', 'handler=' || nullif(w.fdwhandler, 0)::regproc::text,"
            + " 'validator=' || nullif(w.fdwvalidator, 0)::regproc::text,"
            + " 'options=' || array_to_string(w.fdwoptions, ',')), false"
            + " FROM pg_foreign_data_wrapper w WHERE " + notExtensionMember("pg_foreign_data_wrapper", "w.oid")
            + " UNION ALL"
            + " SELECT 'foreign server', quote_ident(s.srvname),"
            + " concat_ws(' ', 'wrapper=' || w.fdwname, 'type=' || s.srvtype, 'version=' || s.srvversion,"
            + " 'options=' || array_to_string(s.srvoptions, ',')), false"
            + " FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw"
            + " WHERE " + notExtensionMember("pg_foreign_server", "s.oid")
            + " UNION ALL"
            + " SELECT 'language', quote_ident(l.lanname),"
            + " concat_ws(' ', 'handler=' || nullif(l.lanplcallfoid, 0)::regprocedure::text, 'trusted=' || l.lanpltrusted::text),"
            + " false FROM pg_language l WHERE l.oid >= " + USER_OID + " AND " + notExtensionMember("pg_language", "l.oid")
            + " UNION ALL"
            + " SELECT 'access method', quote_ident(a.amname),"
            + " concat_ws(' ', 'type=' || a.amtype::text, 'handler=' || a.amhandler::regproc::text), false"
            + " FROM pg_am a WHERE a.oid >= " + USER_OID + " AND " + notExtensionMember("pg_am", "a.oid")
            + " UNION ALL"
            // Default privileges: who grants them is a role, so they are compared with the other privileges.
            + " SELECT 'default privileges', concat_ws(' ', 'for role ' || quote_ident(pg_get_userbyid(d.defaclrole)),"
            + " 'in schema ' || quote_ident(n.nspname), 'on ' || CASE d.defaclobjtype WHEN 'r' THEN 'tables'"
            + " WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas'"
            + " ELSE d.defaclobjtype::text END), array_to_string(d.defaclacl, ','), true"
            + " FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace"
            + " WHERE d.defaclnamespace = 0 OR n.nspname IN (SELECT unnest(names) FROM scope)";

    static List<UnmanagedObject> read(CatalogQueries queries, String[] scope) {
        return queries.list("objects automigrate does not generate", QUERY,
                row -> new UnmanagedObject(row.text("kind"), row.text("identity"), row.text("definition"),
                        row.bool("privilege")), (Object) scope);
    }
}
