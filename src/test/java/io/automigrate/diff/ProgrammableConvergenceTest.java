package io.automigrate.diff;

import io.automigrate.testing.Convergence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end on PostgreSQL: inspect, diff, render, apply, roll back, for schemas whose tables stay. */
class ProgrammableConvergenceTest {
    private static final String JOURNAL = "CREATE TABLE public.journal (id integer PRIMARY KEY, mood public.mood"
            + " NOT NULL DEFAULT 'sad', tags public.mood[], note text);";

    @Test
    void enumValueRemovedUnderAColumnAndAView() {
        Convergence.Result proof = Convergence.check(
                "CREATE TYPE public.mood AS ENUM ('sad', 'meh', 'happy');" + JOURNAL
                        + "CREATE VIEW public.happy_days AS SELECT id, note FROM public.journal WHERE mood = 'happy';"
                        + "INSERT INTO public.journal VALUES (1, 'happy', '{sad,happy}', 'x');",
                "CREATE TYPE public.mood AS ENUM ('sad', 'happy');" + JOURNAL
                        + "CREATE VIEW public.happy_days AS SELECT id, note FROM public.journal WHERE mood = 'happy';");
        assertTrue(proof.forwardSql().startsWith("DROP VIEW public.happy_days;"), proof.forwardSql().strip());
    }

    @Test
    void enumValuesAddedFirstMiddleLast() {
        Convergence.check("CREATE TYPE public.mood AS ENUM ('b', 'd');" + JOURNAL.replace("'sad'", "'b'"),
                "CREATE TYPE public.mood AS ENUM ('a', 'b', 'c', 'd', 'e');" + JOURNAL.replace("'sad'", "'b'"));
    }

    @Test
    void enumValuesReordered() {
        Convergence.check("CREATE TYPE public.mood AS ENUM ('sad', 'happy');" + JOURNAL,
                "CREATE TYPE public.mood AS ENUM ('happy', 'sad');" + JOURNAL);
    }
}
