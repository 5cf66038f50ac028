package io.automigrate.inspect;

import io.automigrate.catalog.Collation;
import io.automigrate.catalog.Extension;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Schema;

import java.util.ArrayList;
import java.util.List;

import static io.automigrate.inspect.CatalogSql.IN_SCOPE;
import static io.automigrate.inspect.CatalogSql.SYSTEM_SCHEMA;
import static io.automigrate.inspect.CatalogSql.comment;
import static io.automigrate.inspect.CatalogSql.grants;
import static io.automigrate.inspect.CatalogSql.notExtensionMember;

/** Schemas and extensions. */
final class SchemaReader {
    private static final String SCHEMAS = "SELECT n.oid, n.nspname, "
            + comment("pg_namespace", "n.oid") + " AS comment, "
            + grants("n.nspacl", "n", "n.nspowner") + " AS grants"
            + " FROM pg_namespace n"
            + " WHERE NOT " + SYSTEM_SCHEMA + " AND " + notExtensionMember("pg_namespace", "n.oid");

    private static final String EXTENSIONS = "SELECT x.oid, x.extname, n.nspname, x.extversion, "
            + comment("pg_extension", "x.oid") + " AS comment"
            + " FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace"
            + " WHERE " + IN_SCOPE;

    // colllocale is PostgreSQL 17's name (colliculocale before); collicurules exists from 16: read them by name
    private static final String COLLATIONS = "SELECT co.oid, n.nspname, co.collname,"
            + " CASE co.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END AS provider,"
            + " coalesce(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale') AS locale,"
            + " co.collcollate, co.collctype, co.collisdeterministic, to_jsonb(co) ->> 'collicurules' AS rules, "
            + comment("pg_collation", "co.oid") + " AS comment"
            + " FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace"
            + " WHERE " + IN_SCOPE + " AND " + notExtensionMember("pg_collation", "co.oid");

    private SchemaReader() {
    }

    /** User schemas that {@code options} include. */
    static List<Schema> schemas(CatalogQueries queries, InspectOptions options, ObjectIds ids) {
        List<Schema> schemas = new ArrayList<>();
        queries.each("schemas", SCHEMAS, row -> {
            if (options.includes(row.text("nspname"))) {
                Schema schema = new Schema(row.text("nspname"), row.text("comment"), row.grants("grants"));
                ids.add(ObjectIds.NAMESPACE, row.number("oid"), schema.ref());
                schemas.add(schema);
            }
        });
        return schemas;
    }

    /** Collations made with CREATE COLLATION in a schema in scope. */
    static List<Collation> collations(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("collations", COLLATIONS, row -> {
            Collation collation = new Collation(row.text("nspname"), row.text("collname"), row.text("provider"),
                    row.text("locale"), row.text("collcollate"), row.text("collctype"),
                    row.bool("collisdeterministic"), row.text("rules"), row.text("comment"));
            ids.add(ObjectIds.COLLATION, row.number("oid"), collation.ref());
            return collation;
        }, (Object) scope);
    }

    /** Extensions installed in a schema in scope (plpgsql lives in pg_catalog and is never read). */
    static List<Extension> extensions(CatalogQueries queries, String[] scope, ObjectIds ids) {
        return queries.list("extensions", EXTENSIONS, row -> {
            Extension extension = new Extension(row.text("extname"), row.text("nspname"), row.text("extversion"),
                    row.text("comment"));
            ids.add(ObjectIds.EXTENSION, row.number("oid"), ObjectRef.extension(extension.name()));
            return extension;
        }, (Object) scope);
    }
}
