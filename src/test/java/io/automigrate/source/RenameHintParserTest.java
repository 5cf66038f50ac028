package io.automigrate.source;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.diff.RenameHints;
import io.automigrate.diff.RenameHints.ColumnRename;
import io.automigrate.diff.RenameHints.ColumnUsing;
import io.automigrate.diff.RenameHints.TableRename;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenameHintParserTest {
    @TempDir
    Path dir;

    private RenameHints parse(String text) throws Exception {
        Path path = dir.resolve("schema.sql");
        Files.writeString(path, text);
        return RenameHintParser.parse(List.of(new SqlFile("db/schema.sql", path)));
    }

    @Test
    void using_hints_with_and_without_rollback() throws Exception {
        RenameHints hints = parse("""
                CREATE TABLE events (
                    id bigint PRIMARY KEY,
                    created_at timestamptz NOT NULL, -- automigrate:using to_timestamp(created_at); rollback extract(epoch FROM created_at)::bigint
                    kind text -- automigrate:using CASE kind WHEN ';' THEN 'semi' ELSE kind END
                );
                ALTER TABLE events ADD COLUMN at_day date; -- automigrate:renamed-from day -- automigrate:using at_day::date
                """);
        QualifiedName events = QualifiedName.of("public", "events");
        assertEquals(List.of(
                new ColumnUsing(events, "created_at", "to_timestamp(created_at)",
                        "extract(epoch FROM created_at)::bigint", "db/schema.sql", 3),
                new ColumnUsing(events, "kind", "CASE kind WHEN ';' THEN 'semi' ELSE kind END", null,
                        "db/schema.sql", 4),
                new ColumnUsing(events, "at_day", "at_day::date", null, "db/schema.sql", 6)), hints.usings());
        assertEquals(List.of(new ColumnRename(events, "at_day", "day", "db/schema.sql", 6)), hints.columns());
    }

    @Test
    void using_hint_errors_name_the_line() throws Exception {
        AutomigrateException onTable = assertThrows(AutomigrateException.class,
                () -> parse("CREATE TABLE t ( -- automigrate:using x\n  id int\n);\n"));
        assertEquals("db/schema.sql:1: automigrate:using must follow the column whose values it converts",
                onTable.getMessage());
        AutomigrateException empty = assertThrows(AutomigrateException.class,
                () -> parse("CREATE TABLE t (\n  id int -- automigrate:using\n);\n"));
        assertEquals(ExitCode.BAD_INPUT, empty.exitCode());
        assertTrue(empty.getMessage().startsWith("db/schema.sql:2: automigrate:using needs the expression"));
        AutomigrateException noRollbackWord = assertThrows(AutomigrateException.class,
                () -> parse("CREATE TABLE t (\n  id int -- automigrate:using id::int; id::text\n);\n"));
        assertTrue(noRollbackWord.getMessage().startsWith("db/schema.sql:2: after the ';' of automigrate:using"));
    }

    @Test
    void where_a_column_is_declared() throws Exception {
        Path path = dir.resolve("schema.sql");
        Files.writeString(path, """
                CREATE TABLE users (id bigint PRIMARY KEY);
                CREATE TABLE billing."Invoice Lines" (
                    id bigint,
                    "Amount" numeric
                );
                ALTER TABLE users ADD COLUMN email text;
                """);
        List<SqlFile> files = List.of(new SqlFile("db/schema.sql", path));
        assertEquals(new io.automigrate.AutomigrateException.Location("db/schema.sql", 4, 0),
                RenameHintParser.whereDeclared(files,
                QualifiedName.of("billing", "Invoice Lines"), "Amount"));
        assertEquals(new io.automigrate.AutomigrateException.Location("db/schema.sql", 6, 0),
                RenameHintParser.whereDeclared(files, QualifiedName.of("public", "users"), "email"));
        assertEquals(null, RenameHintParser.whereDeclared(files, QualifiedName.of("public", "users"), "name"));
    }

    @Test
    void table_and_column_hints_in_create_table() throws Exception {
        RenameHints hints = parse("""
                CREATE TABLE customers ( -- automigrate:renamed-from clients
                    id bigint PRIMARY KEY,
                    full_name text NOT NULL, -- automigrate:renamed-from name
                    note text DEFAULT 'x -- automigrate:renamed-from not_a_hint',
                    CONSTRAINT customers_name_check CHECK (full_name <> '')
                );
                """);
        assertEquals(List.of(new TableRename(QualifiedName.of("public", "customers"), "clients", "db/schema.sql", 1)),
                hints.tables());
        assertEquals(List.of(new ColumnRename(QualifiedName.of("public", "customers"), "full_name", "name",
                "db/schema.sql", 3)), hints.columns());
    }

    @Test
    void quoted_and_schema_qualified_names() throws Exception {
        RenameHints hints = parse("""
                CREATE TABLE IF NOT EXISTS billing."Invoice Lines" (  -- automigrate:renamed-from "Invoice Items"
                    "Amount" numeric, -- automigrate:renamed-from "Total"
                    Qty int -- automigrate:renamed-from Quantity
                );
                CREATE UNLOGGED TABLE "Audit"."Log" (id int);
                """);
        QualifiedName lines = QualifiedName.of("billing", "Invoice Lines");
        assertEquals(List.of(new TableRename(lines, "Invoice Items", "db/schema.sql", 1)), hints.tables());
        assertEquals(List.of(new ColumnRename(lines, "Amount", "Total", "db/schema.sql", 2),
                new ColumnRename(lines, "qty", "quantity", "db/schema.sql", 3)), hints.columns());
    }

    @Test
    void column_hint_on_alter_table_add() throws Exception {
        RenameHints hints = parse("""
                CREATE TABLE users (id int);
                ALTER TABLE ONLY public.users
                    ADD COLUMN IF NOT EXISTS email text, -- automigrate:renamed-from mail
                    ADD login text; -- automigrate:renamed-from username
                ALTER TABLE app.accounts ADD "Owner" int; -- automigrate:renamed-from owner_id
                """);
        assertEquals(List.of(), hints.tables());
        assertEquals(List.of(
                new ColumnRename(QualifiedName.of("public", "users"), "email", "mail", "db/schema.sql", 3),
                new ColumnRename(QualifiedName.of("public", "users"), "login", "username", "db/schema.sql", 4),
                new ColumnRename(QualifiedName.of("app", "accounts"), "Owner", "owner_id", "db/schema.sql", 5)),
                hints.columns());
    }

    @Test
    void hint_on_a_line_that_names_neither_is_refused() {
        for (String text : List.of(
                "CREATE TABLE t (\n  id int,\n  name text\n    NOT NULL -- automigrate:renamed-from old\n);\n",
                "CREATE TABLE t (id int);\n-- automigrate:renamed-from old\n",
                "CREATE INDEX t_idx ON t (id); -- automigrate:renamed-from old_idx\n",
                "CREATE TABLE t (\n  id int,\n  CONSTRAINT t_pk PRIMARY KEY (id) -- automigrate:renamed-from old\n);\n")) {
            var e = assertThrows(AutomigrateException.class, () -> parse(text), text);
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            int line = (int) text.lines().takeWhile(l -> !l.contains("automigrate:")).count() + 1;
            assertEquals("db/schema.sql:" + line + ": automigrate:renamed-from must follow the table or column "
                    + "it renames", e.getMessage());
        }
    }

    @Test
    void hint_without_an_old_name_is_refused() {
        var e = assertThrows(AutomigrateException.class,
                () -> parse("CREATE TABLE t ( -- automigrate:renamed-from\n id int);\n"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(true, e.getMessage().startsWith("db/schema.sql:1: automigrate:renamed-from needs the old name"));
    }
}
