package io.automigrate.diff;

import io.automigrate.testing.Convergence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row-level security policies end to end on PostgreSQL. */
class PolicyConvergenceTest {
    private static final String BASE = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'automigrate_app')"
            + " THEN CREATE ROLE automigrate_app NOLOGIN; END IF;"
            + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'Automigrate Admin')"
            + " THEN CREATE ROLE \"Automigrate Admin\" NOLOGIN; END IF; END $$;"
            + "CREATE TABLE public.notes (id integer PRIMARY KEY, owner text, body text);"
            + "ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;";

    @Test
    void permissiveAndRestrictivePoliciesAreCreatedWithComments() {
        Convergence.Result proof = Convergence.check(BASE, BASE
                + "CREATE POLICY own ON public.notes FOR ALL TO automigrate_app, \"Automigrate Admin\""
                + " USING (owner = current_user) WITH CHECK (owner = current_user);"
                + "CREATE POLICY no_secrets ON public.notes AS RESTRICTIVE FOR SELECT USING (body NOT LIKE '%secret%');"
                + "COMMENT ON POLICY no_secrets ON public.notes IS 'hide secrets';");
        assertTrue(proof.forwardSql().contains("""
                CREATE POLICY no_secrets ON public.notes
                    AS RESTRICTIVE
                    FOR SELECT
                    TO PUBLIC
                    USING ((body !~~ '%secret%'::text));
                COMMENT ON POLICY no_secrets ON public.notes IS 'hide secrets';"""), proof.forwardSql().strip());
        assertTrue(proof.forwardSql().contains("TO \"Automigrate Admin\", automigrate_app"), proof.forwardSql().strip());
    }

    @Test
    void rolesAndExpressionsAlterThePolicy() {
        Convergence.Result proof = Convergence.check(BASE
                        + "CREATE POLICY own ON public.notes TO automigrate_app USING (owner = current_user);",
                BASE + "CREATE POLICY own ON public.notes TO PUBLIC USING (owner = session_user);");
        assertEquals("""
                ALTER POLICY own ON public.notes
                    TO PUBLIC
                    USING ((owner = SESSION_USER));""", proof.forwardSql().strip());
    }

    @Test
    void commandPermissivenessOrARemovedExpressionRecreateThePolicy() {
        Convergence.Result command = Convergence.check(BASE
                        + "CREATE POLICY own ON public.notes FOR UPDATE USING (owner = current_user);",
                BASE + "CREATE POLICY own ON public.notes FOR SELECT USING (owner = current_user);");
        assertTrue(command.forwardSql().startsWith("DROP POLICY own ON public.notes;\nCREATE POLICY"));
        Convergence.Result removed = Convergence.check(BASE
                        + "CREATE POLICY own ON public.notes FOR UPDATE USING (true) WITH CHECK (owner = current_user);",
                BASE + "CREATE POLICY own ON public.notes FOR UPDATE USING (true);"
                        + "COMMENT ON POLICY own ON public.notes IS 'kept';");
        assertTrue(removed.forwardSql().startsWith("DROP POLICY own ON public.notes;\nCREATE POLICY"));
        Convergence.check(BASE + "CREATE POLICY p ON public.notes AS RESTRICTIVE USING (true);",
                BASE + "CREATE POLICY p ON public.notes USING (true);");
    }
}
