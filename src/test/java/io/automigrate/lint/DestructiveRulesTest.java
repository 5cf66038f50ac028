package io.automigrate.lint;

import io.automigrate.catalog.Catalog;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.RenameHints;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestructiveRulesTest {
    private static Catalog load(String sql) throws Exception {
        try (ShadowDatabase db = TestPostgres.newDatabase("lint")) {
            TestPostgres.execute(db, sql);
            try (Connection c = db.connect()) {
                return CatalogInspector.inspect(c, InspectOptions.all());
            }
        }
    }

    private static List<Finding> findings(String from, String to, RenameHints hints) throws Exception {
        Catalog before = load(from);
        Catalog after = load(to);
        RenderedMigration migration = MigrationRenderer.render(SchemaDiffer.diff(before, after, new DiffOptions(false, hints)));
        return DestructiveRules.check(before, after, migration);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).sorted().toList();
    }

    @Test
    void dropsOfTablesColumnsAndSchemasAreErrors() throws Exception {
        List<Finding> found = findings("""
                CREATE SCHEMA billing;
                CREATE TABLE billing.invoices (id int);
                CREATE TABLE users (id int, legacy text, name varchar(200));
                """, "CREATE TABLE users (id int, name varchar(50));", RenameHints.none());
        assertEquals(List.of("AM101", "AM102", "AM103", "AM104"), codes(found));
        assertTrue(found.stream().allMatch(f -> f.severity() == Severity.ERROR));
        Finding column = found.stream().filter(f -> f.code().equals("AM102")).findFirst().orElseThrow();
        assertEquals("column public.users.legacy", column.target().toString());
        assertTrue(column.statement().contains("DROP COLUMN legacy"), column.statement());
        assertTrue(column.detail().contains("automigrate:renamed-from legacy"), column.detail());
    }

    @Test
    void removedEnumValueIsReported() throws Exception {
        List<Finding> found = findings("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');",
                "CREATE TYPE mood AS ENUM ('sad', 'happy');", RenameHints.none());
        assertEquals(List.of("AM104"), codes(found));
        assertTrue(found.get(0).detail().contains("ok"), found.get(0).detail());
    }

    @Test
    void recreatedViewsAndWideningChangesAreNotLosses() throws Exception {
        List<Finding> found = findings("""
                CREATE TABLE t (id int, amount numeric(8,2), code varchar(10));
                CREATE VIEW v AS SELECT id, amount FROM t;
                """, """
                CREATE TABLE t (id bigint, amount numeric(12,2), code text);
                CREATE VIEW v AS SELECT id, amount FROM t;
                """, RenameHints.none());
        assertEquals(List.of(), codes(found));
    }

    @Test
    void narrowingRules() {
        assertTrue(DestructiveRules.narrower("character varying(200)", "character varying(50)"));
        assertFalse(DestructiveRules.narrower("character varying(50)", "character varying(200)"));
        assertTrue(DestructiveRules.narrower("text", "character varying(50)"));
        assertFalse(DestructiveRules.narrower("character varying(50)", "text"));
        assertTrue(DestructiveRules.narrower("bigint", "integer"));
        assertFalse(DestructiveRules.narrower("smallint", "bigint"));
        assertTrue(DestructiveRules.narrower("numeric(12,2)", "numeric(8,2)"));
        assertTrue(DestructiveRules.narrower("numeric(12,4)", "numeric(12,2)"));
        assertFalse(DestructiveRules.narrower("numeric(8,2)", "numeric(12,2)"));
        assertTrue(DestructiveRules.narrower("numeric", "numeric(10,2)"));
        assertTrue(DestructiveRules.narrower("double precision", "real"));
        assertTrue(DestructiveRules.narrower("numeric", "integer"));
        assertFalse(DestructiveRules.narrower("integer", "text"));
    }
}
