package io.automigrate.diff;

import io.automigrate.testing.Convergence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views and materialized views end to end on PostgreSQL. */
class ViewConvergenceTest {
    private static final String TABLES = "CREATE TABLE public.orders (id integer PRIMARY KEY, total numeric,"
            + " customer text, created date);";

    @Test
    void changedQueryWithTheSameColumnsReplacesTheViewUnderItsDependants() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE VIEW public.big AS SELECT id, total FROM public.orders WHERE total > 100;"
                        + "CREATE VIEW public.big_ids AS SELECT id FROM public.big;",
                TABLES + "CREATE VIEW public.big AS SELECT id, total FROM public.orders WHERE total > 500;"
                        + "CREATE VIEW public.big_ids AS SELECT id FROM public.big;");
        assertTrue(proof.forwardSql().startsWith("CREATE OR REPLACE VIEW public.big AS\n"), proof.forwardSql().strip());
        assertFalse(proof.forwardSql().contains("DROP"), proof.forwardSql().strip());
        assertFalse(proof.rollbackSql().contains("DROP"), proof.rollbackSql().strip());
    }

    @Test
    void appendedColumnReplacesAViewNothingDependsOn() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE VIEW public.big AS SELECT id, total FROM public.orders;"
                        + "COMMENT ON COLUMN public.big.id IS 'order';",
                TABLES + "CREATE VIEW public.big AS SELECT id, total, customer FROM public.orders;"
                        + "COMMENT ON COLUMN public.big.id IS 'order';");
        assertTrue(proof.forwardSql().startsWith("CREATE OR REPLACE VIEW public.big AS\n"), proof.forwardSql().strip());
        // PostgreSQL cannot drop a view's column in place: the rollback re-creates the view, with its comments
        assertTrue(proof.rollbackSql().startsWith("DROP VIEW public.big;\nCREATE VIEW public.big AS\n"),
                proof.rollbackSql().strip());
        assertTrue(proof.rollbackSql().strip().endsWith("COMMENT ON COLUMN public.big.id IS 'order';"), proof.rollbackSql().strip());
    }

    @Test
    void appendedColumnUnderADependantRecreatesBoth() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE VIEW public.big AS SELECT id, total FROM public.orders;"
                        + "CREATE VIEW public.big_ids AS SELECT id FROM public.big;",
                TABLES + "CREATE VIEW public.big AS SELECT id, total, customer FROM public.orders;"
                        + "CREATE VIEW public.big_ids AS SELECT id FROM public.big;");
        assertTrue(proof.forwardSql().startsWith("DROP VIEW public.big_ids;\nDROP VIEW public.big;\n"),
                proof.forwardSql().strip());
    }

    @Test
    void removedColumnRecreatesTheViewAndTheViewOverIt() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE VIEW public.big AS SELECT id, customer, total FROM public.orders;"
                        + "CREATE VIEW public.big_ids AS SELECT id FROM public.big;"
                        + "COMMENT ON VIEW public.big_ids IS 'ids';",
                TABLES + "CREATE VIEW public.big AS SELECT id, total FROM public.orders;"
                        + "CREATE VIEW public.big_ids AS SELECT id FROM public.big;"
                        + "COMMENT ON VIEW public.big_ids IS 'ids';");
        assertEquals("""
                DROP VIEW public.big_ids;
                DROP VIEW public.big;
                CREATE VIEW public.big AS
                SELECT id,
                    total
                   FROM orders;
                CREATE VIEW public.big_ids AS
                SELECT id
                   FROM big;
                COMMENT ON VIEW public.big_ids IS 'ids';""", proof.forwardSql().strip().replace("public.orders", "orders")
                .replace("FROM public.big", "FROM big"));
    }

    @Test
    void checkOptionAndSecurityInvokerAsOptions() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE VIEW public.recent AS SELECT id, created FROM public.orders WHERE created > '2026-01-01';",
                TABLES + "CREATE VIEW public.recent WITH (security_invoker = true) AS SELECT id, created"
                        + " FROM public.orders WHERE created > '2026-01-01' WITH LOCAL CHECK OPTION;");
        assertEquals("ALTER VIEW public.recent SET (check_option=local, security_invoker=true);",
                proof.forwardSql().strip());
        assertEquals("ALTER VIEW public.recent RESET (check_option, security_invoker);", proof.rollbackSql().strip());
    }

    @Test
    void replacedViewTakesItsNewOptions() {
        Convergence.check(TABLES
                        + "CREATE VIEW public.v WITH (security_invoker = true) AS SELECT id FROM public.orders;",
                TABLES + "CREATE VIEW public.v AS SELECT id, total FROM public.orders WITH CASCADED CHECK OPTION;");
    }

    @Test
    void viewAndColumnCommentsAndNewView() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE VIEW public.v AS SELECT id, total FROM public.orders;"
                        + "COMMENT ON COLUMN public.v.total IS 'gross';",
                TABLES + "CREATE VIEW public.v AS SELECT id, total FROM public.orders;"
                        + "COMMENT ON VIEW public.v IS 'all orders'; COMMENT ON COLUMN public.v.id IS 'key';"
                        + "CREATE VIEW public.\"Other View\" AS SELECT 1 AS one;"
                        + "COMMENT ON COLUMN public.\"Other View\".one IS 'it''s one';");
        assertTrue(proof.forwardSql().contains("COMMENT ON COLUMN public.v.total IS NULL;"), proof.forwardSql().strip());
        assertTrue(proof.forwardSql().contains("COMMENT ON COLUMN public.\"Other View\".one IS 'it''s one';"),
                proof.forwardSql().strip());
    }

    @Test
    void materializedViewChangeRecreatesItAndKeepsNoData() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE MATERIALIZED VIEW public.totals AS SELECT customer, sum(total) AS total"
                        + " FROM public.orders GROUP BY customer WITH NO DATA;"
                        + "COMMENT ON MATERIALIZED VIEW public.totals IS 'per customer';",
                TABLES + "CREATE MATERIALIZED VIEW public.totals WITH (fillfactor = 70) AS SELECT customer,"
                        + " sum(total) AS total, count(*) AS n FROM public.orders GROUP BY customer WITH NO DATA;"
                        + "COMMENT ON MATERIALIZED VIEW public.totals IS 'per customer';");
        assertTrue(proof.forwardSql().startsWith("DROP MATERIALIZED VIEW public.totals;\n"
                + "CREATE MATERIALIZED VIEW public.totals WITH (fillfactor=70) AS\n"), proof.forwardSql().strip());
        assertTrue(proof.forwardSql().contains("\nWITH NO DATA;\n"), proof.forwardSql().strip());
    }

    @Test
    void materializedViewPopulatedAndOptionsChangedInPlace() {
        Convergence.Result proof = Convergence.check(TABLES
                        + "CREATE MATERIALIZED VIEW public.m AS SELECT id FROM public.orders WITH NO DATA;",
                TABLES + "CREATE MATERIALIZED VIEW public.m WITH (fillfactor = 50) AS SELECT id FROM public.orders;");
        assertEquals(java.util.Set.of("ALTER MATERIALIZED VIEW public.m SET (fillfactor=50);",
                "REFRESH MATERIALIZED VIEW public.m;"), java.util.Set.of(proof.forwardSql().strip().split("\n")));
    }
}
