package io.automigrate.migrate;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiquibaseRunnerTest {
    @TempDir
    Path root;

    private void write(String name, String text) throws Exception {
        Files.createDirectories(root.resolve("db/migrations"));
        Files.writeString(root.resolve("db/migrations").resolve(name), text);
    }

    private static int count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void appliesListsAndRollsBackIncludingDollarQuotedBodies() throws Exception {
        write("20261101000000_add_tasks_table.sql", """
                --liquibase formatted sql

                --changeset automigrate:20261101000000_add_tasks_table splitStatements:false rollbackSplitStatements:false
                CREATE TABLE public.tasks (id bigint PRIMARY KEY, title text NOT NULL, updated_at timestamptz);
                CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.updated_at := now();
                  RETURN NEW;
                END;
                $$;
                --rollback DROP FUNCTION public.touch();
                --rollback DROP TABLE public.tasks;
                """);
        write("20261102000000_add_tasks_title_idx_index.sql", """
                --liquibase formatted sql

                --changeset automigrate:20261102000000_add_tasks_title_idx_index runInTransaction:false splitStatements:false rollbackSplitStatements:false
                CREATE INDEX CONCURRENTLY tasks_title_idx ON public.tasks (title);
                --rollback DROP INDEX CONCURRENTLY public.tasks_title_idx;
                """);
        MigrationHistory history = MigrationHistory.read(root, "db/migrations", false);
        try (ShadowDatabase db = TestPostgres.newDatabase("lqb"); Connection c = db.connect()) {
            try (LiquibaseRunner runner = LiquibaseRunner.forHistory(c, history)) {
                assertEquals(2, runner.pending().size());
                runner.update();
                assertEquals(List.of(), runner.pending());
                assertEquals(List.of(
                        "db/migrations/20261101000000_add_tasks_table.sql::20261101000000_add_tasks_table::automigrate",
                        "db/migrations/20261102000000_add_tasks_title_idx_index.sql::20261102000000_add_tasks_title_idx_index::automigrate"),
                        runner.applied());
                assertEquals(1, count(c, "SELECT count(*) FROM pg_indexes WHERE indexname = 'tasks_title_idx'"));

                runner.rollback(1);
                assertEquals(0, count(c, "SELECT count(*) FROM pg_indexes WHERE indexname = 'tasks_title_idx'"));
                assertEquals(1, runner.pending().size());
                runner.rollback(1);
                assertEquals(0, count(c, "SELECT count(*) FROM pg_proc WHERE proname = 'touch'"));
                assertEquals(0, count(c, "SELECT count(*) FROM pg_class WHERE relname = 'tasks'"));
            }
        }
    }

    @Test
    void aFailingChangesetNamesPostgresqlsErrorAndLeavesNothingBehind() throws Exception {
        write("20261101000000_broken.sql", """
                --liquibase formatted sql

                --changeset automigrate:20261101000000_broken splitStatements:false rollbackSplitStatements:false
                CREATE TABLE public.a (id int);
                CREATE TABLE public.b (id bogus_type);
                --rollback DROP TABLE public.b;
                --rollback DROP TABLE public.a;
                """);
        MigrationHistory history = MigrationHistory.read(root, "db/migrations", false);
        try (ShadowDatabase db = TestPostgres.newDatabase("lqb"); Connection c = db.connect();
             LiquibaseRunner runner = LiquibaseRunner.forHistory(c, history)) {
            AutomigrateException e = assertThrows(AutomigrateException.class, runner::update);
            assertEquals(ExitCode.CHECK_FAILED, e.exitCode());
            assertTrue(e.getMessage().contains("type \"bogus_type\" does not exist"), e.getMessage());
            assertEquals(0, count(c, "SELECT count(*) FROM pg_class WHERE relname = 'a'"), "the changeset is atomic");
            assertEquals(1, runner.pending().size());
        }
    }

    @Test
    void historyChecksDirectoryNamesAndDuplicateIds() throws Exception {
        AutomigrateException missing = assertThrows(AutomigrateException.class,
                () -> MigrationHistory.read(root, "db/migrations", false));
        assertTrue(missing.getMessage().startsWith("db/migrations: migrations directory not found"), missing.getMessage());
        assertEquals(0, MigrationHistory.read(root, "db/migrations", true).files().size());

        write("add_users.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n");
        AutomigrateException badName = assertThrows(AutomigrateException.class,
                () -> MigrationHistory.read(root, "db/migrations", false));
        assertTrue(badName.getMessage().startsWith("db/migrations/add_users.sql: migration files are named"), badName.getMessage());
        Files.delete(root.resolve("db/migrations/add_users.sql"));

        write("20261101000000_a.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n");
        write("20261102000000_b.sql", "--liquibase formatted sql\n\n--changeset a:1\nSELECT 2;\n");
        AutomigrateException duplicate = assertThrows(AutomigrateException.class,
                () -> MigrationHistory.read(root, "db/migrations", false));
        assertTrue(duplicate.getMessage().startsWith("db/migrations/20261102000000_b.sql:3: changeset id 'a:1' is already used in "
                + "db/migrations/20261101000000_a.sql"), duplicate.getMessage());

        Files.write(root.resolve("db/migrations/20261102000000_b.sql"),
                new byte[]{'-', '-', 'x', '\n', 'a', (byte) 0xC3, (byte) 0x28});
        AutomigrateException encoding = assertThrows(AutomigrateException.class,
                () -> MigrationHistory.read(root, "db/migrations", false));
        assertTrue(encoding.getMessage().startsWith("db/migrations/20261102000000_b.sql:2: not UTF-8 (invalid byte at offset 5)"),
                encoding.getMessage());
    }
}
