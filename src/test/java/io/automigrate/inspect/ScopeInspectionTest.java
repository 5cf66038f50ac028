package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Extension;
import io.automigrate.catalog.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is read at all: system schemas, extension members and the include/exclude options. */
class ScopeInspectionTest {
    private static final String TWO_SCHEMAS = """
            CREATE SCHEMA app;
            CREATE SCHEMA audit;
            CREATE TYPE app.mood AS ENUM ('a');
            CREATE TYPE audit.mood AS ENUM ('b');
            CREATE TYPE app.pair AS (x int);
            CREATE TYPE audit.pair AS (y int);
            CREATE DOMAIN app.d AS int;
            CREATE DOMAIN audit.d AS int;
            CREATE SEQUENCE app.s;
            CREATE SEQUENCE audit.s;
            CREATE TABLE app.t (id int);
            CREATE TABLE audit.t (id int);
            CREATE INDEX ON app.t (id);
            CREATE INDEX ON audit.t (id);
            CREATE VIEW app.v AS SELECT 1 AS one;
            CREATE VIEW audit.v AS SELECT 1 AS one;
            CREATE FUNCTION app.f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE FUNCTION audit.f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE TRIGGER tr BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.f();
            CREATE TRIGGER tr BEFORE INSERT ON audit.t FOR EACH ROW EXECUTE FUNCTION app.f();
            CREATE POLICY p ON app.t USING (true);
            CREATE POLICY p ON audit.t USING (true);
            CREATE EXTENSION pg_trgm SCHEMA audit;
            """;

    @Test
    void includeAndExcludeApplyToEveryKind() {
        Catalog onlyApp = Inspect.ddl(TWO_SCHEMAS, new InspectOptions(List.of("app"), List.of()));
        assertOnlySchema(onlyApp, "app");
        assertEquals(List.of(), onlyApp.extensions());
        Catalog notApp = Inspect.ddl(TWO_SCHEMAS, new InspectOptions(List.of(), List.of("app", "public")));
        assertOnlySchema(notApp, "audit");
        assertEquals(List.of("pg_trgm"), notApp.extensions().stream().map(Extension::name).toList());
        Catalog both = Inspect.ddl(TWO_SCHEMAS, new InspectOptions(List.of("app", "audit"), List.of("audit")));
        assertOnlySchema(both, "app");
        Catalog all = Inspect.ddl(TWO_SCHEMAS);
        assertEquals(List.of("app", "audit", "public"), all.schemas().stream().map(Schema::name).toList());
        assertEquals(2, all.triggers().size());
        assertEquals(2, all.indexes().size());
    }

    private static void assertOnlySchema(Catalog catalog, String schema) {
        assertEquals(List.of(schema), catalog.schemas().stream().map(Schema::name).toList());
        List<String> schemas = Stream.of(
                catalog.enums().stream().map(o -> o.schema()),
                catalog.compositeTypes().stream().map(o -> o.schema()),
                catalog.domains().stream().map(o -> o.schema()),
                catalog.sequences().stream().map(o -> o.schema()),
                catalog.tables().stream().map(o -> o.schema()),
                catalog.indexes().stream().map(o -> o.schema()),
                catalog.views().stream().map(o -> o.schema()),
                catalog.routines().stream().map(o -> o.schema()),
                catalog.triggers().stream().map(o -> o.schema()),
                catalog.policies().stream().map(o -> o.schema()))
                .flatMap(s -> s).distinct().toList();
        assertEquals(List.of(schema), schemas);
        assertEquals(10, catalog.enums().size() + catalog.compositeTypes().size() + catalog.domains().size()
                + catalog.sequences().size() + catalog.tables().size() + catalog.indexes().size()
                + catalog.views().size() + catalog.routines().size() + catalog.triggers().size()
                + catalog.policies().size());
    }

    @Test
    void extensionMembersAndSystemSchemasAreLeftOut() {
        Catalog catalog = Inspect.ddl("""
                CREATE EXTENSION citext;
                CREATE EXTENSION hstore;
                CREATE EXTENSION pgcrypto;
                CREATE EXTENSION btree_gist;
                CREATE TABLE t (email citext, attrs hstore, span int4range, n int,
                    EXCLUDE USING gist (n WITH =, span WITH &&));
                CREATE FUNCTION mine() RETURNS text LANGUAGE sql AS 'SELECT gen_random_uuid()::text';
                CREATE TEMP TABLE scratch (x int);
                """);
        assertEquals(List.of("btree_gist", "citext", "hstore", "pgcrypto"),
                catalog.extensions().stream().map(Extension::name).toList());
        for (Extension extension : catalog.extensions()) {
            assertEquals("public", extension.schema());
            assertTrue(extension.version().matches("\\d+\\.\\d+"), extension.version());
        }
        assertEquals("cryptographic functions", catalog.extensions().get(3).comment());
        assertEquals(List.of("mine"), catalog.routines().stream().map(r -> r.name()).toList());
        assertEquals(List.of("t"), catalog.tables().stream().map(t -> t.name()).toList());
        assertEquals(List.of("public"), catalog.schemas().stream().map(Schema::name).toList());
        assertTrue(catalog.enums().isEmpty() && catalog.domains().isEmpty() && catalog.compositeTypes().isEmpty());
        assertTrue(catalog.views().isEmpty() && catalog.sequences().isEmpty() && catalog.indexes().isEmpty());
        assertEquals("public.citext", Inspect.table(catalog, "public", "t").column("email").orElseThrow().type());
    }
}
