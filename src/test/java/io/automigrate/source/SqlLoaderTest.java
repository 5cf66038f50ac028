package io.automigrate.source;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.db.RolledBack;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlLoaderTest {
    @TempDir
    Path dir;

    private SqlFile file(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        return new SqlFile("db/" + name, path);
    }

    private static AutomigrateException loadFails(SqlFile... files) {
        try (ShadowDatabase db = TestPostgres.newDatabase("load")) {
            return assertThrows(AutomigrateException.class, () -> SqlLoader.load(List.of(files), db.url()));
        }
    }

    private static List<String> tables(ShadowDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                     + " AND relkind IN ('r', 'v') ORDER BY relname")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    @Test
    void tricky_but_valid_sql_loads_statement_by_statement() throws Exception {
        SqlFile schema = file("schema.sql", """
                -- leading comment; with a semicolon
                /* block /* nested; */ comment */
                CREATE TABLE a (id int, note text DEFAULT 'semi;colon' || E'it\\'s;');
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
                BEGIN
                  RETURN 1; -- a semicolon inside a body
                END
                $body$;
                DO $$ BEGIN EXECUTE 'CREATE TABLE b (x int)'; END $$;
                CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;
                  SELECT x;
                END;
                CREATE VIEW "Odd; name" AS SELECT 1 AS one, '{"k": 1}'::jsonb ? 'k' AS has_k, '{fn now()}' AS braces;
                CREATE INDEX CONCURRENTLY a_id_idx ON a (id);
                -- trailing comment, no statement
                """);
        SqlFile empty = file("empty.sql", "");
        try (ShadowDatabase db = TestPostgres.newDatabase("load")) {
            SqlLoader.load(List.of(schema, empty), db.url());
            assertEquals(List.of("Odd; name", "a", "b"), tables(db));
        }
    }

    @Test
    void syntax_error_names_file_line_and_column() throws Exception {
        SqlFile schema = file("schema.sql", """
                CREATE TABLE a (id int);

                -- the next statement is broken
                CREATE TABLE b (
                    id int,
                    name text NOT NUL
                );
                """);
        var e = loadFails(schema);
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("db/schema.sql:6:19: ERROR: syntax error at or near \"NUL\"", e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void unknown_type_in_the_second_file_points_into_that_file() throws Exception {
        SqlFile first = file("a.sql", "CREATE TABLE a (id int);\n");
        SqlFile second = file("sub/b.sql", "CREATE TABLE b (\n  id int,\n    kind bogus\n);\n");
        var e = loadFails(first, second);
        assertEquals("db/sub/b.sql:3:10: ERROR: type \"bogus\" does not exist", e.getMessage());
    }

    @Test
    void error_inside_a_function_body_points_into_the_body() throws Exception {
        SqlFile schema = file("schema.sql", """
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
                DECLARE
                  n int;
                BEGIN
                  n := 1;
                  RETRUN n;
                END
                $$;
                """);
        var e = loadFails(schema);
        assertTrue(e.getMessage().startsWith("db/schema.sql:6:3: ERROR: syntax error at or near \"RETRUN\""),
                e.getMessage());
    }

    @Test
    void runtime_error_in_a_do_block_names_the_body_line() throws Exception {
        SqlFile schema = file("schema.sql", """
                CREATE TABLE a (id int);
                DO $$
                BEGIN
                  PERFORM no_such_function();
                END
                $$;
                """);
        var e = loadFails(schema);
        assertTrue(e.getMessage().startsWith("db/schema.sql:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("ERROR: function no_such_function() does not exist"), e.getMessage());
    }

    @Test
    void error_without_position_names_the_statement_start() throws Exception {
        SqlFile schema = file("schema.sql", "CREATE TABLE a (id int);\n\n  /* again */ CREATE TABLE a (id int);\n");
        var e = loadFails(schema);
        assertEquals("db/schema.sql:3:15: ERROR: relation \"a\" already exists", e.getMessage());
    }

    @Test
    void psql_meta_command_is_refused_with_its_line() throws Exception {
        SqlFile schema = file("schema.sql", "CREATE TABLE a (id int);\n\\connect other\nCREATE TABLE b (id int);\n");
        var e = loadFails(schema);
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("db/schema.sql:2:1: psql meta-command '\\connect other'"), e.getMessage());
    }

    @Test
    void pg_dump_output_with_restrict_guards_loads() throws Exception {
        SqlFile dump = file("dump.sql", """
                \\restrict q1w2e3r4t5y6
                SET statement_timeout = 0;
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE TABLE public.a (id integer NOT NULL);
                ALTER TABLE ONLY public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id);
                CREATE TABLE public.b (note text DEFAULT 'x' NOT NULL, bad public.nope);
                \\unrestrict q1w2e3r4t5y6
                """);
        var e = loadFails(dump);
        // Everything before the broken statement ran; its error still points at the right column.
        assertEquals("db/dump.sql:6:60: ERROR: type \"public.nope\" does not exist", e.getMessage());
    }

    @Test
    void copy_from_stdin_is_refused_with_its_line() throws Exception {
        SqlFile schema = file("schema.sql", "CREATE TABLE a (id int);\nCOPY a (id) FROM stdin;\n1\n\\.\n");
        var e = loadFails(schema);
        assertTrue(e.getMessage().startsWith("db/schema.sql:2:1: COPY ... FROM STDIN"), e.getMessage());
    }

    @Test
    void non_utf8_file_names_the_byte_offset() throws Exception {
        Path path = dir.resolve("latin1.sql");
        byte[] bytes = "CREATE TABLE a (\n  note text DEFAULT 'caf\u00e9'\n);\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(path, bytes);
        var e = loadFails(new SqlFile("db/latin1.sql", path));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("db/latin1.sql:2: not UTF-8 (invalid byte at offset 41): save the file as UTF-8",
                e.getMessage());
    }

    @Test
    void missing_file_is_named() {
        var e = loadFails(new SqlFile("db/nope.sql", dir.resolve("nope.sql")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("db/nope.sql: file not found", e.getMessage());
    }

    @Test
    void files_that_begin_or_end_a_transaction_do_not_load_in_one() throws Exception {
        assertTrue(SqlLoader.loadsInOneTransaction(List.of(file("plain.sql", """
                CREATE TABLE a (id int);
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
                CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
                """))));
        assertFalse(SqlLoader.loadsInOneTransaction(List.of(file("commit.sql", "BEGIN;\nCREATE TABLE b (id int);\nCOMMIT;\n"))));
        assertFalse(SqlLoader.loadsInOneTransaction(List.of(file("plain2.sql", "CREATE TABLE c (id int);\n"),
                file("rollback.sql", "CREATE TABLE d (id int);\nrollback;\n"))));
        assertFalse(SqlLoader.loadsInOneTransaction(List.of(file("end.sql", "START TRANSACTION;\nCREATE TABLE e (id int);\nEND;\n"))));
    }

    @Test
    void in_one_rolled_back_transaction_the_files_load_as_separate_sessions_and_nothing_stays() throws Exception {
        SqlFile first = file("a/first.sql", """
                CREATE SCHEMA other;
                SET search_path = other;
                CREATE TABLE inside (id int);
                """);
        SqlFile second = file("a/second.sql", "CREATE TABLE outside (id int);\n");
        try (ShadowDatabase db = TestPostgres.newDatabase("tx")) {
            List<String> seen = RolledBack.run(SqlLoader.verbatim(db.url()), connection -> {
                SqlLoader.loadInTransaction(List.of(first, second), connection);
                List<String> names = new ArrayList<>();
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT relnamespace::regnamespace || '.' || relname FROM pg_class WHERE relname IN "
                                + "('inside', 'outside') ORDER BY 1")) {
                    while (rs.next()) names.add(rs.getString(1));
                }
                return names;
            });
            assertEquals(List.of("other.inside", "public.outside"), seen,
                    "the second file starts with the default search_path, as a session of its own would");
            assertEquals(List.of(), tables(db), "rolled back");

            SqlFile bad = file("bad.sql", "CREATE TABLE ok (id int);\nCREATE TABLE broken (id nosuchtype);\n");
            AutomigrateException e = assertThrows(AutomigrateException.class, () -> RolledBack.run(
                    SqlLoader.verbatim(db.url()), connection -> {
                        SqlLoader.loadInTransaction(List.of(bad), connection);
                        return null;
                    }));
            assertTrue(e.getMessage().startsWith("db/bad.sql:2:25: ERROR: type \"nosuchtype\" does not exist"),
                    e.getMessage());
            assertEquals(List.of(), tables(db));
        }
    }
}
