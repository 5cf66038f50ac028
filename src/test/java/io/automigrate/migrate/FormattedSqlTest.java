package io.automigrate.migrate;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormattedSqlTest {
    private static final String FUNCTION = """
            CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.updated_at := now();
              RETURN NEW;
            END;
            $$;""";

    @Test
    void writesTheDocumentedShapeAndReadsItBack() {
        MigrationFile file = new MigrationFile("20261122153000_add_orders_table.sql", List.of(
                new Changeset("automigrate", "20261122153000_add_orders_table", true, "generated from db/schema.sql",
                        "CREATE TABLE public.orders (id bigint);\n" + FUNCTION + "\n",
                        "DROP FUNCTION public.touch();\nDROP TABLE public.orders;\n", 0, List.of()),
                new Changeset("automigrate", "20261122153000_add_orders_table-2", false, null,
                        "CREATE INDEX CONCURRENTLY orders_id_idx ON public.orders (id);\n",
                        "DROP INDEX CONCURRENTLY public.orders_id_idx;\n", 0, List.of())));
        String text = FormattedSql.write(file);
        assertTrue(text.startsWith("--liquibase formatted sql\n\n--changeset automigrate:20261122153000_add_orders_table "
                + "splitStatements:false rollbackSplitStatements:false\n--comment: generated from db/schema.sql\n"
                + "CREATE TABLE public.orders (id bigint);\n"), text);
        // Outside a transaction each statement is sent alone; the forward flag last, where Liquibase looks for it.
        assertTrue(text.contains("--changeset automigrate:20261122153000_add_orders_table-2 runInTransaction:false "
                + "rollbackSplitStatements:false splitStatements:true\n"), text);
        assertTrue(text.contains("--rollback DROP FUNCTION public.touch();\n--rollback DROP TABLE public.orders;\n"), text);

        MigrationFile read = FormattedSql.read(file.fileName(), "db/migrations/" + file.fileName(), text);
        assertEquals(2, read.changesets().size());
        Changeset first = read.changesets().get(0);
        assertEquals("automigrate", first.author());
        assertTrue(first.runInTransaction());
        assertEquals("generated from db/schema.sql", first.comment());
        assertTrue(first.sql().contains("NEW.updated_at := now();"));
        assertEquals("DROP FUNCTION public.touch();\nDROP TABLE public.orders;", first.rollback());
        assertEquals(3, first.line());
        assertFalse(read.changesets().get(1).runInTransaction());
        assertEquals(FormattedSql.write(file), FormattedSql.write(new MigrationFile(file.fileName(),
                List.of(withoutLine(first, file.changesets().get(0)), withoutLine(read.changesets().get(1), file.changesets().get(1))))));
    }

    private static Changeset withoutLine(Changeset read, Changeset original) {
        return new Changeset(read.author(), read.id(), read.runInTransaction(), read.comment(), read.sql(),
                read.rollback(), 0, original.allowed());
    }

    @Test
    void handWrittenMigrationWithBackfillAndSuppression() {
        String text = """
                --liquibase formatted sql

                --changeset alice:backfill-status
                UPDATE public.tasks SET status = 'open' WHERE status IS NULL;
                ALTER TABLE public.tasks DROP COLUMN legacy; -- automigrate:allow AM102 column unused since v2
                --rollback not required
                """;
        MigrationFile file = FormattedSql.read("20261122160000_backfill.sql", "db/migrations/20261122160000_backfill.sql", text);
        Changeset c = file.changesets().get(0);
        assertEquals("alice", c.author());
        assertEquals("backfill-status", c.id());
        assertEquals(List.of("AM102"), c.allowed());
        assertTrue(c.hasRollback());
        assertEquals("", c.rollback());
    }

    @Test
    void changesetWithoutRollbackHasNone() {
        MigrationFile file = FormattedSql.read("x.sql", "x.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n");
        assertNull(file.changesets().get(0).rollback());
        assertFalse(file.changesets().get(0).hasRollback());
    }

    private static String error(String text) {
        AutomigrateException e = assertThrows(AutomigrateException.class,
                () -> FormattedSql.read("m.sql", "db/migrations/m.sql", text));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }

    @Test
    void badFilesNameFileAndLine() {
        assertTrue(error("CREATE TABLE t (id int);\n").startsWith("db/migrations/m.sql:1: not a Liquibase formatted SQL file"));
        assertTrue(error("\n\n-- just a comment\n").startsWith("db/migrations/m.sql:3: not a Liquibase formatted SQL file"));
        String duplicate = error("--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n--changeset a:1\nSELECT 2;\n");
        assertTrue(duplicate.startsWith("db/migrations/m.sql:4: duplicate changeset id 'a:1'"), duplicate);
        String orphan = error("--liquibase formatted sql\nCREATE TABLE t (id int);\n");
        assertTrue(orphan.startsWith("db/migrations/m.sql:2: SQL before the first"), orphan);
        String malformed = error("--liquibase formatted sql\n--changeset nocolon\nSELECT 1;\n");
        assertTrue(malformed.startsWith("db/migrations/m.sql:2: malformed changeset line"), malformed);
        String empty = error("--liquibase formatted sql\n--changeset a:1\n--rollback SELECT 1;\n");
        assertTrue(empty.startsWith("db/migrations/m.sql:2: changeset a:1 holds no SQL"), empty);
    }

    @Test
    void unknownChangesetAttributesAndFlagsThatAreNotBooleanAreErrorsNamingFileAndLine() {
        for (String[] c : new String[][] {
                {"--changeset dev:a runInTransaction:maybe", "db/m.sql:3: runInTransaction:maybe: the value must be true or false"},
                {"--changeset dev:a foo:bar", "db/m.sql:3: unknown changeset attribute 'foo'"},
                {"--changeset dev:a runintransaction:false", "db/m.sql:3: unknown changeset attribute 'runintransaction'"},
                {"--changeset dev:a adds the table", "db/m.sql:3: 'adds' on the changeset line is not an attribute"}}) {
            AutomigrateException e = assertThrows(AutomigrateException.class, () -> FormattedSql.read("m.sql", "db/m.sql",
                    "--liquibase formatted sql\n\n" + c[0] + "\nSELECT 1;\n"));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
        }
        MigrationFile ok = FormattedSql.read("m.sql", "db/m.sql", "--liquibase formatted sql\n--changeset dev:a "
                + "runInTransaction:FALSE splitStatements:false context:\"a and b\" labels:x dbms:postgresql\nSELECT 1;\n");
        assertFalse(ok.changesets().get(0).runInTransaction());
    }
}
