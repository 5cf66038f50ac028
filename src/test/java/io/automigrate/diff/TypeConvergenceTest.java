package io.automigrate.diff;

import io.automigrate.testing.Convergence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Enum types, composite types and domains end to end on PostgreSQL, with their comments. */
class TypeConvergenceTest {
    @Test
    void enumInAnotherSchemaUnderArraysFunctionsAndViews() {
        String schema = "CREATE SCHEMA \"Shop\";";
        String uses = "CREATE TABLE \"Shop\".orders (id integer, state \"Shop\".state DEFAULT 'new', history \"Shop\".state[]);"
                + "CREATE FUNCTION \"Shop\".is_open(s \"Shop\".state) RETURNS boolean LANGUAGE sql IMMUTABLE"
                + " RETURN s <> 'done';"
                + "CREATE VIEW \"Shop\".open_orders AS SELECT id FROM \"Shop\".orders WHERE \"Shop\".is_open(state);"
                + "COMMENT ON TYPE \"Shop\".state IS 'order state';";
        Convergence.Result proof = Convergence.check(
                schema + "CREATE TYPE \"Shop\".state AS ENUM ('new', 'paid', 'shipped', 'done');" + uses
                        + "INSERT INTO \"Shop\".orders VALUES (1, 'paid', '{new,paid}');",
                schema + "CREATE TYPE \"Shop\".state AS ENUM ('new', 'paid', 'done');" + uses);
        assertTrue(proof.forwardSql().contains("ALTER TYPE \"Shop\".state RENAME TO state_automigrate_old;"),
                proof.forwardSql().strip());
        assertTrue(proof.forwardSql().contains("ALTER TABLE \"Shop\".orders ALTER COLUMN history TYPE \"Shop\".state[]"
                + " USING history::text[]::\"Shop\".state[];"), proof.forwardSql().strip());
        assertTrue(proof.forwardSql().startsWith("DROP VIEW \"Shop\".open_orders;\n"
                + "DROP FUNCTION \"Shop\".is_open(s \"Shop\".state);\n"), proof.forwardSql().strip());
    }

    @Test
    void enumValueAddedAndUsedByANewFunctionRunsOutsideTheTransaction() {
        Convergence.Result proof = Convergence.check(
                "CREATE TYPE public.level AS ENUM ('low', 'high');",
                "CREATE TYPE public.level AS ENUM ('low', 'mid', 'high');"
                        + "CREATE FUNCTION public.middle() RETURNS public.level LANGUAGE sql RETURN 'mid'::public.level;");
        assertEquals(false, proof.migration().changes().stream().map(r -> r.change()).filter(c -> c instanceof TypeChanges.AlterEnumAddLabels)
                .map(c -> ProgrammableFixtures.render(c).get(0).transactional()).findFirst().orElseThrow());
        assertTrue(proof.forwardSql().startsWith("ALTER TYPE public.level ADD VALUE 'mid' BEFORE 'high';"));
    }

    @Test
    void domainConstraintChangedAndValidatedWithComments() {
        String base = "CREATE DOMAIN public.email AS text COLLATE \"C\" CONSTRAINT has_at CHECK (VALUE LIKE '%@%');"
                + "CREATE TABLE public.users (id integer, email public.email);";
        Convergence.Result proof = Convergence.check(base
                        + "ALTER DOMAIN public.email ADD CONSTRAINT short CHECK (length(VALUE) < 100) NOT VALID;",
                base.replace("'%@%'", "'%_@_%'")
                        + "ALTER DOMAIN public.email ADD CONSTRAINT short CHECK (length(VALUE) < 100);"
                        + "ALTER DOMAIN public.email SET DEFAULT 'nobody@example.com';"
                        + "COMMENT ON DOMAIN public.email IS 'an address';"
                        + "COMMENT ON CONSTRAINT short ON DOMAIN public.email IS 'fits a column';");
        assertTrue(proof.forwardSql().contains("ALTER DOMAIN public.email VALIDATE CONSTRAINT short;"),
                proof.forwardSql().strip());
        assertTrue(proof.rollbackSql().contains("ALTER DOMAIN public.email ADD CONSTRAINT short"
                + " CHECK ((length(VALUE) < 100)) NOT VALID;"), proof.rollbackSql().strip());
    }

    @Test
    void domainCreatedDroppedAndRecreatedOnItsBaseType() {
        Convergence.check("CREATE DOMAIN public.old_one AS integer NOT NULL;",
                "CREATE DOMAIN public.code AS varchar(10) COLLATE \"C\" DEFAULT 'x' NOT NULL"
                        + " CONSTRAINT upper_only CHECK (VALUE = upper(VALUE));"
                        + "ALTER DOMAIN public.code ADD CONSTRAINT not_empty CHECK (VALUE <> '') NOT VALID;"
                        + "COMMENT ON CONSTRAINT not_empty ON DOMAIN public.code IS 'something';");
        String table = "CREATE TABLE public.t (c public.code DEFAULT 'A', cs public.code[]);"
                + "CREATE FUNCTION public.first(c public.code) RETURNS public.code LANGUAGE sql RETURN c;";
        Convergence.check("CREATE DOMAIN public.code AS varchar(10) CHECK (VALUE = upper(VALUE));" + table
                        + "INSERT INTO public.t VALUES ('AB', '{C,D}');",
                "CREATE DOMAIN public.code AS varchar(20) CHECK (VALUE = upper(VALUE));" + table);
    }

    @Test
    void compositeAttributesAddedChangedAndCommented() {
        Convergence.Result proof = Convergence.check(
                "CREATE TYPE public.money_amount AS (amount numeric, currency text);",
                "CREATE TYPE public.money_amount AS (amount numeric(12,2), currency text COLLATE \"C\", note text);"
                        + "COMMENT ON TYPE public.money_amount IS 'amount with currency';");
        assertEquals("""
                ALTER TYPE public.money_amount ALTER ATTRIBUTE amount TYPE numeric(12,2);
                ALTER TYPE public.money_amount ALTER ATTRIBUTE currency TYPE text COLLATE "C";
                ALTER TYPE public.money_amount ADD ATTRIBUTE note text;
                COMMENT ON TYPE public.money_amount IS 'amount with currency';""", proof.forwardSql().strip());
        Convergence.check("CREATE TYPE public.pair AS (a int, b int, c int);",
                "CREATE TYPE public.pair AS (a int, c int);");
        Convergence.check("CREATE TYPE public.pair AS (a int);", "CREATE TYPE public.pair AS ();");
    }
}
