package io.automigrate.inspect;

import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import io.automigrate.catalog.ServerFacts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.automigrate.inspect.CatalogSql.IN_SCOPE;
import static io.automigrate.inspect.CatalogSql.collationName;
import static io.automigrate.inspect.CatalogSql.comment;
import static io.automigrate.inspect.CatalogSql.notExtensionMember;

/** Enum, composite and domain types. */
final class TypeReader {
    private static final String TYPE_COLUMNS = "t.oid, t.typarray, n.nspname, t.typname, "
            + comment("pg_type", "t.oid") + " AS comment";
    private static final String TYPE_FROM = " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace";
    private static final String TYPE_IN_SCOPE = " AND " + IN_SCOPE + " AND " + notExtensionMember("pg_type", "t.oid");

    private static final String ENUMS = "SELECT " + TYPE_COLUMNS + ","
            + " ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
            + " AS labels"
            + TYPE_FROM + " WHERE t.typtype = 'e'" + TYPE_IN_SCOPE;

    private static final String COMPOSITES = "SELECT " + TYPE_COLUMNS + ", t.typrelid"
            + TYPE_FROM + " JOIN pg_class c ON c.oid = t.typrelid"
            + " WHERE t.typtype = 'c' AND c.relkind = 'c'" + TYPE_IN_SCOPE;

    private static final String DOMAINS = "SELECT " + TYPE_COLUMNS + ","
            + " format_type(t.typbasetype, t.typtypmod) AS base_type,"
            + " CASE WHEN t.typcollation <> b.typcollation THEN " + collationName("t.typcollation") + " END"
            + " AS collation,"
            + " pg_get_expr(t.typdefaultbin, 0) AS default_expr, t.typnotnull,"
            // one row per CHECK: oid, name, definition, validated, comment
            + " ARRAY(SELECT ARRAY[k.oid::text, k.conname::text, pg_get_constraintdef(k.oid),"
            + "   CASE WHEN k.convalidated THEN 't' ELSE 'f' END, " + comment("pg_constraint", "k.oid") + "]"
            + "   FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c') AS checks"
            + TYPE_FROM + " JOIN pg_type b ON b.oid = t.typbasetype"
            + " WHERE t.typtype = 'd'" + TYPE_IN_SCOPE;

    // format_type(oid, NULL) names a type as a column of it is named, without modifiers ("character", not "bpchar")
    private static final String SERVER_FACTS = "SELECT current_setting('server_version_num')::int AS version,"
            + " ARRAY(SELECT ARRAY[format_type(c.castsource, NULL), format_type(c.casttarget, NULL),"
            + "   c.castcontext::text] FROM pg_cast c) AS casts,"
            + " ARRAY(SELECT format_type(t.oid, NULL) FROM pg_type t WHERE t.typcategory = 'S' AND t.typtype = 'b')"
            + " AS strings";

    private TypeReader() {
    }

    /** The server's version, casts and string types: what decides how a column's values convert to a new type. */
    static ServerFacts serverFacts(CatalogQueries queries) {
        return queries.list("casts", SERVER_FACTS, row -> new ServerFacts((int) row.number("version"),
                row.rows("casts").stream()
                        .map(c -> new ServerFacts.Cast(c.get(0), c.get(1), c.get(2).charAt(0))).toList(),
                row.texts("strings"))).get(0);
    }

    static List<EnumType> enums(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("enum types", ENUMS, row -> {
            EnumType type = new EnumType(row.text("nspname"), row.text("typname"), row.texts("labels"),
                    row.text("comment"));
            ids.add(ObjectIds.TYPE, row.number("oid"), type.ref());
            ids.add(ObjectIds.TYPE, row.number("typarray"), type.ref());
            return type;
        }, (Object) scope);
    }

    static List<CompositeType> composites(CatalogQueries queries, String[] scope,
                                          Map<Long, List<RelationReader.Attribute>> attributes, ObjectIds ids) {
        return queries.list("composite types", COMPOSITES, row -> {
            long relation = row.number("typrelid");
            List<CompositeType.Attribute> members = attributes.getOrDefault(relation, List.of()).stream()
                    .map(a -> new CompositeType.Attribute(a.name(), a.type(), a.collation())).toList();
            CompositeType type = new CompositeType(row.text("nspname"), row.text("typname"), members,
                    row.text("comment"));
            ids.add(ObjectIds.TYPE, row.number("oid"), type.ref());
            ids.add(ObjectIds.TYPE, row.number("typarray"), type.ref());
            ids.add(ObjectIds.CLASS, relation, type.ref());
            return type;
        }, (Object) scope);
    }

    static List<Domain> domains(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("domains", DOMAINS, row -> {
            List<List<String>> checks = row.rows("checks");
            Domain domain = new Domain(row.text("nspname"), row.text("typname"), row.text("base_type"),
                    row.text("collation"), row.text("default_expr"), row.bool("typnotnull"),
                    checks.stream().map(TypeReader::domainConstraint)
                            .sorted(Comparator.comparing(Domain.DomainConstraint::name)).toList(),
                    row.text("comment"));
            ids.add(ObjectIds.TYPE, row.number("oid"), domain.ref());
            ids.add(ObjectIds.TYPE, row.number("typarray"), domain.ref());
            for (List<String> check : checks) {
                // a domain's constraint stands for the domain
                ids.add(ObjectIds.CONSTRAINT, Long.parseLong(check.get(0)), domain.ref());
            }
            return domain;
        }, (Object) scope);
    }

    private static Domain.DomainConstraint domainConstraint(List<String> check) {
        return new Domain.DomainConstraint(check.get(1), RelationReader.withoutNotValid(check.get(2)),
                "t".equals(check.get(3)), check.get(4));
    }
}
