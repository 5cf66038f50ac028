package io.automigrate.migrate;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.state.HistoryReplayer;
import io.automigrate.testing.TestPostgres;
import io.automigrate.testing.VerbatimCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each changeset's text reaches PostgreSQL as written: the corpus replayed by Liquibase (as plan replays a history)
 * leaves exactly what the same texts sent directly leave, comments in function bodies, {@code ?} operators and all;
 * its rollback empties the schema and it applies again.
 */
class VerbatimExecutionTest {
    @TempDir
    Path root;

    private static String single(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void theCorpusReplaysAsWrittenAndRollsBack() throws Exception {
        MigrationHistory history = VerbatimCorpus.copyTo(root);
        String reference;
        try (ShadowDatabase direct = TestPostgres.newDatabase("direct")) {
            VerbatimCorpus.applyDirectly(history, direct);
            try (Connection c = direct.connect()) {
                reference = VerbatimCorpus.fingerprint(c);
            }
        }
        try (ShadowDatabase db = TestPostgres.newDatabase("verbatim")) {
            HistoryReplayer.replayInto(db, root, history, null);
            try (Connection c = db.connect()) {
                assertEquals(reference, VerbatimCorpus.fingerprint(c));
                String body = single(c, "SELECT prosrc FROM pg_proc WHERE proname = 'add_interest'");
                assertTrue(body.contains("touched integer;  -- keep this comment\n"), body);
                assertTrue(body.contains("/* and this one, /* nested */ too; with a semicolon */"), body);
                assertEquals("a view; with \"quotes\", it's -- all /* text */ ?",
                        single(c, "SELECT obj_description('public.tricky_strings'::regclass, 'pg_class')"));
                assertTrue(single(c, "SELECT pg_get_viewdef('public.stripe_accounts'::regclass)").contains("?|"));
                assertEquals("hello; you", single(c, "SELECT public.greet('you')"));
                assertEquals("3", single(c, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                        + "WHERE c.relname IN ('accounts_balance_idx', 'accounts_config_idx', 'audit_log_note_idx') "
                        + "AND i.indisvalid"));

                int changesets = history.files().stream().mapToInt(f -> f.changesets().size()).sum();
                try (LiquibaseRunner runner = LiquibaseRunner.forHistory(c, history)) {
                    // The DO block (second) has no rollback: everything after it is rolled back.
                    runner.rollback(changesets - 2);
                    assertEquals("0", single(c, "SELECT count(*) FROM pg_class WHERE relname = 'audit_log_note_idx'"));
                    assertEquals("0", single(c, "SELECT count(*) FROM pg_proc WHERE proname IN ('greet', 'has_key')"));
                    assertEquals(changesets - 2, runner.pending().size());
                    runner.update();
                }
            }
            try (Connection c = db.connect()) {
                assertEquals(reference, VerbatimCorpus.fingerprint(c));
            }
        }
    }

    @Test
    void aFailingStatementIsNamedByFileLineAndChangesetWithoutLiquibaseNoise() throws Exception {
        Path dir = Files.createDirectories(root.resolve("db/migrations"));
        Files.writeString(dir.resolve("20260101000000_broken.sql"), """
                --liquibase formatted sql

                --changeset dev:broken
                CREATE TABLE public.t (id int);
                -- the next statement refers to a column that does not exist
                CREATE VIEW public.v AS
                    SELECT id, nope FROM public.t;
                --rollback DROP TABLE public.t;
                """);
        MigrationHistory history = MigrationHistory.read(root, "db/migrations", false);
        try (ShadowDatabase db = TestPostgres.newDatabase("broken")) {
            AutomigrateException e = assertThrows(AutomigrateException.class,
                    () -> HistoryReplayer.replayInto(db, root, history, null));
            assertEquals(ExitCode.CHECK_FAILED, e.exitCode());
            assertTrue(e.getMessage().contains("db/migrations/20260101000000_broken.sql:7:16: changeset dev:broken, "
                    + "statement 2 of 2: ERROR: column \"nope\" does not exist"), e.getMessage());
            assertFalse(e.getMessage().contains("liquibase"), e.getMessage());
        }
    }
}
