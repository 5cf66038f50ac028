package io.automigrate.diff;

import io.automigrate.testing.Convergence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Functions and procedures end to end on PostgreSQL. */
class RoutineConvergenceTest {
    private static final String TABLES = "CREATE TABLE public.items (id integer PRIMARY KEY, price numeric, name text);";

    @Test
    void overloadsAreToldApartAndOnlyTheChangedOneIsReplaced() {
        Convergence.Result proof = Convergence.check(
                "CREATE FUNCTION public.area(r numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT 3.14 * r * r';"
                        + "CREATE FUNCTION public.area(w numeric, h numeric) RETURNS numeric LANGUAGE sql"
                        + " IMMUTABLE AS 'SELECT w * h';",
                "CREATE FUNCTION public.area(r numeric) RETURNS numeric LANGUAGE sql IMMUTABLE"
                        + " AS 'SELECT pi() * r * r';"
                        + "CREATE FUNCTION public.area(w numeric, h numeric) RETURNS numeric LANGUAGE sql"
                        + " IMMUTABLE AS 'SELECT w * h';"
                        + "CREATE FUNCTION public.area(s integer) RETURNS integer LANGUAGE sql IMMUTABLE"
                        + " RETURN s * s;");
        assertEquals(2, proof.migration().changes().size(), proof.forwardSql().strip());
        assertTrue(proof.forwardSql().contains("SET check_function_bodies = off;\n"
                + "CREATE OR REPLACE FUNCTION public.area(r numeric)\n"), proof.forwardSql().strip());
        assertTrue(proof.rollbackSql().contains("DROP FUNCTION public.area(s integer);"), proof.rollbackSql().strip());
    }

    @Test
    void changedReturnTypeRecreatesTheFunctionAndTheViewUsingIt() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE FUNCTION public.net(p numeric) RETURNS numeric LANGUAGE sql IMMUTABLE RETURN p * 0.8;"
                        + "CREATE VIEW public.prices AS SELECT id, public.net(price) AS net FROM public.items;",
                TABLES + "CREATE FUNCTION public.net(p numeric) RETURNS double precision LANGUAGE sql IMMUTABLE"
                        + " RETURN p * 0.8;"
                        + "CREATE VIEW public.prices AS SELECT id, public.net(price) AS net FROM public.items;");
        assertTrue(proof.forwardSql().startsWith("DROP VIEW public.prices;\nDROP FUNCTION public.net(p numeric);\n"),
                proof.forwardSql().strip());
    }

    @Test
    void plpgsqlBodyChangeAndCommentsAndProcedure() {
        String proc = "CREATE PROCEDURE public.reprice(factor numeric) LANGUAGE plpgsql AS $$"
                + " BEGIN UPDATE public.items SET price = price * factor; END $$;";
        Convergence.Result proof = Convergence.check(TABLES + proc
                        + "CREATE FUNCTION public.label(i public.items) RETURNS text LANGUAGE plpgsql AS $$"
                        + " BEGIN RETURN i.name; END $$;"
                        + "COMMENT ON FUNCTION public.label(public.items) IS 'old';",
                TABLES + proc.replace("factor;", "factor WHERE price > 0;")
                        + "COMMENT ON PROCEDURE public.reprice(numeric) IS 'changes prices';"
                        + "CREATE FUNCTION public.label(i public.items) RETURNS text LANGUAGE plpgsql AS $$"
                        + " BEGIN RETURN upper(i.name); END $$;");
        assertFalse(proof.forwardSql().contains("check_function_bodies"), proof.forwardSql().strip());
        assertTrue(proof.forwardSql().contains("COMMENT ON FUNCTION public.label(i public.items) IS NULL;"),
                proof.forwardSql().strip());
        assertTrue(proof.forwardSql().contains("COMMENT ON PROCEDURE public.reprice(IN factor numeric)"
                + " IS 'changes prices';"), proof.forwardSql().strip());
    }

    @Test
    void renamedParameterRecreatesAndDefaultsMatter() {
        Convergence.check(
                "CREATE FUNCTION public.f(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE sql RETURN a + b;",
                "CREATE FUNCTION public.f(x integer, b integer) RETURNS integer LANGUAGE sql RETURN x + b;");
    }

    @Test
    void sqlFunctionReadingATableIsCreatedWhateverTheOrder() {
        Convergence.check(TABLES,
                TABLES + "CREATE FUNCTION public.cheapest() RETURNS numeric LANGUAGE sql STABLE"
                        + " AS 'SELECT min(price) FROM public.items';"
                        + "CREATE FUNCTION public.setof_items() RETURNS SETOF public.items LANGUAGE sql"
                        + " BEGIN ATOMIC SELECT * FROM public.items; END;");
    }

    @Test
    void privilegesOnlyWithPrivileges() {
        String from = "CREATE ROLE automigrate_reader NOLOGIN;".replace("CREATE ROLE", "DO $$ BEGIN IF NOT EXISTS"
                + " (SELECT 1 FROM pg_roles WHERE rolname = 'automigrate_reader') THEN CREATE ROLE") .replace(
                "NOLOGIN;", "NOLOGIN; END IF; END $$;")
                + "CREATE FUNCTION public.g() RETURNS integer LANGUAGE sql RETURN 1;";
        String to = from + "REVOKE EXECUTE ON FUNCTION public.g() FROM PUBLIC;"
                + "GRANT EXECUTE ON FUNCTION public.g() TO automigrate_reader;"
                + "CREATE FUNCTION public.h() RETURNS integer LANGUAGE sql RETURN 2;"
                + "REVOKE ALL ON FUNCTION public.h() FROM PUBLIC;";
        Convergence.Result with = Convergence.check(from, to,
                new DiffOptions(true, io.automigrate.diff.RenameHints.none()));
        assertTrue(with.forwardSql().contains("REVOKE EXECUTE ON FUNCTION public.g() FROM PUBLIC;\n"
                + "GRANT EXECUTE ON FUNCTION public.g() TO automigrate_reader;"), with.forwardSql().strip());
        Convergence.Result without = Convergence.check(from, to);
        assertFalse(without.forwardSql().contains("GRANT"), without.forwardSql().strip());
    }

    @Test
    void newBodyUnderAnIndexAndAMaterializedViewRebuildsThem() {
        String table = TABLES + "CREATE FUNCTION public.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE RETURN lower(t);";
        String dependants = "CREATE MATERIALIZED VIEW public.names AS SELECT public.norm(name) AS n FROM public.items;"
                + "CREATE INDEX names_n ON public.names (n);"
                + "CREATE INDEX items_norm ON public.items (public.norm(name));";
        try (var current = io.automigrate.testing.TestPostgres.newDatabase("norm_from");
             var desired = io.automigrate.testing.TestPostgres.newDatabase("norm_to")) {
            io.automigrate.testing.TestPostgres.execute(current, table + dependants);
            io.automigrate.testing.TestPostgres.execute(desired, table.replace("lower(t)", "upper(t)") + dependants);
            var from = inspect(current);
            var to = inspect(desired);
            java.util.List<Change> changes = SchemaDiffer.diff(from, to, DiffOptions.defaults()).changes();
            RoutineChanges.ReplaceRoutine replace = (RoutineChanges.ReplaceRoutine) changes.stream()
                    .filter(c -> c instanceof RoutineChanges.ReplaceRoutine).findFirst().orElseThrow();
            assertTrue(replace.rebuildDependants());
            assertEquals(java.util.Set.of(replace.target()), replace.invalidates());
            // the materialized view, which stores what the old body computed, is re-created around the change
            java.util.List<String> steps = changes.stream().map(Change::describe).toList();
            int replaced = steps.indexOf("replace function public.norm(t text)");
            assertTrue(steps.indexOf("drop materialized view public.names") < replaced, steps.toString());
            assertTrue(steps.indexOf("create materialized view public.names") > replaced, steps.toString());
            // the index on the table depends on the function: the table family re-creates it from forcedRecreate
            assertTrue(from.dependentsOf(replace.target()).stream()
                    .anyMatch(d -> d.kind() == io.automigrate.catalog.ObjectKind.INDEX), from.dependencies().toString());
        }
    }

    private static io.automigrate.catalog.Catalog inspect(io.automigrate.shadow.ShadowDatabase database) {
        try (java.sql.Connection c = database.connect()) {
            return io.automigrate.inspect.CatalogInspector.inspect(c, io.automigrate.inspect.InspectOptions.all());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
