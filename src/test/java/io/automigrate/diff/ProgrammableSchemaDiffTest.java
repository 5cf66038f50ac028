package io.automigrate.diff;

import io.automigrate.testing.Convergence;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This family inside the whole diff ({@link SchemaDiffer}, both families, ordering), proven by the convergence
 * oracle: changes to tables that force views, routines and triggers to be re-created, and the reverse.
 */
class ProgrammableSchemaDiffTest {
    @Test
    void materializedViewWithAnIndexOverAFunctionWhoseResultTypeChanges() {
        String table = "CREATE TABLE public.items (id integer PRIMARY KEY, name text);";
        String dependants = "CREATE MATERIALIZED VIEW public.names AS SELECT id, public.norm(name) AS n"
                + " FROM public.items;"
                + "CREATE INDEX names_n ON public.names (n);"
                + "CREATE INDEX items_norm ON public.items (public.norm(name));";
        Convergence.Result result = Convergence.check(
                table + "CREATE FUNCTION public.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE RETURN lower(t);"
                        + dependants,
                table + "CREATE FUNCTION public.norm(t text) RETURNS varchar LANGUAGE sql IMMUTABLE"
                        + " RETURN lower(t)::varchar;" + dependants);
        assertTrue(result.forwardSql().contains("DROP FUNCTION public.norm(t text);"), result.forwardSql());
        assertTrue(result.forwardSql().contains("CREATE INDEX names_n"), result.forwardSql());
    }

    @Test
    void newBodyOfAnIndexedFunctionRebuildsTheIndex() {
        String table = "CREATE TABLE public.items (id integer PRIMARY KEY, name text);";
        String index = "CREATE INDEX items_norm ON public.items (public.norm(name));";
        Convergence.Result result = Convergence.check(
                table + "CREATE FUNCTION public.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE RETURN lower(t);" + index,
                table + "CREATE FUNCTION public.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE RETURN upper(t);" + index);
        assertTrue(result.forwardSql().contains("CREATE OR REPLACE FUNCTION public.norm(t text)"), result.forwardSql());
        assertTrue(result.forwardSql().contains("items_norm"), result.forwardSql());
    }

    @Test
    void viewOverAColumnWhoseTypeChangesIsRecreated() {
        String view = "CREATE VIEW public.v AS SELECT id, amount FROM public.t;"
                + "COMMENT ON VIEW public.v IS 'kept';"
                + "CREATE VIEW public.vv AS SELECT amount FROM public.v;";
        Convergence.Result result = Convergence.check(
                "CREATE TABLE public.t (id integer, amount integer);" + view,
                "CREATE TABLE public.t (id integer, amount bigint);" + view);
        assertTrue(result.forwardSql().contains("DROP VIEW public.vv;"), result.forwardSql());
    }

    @Test
    void triggersPoliciesAndSqlFunctionsOnANewTable() {
        Convergence.check("",
                "CREATE TABLE public.notes (id integer PRIMARY KEY, owner text, body text, touched timestamptz);"
                        + "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;"
                        + "CREATE POLICY own ON public.notes USING (owner = current_user);"
                        + "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN NEW.touched := now(); RETURN NEW; END $$;"
                        + "CREATE TRIGGER touch BEFORE UPDATE ON public.notes FOR EACH ROW EXECUTE FUNCTION public.touch();"
                        + "CREATE FUNCTION public.note_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.notes';"
                        + "CREATE VIEW public.counts AS SELECT public.note_count() AS n;");
    }

    @Test
    void enumUsedByADomainAndATable() {
        String uses = "CREATE TABLE public.tasks (id integer, state public.state NOT NULL DEFAULT 'todo');"
                + "CREATE INDEX tasks_open ON public.tasks (id) WHERE state <> 'done';";
        Convergence.check("CREATE TYPE public.state AS ENUM ('todo', 'doing', 'done');" + uses,
                "CREATE TYPE public.state AS ENUM ('todo', 'done');" + uses);
    }
}
