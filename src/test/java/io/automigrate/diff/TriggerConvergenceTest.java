package io.automigrate.diff;

import io.automigrate.testing.Convergence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Triggers end to end on PostgreSQL. */
class TriggerConvergenceTest {
    private static final String BASE = "CREATE TABLE public.items (id integer PRIMARY KEY, name text, touched timestamptz);"
            + "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$"
            + " BEGIN NEW.touched := now(); RETURN NEW; END $$;"
            + "CREATE VIEW public.item_names AS SELECT id, name FROM public.items;"
            + "CREATE FUNCTION public.insert_name() RETURNS trigger LANGUAGE plpgsql AS $$"
            + " BEGIN INSERT INTO public.items (id, name) VALUES (NEW.id, NEW.name); RETURN NEW; END $$;";
    private static final String TOUCH = "CREATE TRIGGER touch BEFORE UPDATE ON public.items"
            + " FOR EACH ROW EXECUTE FUNCTION public.touch();";

    @Test
    void enabledStatesAlterInPlace() {
        Convergence.Result disable = Convergence.check(BASE + TOUCH,
                BASE + TOUCH + "ALTER TABLE public.items DISABLE TRIGGER touch;");
        assertEquals("ALTER TABLE public.items DISABLE TRIGGER touch;", disable.forwardSql().strip());
        assertEquals("ALTER TABLE public.items ENABLE TRIGGER touch;", disable.rollbackSql().strip());
        Convergence.Result replica = Convergence.check(
                BASE + TOUCH + "ALTER TABLE public.items ENABLE ALWAYS TRIGGER touch;",
                BASE + TOUCH + "ALTER TABLE public.items ENABLE REPLICA TRIGGER touch;");
        assertEquals("ALTER TABLE public.items ENABLE REPLICA TRIGGER touch;", replica.forwardSql().strip());
    }

    @Test
    void newDisabledTriggerWithCommentAndChangedTrigger() {
        Convergence.Result proof = Convergence.check(BASE + TOUCH,
                BASE + TOUCH.replace("BEFORE UPDATE", "BEFORE INSERT OR UPDATE")
                        + "CREATE TRIGGER \"Touch Again\" BEFORE INSERT ON public.items FOR EACH ROW"
                        + " WHEN (NEW.name IS NOT NULL) EXECUTE FUNCTION public.touch();"
                        + "ALTER TABLE public.items DISABLE TRIGGER \"Touch Again\";"
                        + "COMMENT ON TRIGGER \"Touch Again\" ON public.items IS 'twice';");
        assertTrue(proof.forwardSql().startsWith("DROP TRIGGER touch ON public.items;\n"), proof.forwardSql());
        assertTrue(proof.forwardSql().contains("CREATE TRIGGER touch BEFORE INSERT OR UPDATE ON public.items"),
                proof.forwardSql());
        assertTrue(proof.forwardSql().contains("ALTER TABLE public.items DISABLE TRIGGER \"Touch Again\";\n"
                + "COMMENT ON TRIGGER \"Touch Again\" ON public.items IS 'twice';"), proof.forwardSql().strip());
    }

    @Test
    void constraintTriggerAndInsteadOfTriggerOnAView() {
        Convergence.check(BASE,
                BASE + "CREATE CONSTRAINT TRIGGER checked AFTER INSERT ON public.items DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW EXECUTE FUNCTION public.touch();"
                        + "CREATE TRIGGER insert_name INSTEAD OF INSERT ON public.item_names"
                        + " FOR EACH ROW EXECUTE FUNCTION public.insert_name();"
                        + "COMMENT ON TRIGGER insert_name ON public.item_names IS 'writes through';");
    }

    @Test
    void replacedTriggerFunctionKeepsItsTrigger() {
        Convergence.Result proof = Convergence.check(BASE + TOUCH,
                BASE.replace("NEW.touched := now()", "NEW.touched := clock_timestamp()") + TOUCH);
        assertTrue(proof.forwardSql().startsWith("CREATE OR REPLACE FUNCTION public.touch()"), proof.forwardSql().strip());
        assertFalse(proof.forwardSql().contains("TRIGGER touch"), proof.forwardSql().strip());
    }
}
