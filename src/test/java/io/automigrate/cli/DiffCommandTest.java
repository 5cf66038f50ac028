package io.automigrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.source.SqlFile;
import io.automigrate.source.SqlLoader;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code automigrate diff} end to end through {@link Main#run}, on the test PostgreSQL server. */
class DiffCommandTest {
    private static final String BEFORE = """
            CREATE TYPE task_state AS ENUM ('open', 'done');
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL
            );
            CREATE TABLE tasks (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                owner_id bigint NOT NULL REFERENCES users (id),
                state task_state NOT NULL DEFAULT 'open'
            );
            """;
    private static final String AFTER = BEFORE.replace("email text NOT NULL", "email text NOT NULL,\n    name text")
            + "CREATE INDEX tasks_owner_id_idx ON tasks (owner_id);\n";

    /** A password that must never be printed. */
    private static final String PASSWORD = "Sup3rSecretPw";

    @TempDir
    Path dir;

    /** The database whose server stands in as the shadow (--shadow url). */
    private ShadowDatabase shadowHost;
    private final List<ShadowDatabase> databases = new ArrayList<>();

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void shadowHost() {
        shadowHost = TestPostgres.newDatabase("clihost");
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(ShadowDatabase::close);
        shadowHost.close();
    }

    private Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** diff with the test server as the url shadow. */
    private Result diff(String... args) {
        List<String> all = new ArrayList<>(List.of("diff"));
        all.addAll(List.of(args));
        all.addAll(List.of("--shadow", "url", "--shadow-url", shadowHost.url().display()));
        return run(Map.of(), all.toArray(String[]::new));
    }

    private String write(String name, String sql) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, sql);
        return path.toString();
    }

    private ShadowDatabase database(String sql) throws Exception {
        ShadowDatabase db = TestPostgres.newDatabase("cli");
        databases.add(db);
        apply(db, sql);
        return db;
    }

    private void apply(ShadowDatabase db, String sql) throws Exception {
        Path file = Files.createTempFile(dir, "apply", ".sql");
        Files.writeString(file, sql);
        SqlLoader.load(List.of(new SqlFile(file.toString(), file)), db.url());
    }

    /** The printed migration, applied to a database holding {@code from}, must leave nothing to diff against {@code to}. */
    private void assertConverges(String from, String migration, String toFile) throws Exception {
        ShadowDatabase db = database(from);
        apply(db, migration);
        Result again = diff("--from", db.url().display(), "--to", toFile, "--exit-code");
        assertEquals(new Result(0, "", ""), again);
    }

    @Test
    void file_to_file_prints_a_migration_that_converges() throws Exception {
        String before = write("before.sql", BEFORE);
        String after = write("after.sql", AFTER);
        Result result = diff("--from", before, "--to", after);
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("name"), result.out());
        assertTrue(result.out().contains("tasks_owner_id_idx"), result.out());
        assertConverges(BEFORE, result.out(), after);
    }

    @Test
    void readme_quick_start_runs_on_the_default_embedded_shadow() throws Exception {
        String before = "examples/quickstart/before.sql";
        String after = "examples/quickstart/db/schema.sql";
        Result result = run(Map.of(), "diff", "--from", before, "--to", after);
        assertEquals(0, result.code(), result.err());
        for (String expected : List.of("due_on", "tasks_due_on_idx", "'blocked'", "open_tasks")) {
            assertTrue(result.out().contains(expected), expected + " in\n" + result.out());
        }
        assertConverges(Files.readString(Path.of(before)), result.out(), after);
    }

    @Test
    void directory_to_file_loads_files_in_lexical_order_and_equal_schemas_print_nothing() throws Exception {
        // 10_tasks.sql needs the type and table from 01_ and 02_users/: only lexical order of the paths works.
        write("schema/10_tasks.sql", BEFORE.substring(BEFORE.indexOf("CREATE TABLE tasks")));
        write("schema/02_users/users.sql", BEFORE.substring(BEFORE.indexOf("CREATE TABLE users"),
                BEFORE.indexOf("CREATE TABLE tasks")));
        write("schema/01_types.sql", BEFORE.substring(0, BEFORE.indexOf("CREATE TABLE users")));
        String same = write("same.sql", BEFORE);
        Result result = diff("--from", dir.resolve("schema").toString(), "--to", same, "--exit-code");
        assertEquals(new Result(0, "", ""), result);

        String after = write("after.sql", AFTER);
        Result changed = diff("--from", dir.resolve("schema").toString(), "--to", after, "--exit-code");
        assertEquals(1, changed.code(), changed.err());
        assertTrue(changed.out().contains("tasks_owner_id_idx"), changed.out());
    }

    @Test
    void empty_to_file_creates_everything() throws Exception {
        String after = write("after.sql", AFTER);
        Result result = diff("--from", "empty", "--to", after);
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("CREATE TABLE"), result.out());
        assertTrue(result.out().contains("CREATE TYPE"), result.out());
        assertConverges("", result.out(), after);
    }

    @Test
    void url_to_url_needs_no_shadow() throws Exception {
        ShadowDatabase before = database(BEFORE);
        ShadowDatabase after = database(AFTER);
        // The shadow points nowhere: starting it would fail the run with exit 3.
        Map<String, String> env = Map.of("AUTOMIGRATE_SHADOW", "url",
                "AUTOMIGRATE_SHADOW_URL", "postgresql://nobody@127.0.0.1:1/unreachable");
        Result result = run(env, "diff", "--from", before.url().display(), "--to", after.url().display(),
                "--exit-code");
        assertEquals(1, result.code(), result.err());
        assertTrue(result.out().contains("tasks_owner_id_idx"), result.out());
        Result same = run(env, "diff", "--from", after.url().display(), "--to", after.url().display(),
                "--exit-code");
        assertEquals(new Result(0, "", ""), same);
        // And the shadow really is unusable, so the runs above did not touch it.
        Result needsShadow = run(env, "diff", "--from", "empty", "--to", after.url().display());
        assertEquals(3, needsShadow.code(), needsShadow.err());
        assertTrue(needsShadow.err().contains("127.0.0.1:1"), needsShadow.err());
    }

    @Test
    void url_source_is_only_read() throws Exception {
        ShadowDatabase live = database(BEFORE);
        String after = write("after.sql", AFTER);
        Result result = diff("--from", live.url().display(), "--to", after);
        assertEquals(0, result.code(), result.err());
        try (Connection c = live.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'tasks_owner_id_idx'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void exit_code_is_zero_without_a_difference_and_one_with_one() throws Exception {
        String before = write("before.sql", BEFORE);
        String after = write("after.sql", AFTER);
        assertEquals(new Result(0, "", ""), diff("--from", before, "--to", before, "--exit-code"));
        Result changed = diff("--from", before, "--to", after, "--exit-code");
        assertEquals(1, changed.code(), changed.err());
        assertFalse(changed.out().isBlank());
        Result withoutFlag = diff("--from", before, "--to", after);
        assertEquals(0, withoutFlag.code());
        assertEquals(changed.out(), withoutFlag.out());
    }

    @Test
    void json_format_lists_changes_sql_and_rollback() throws Exception {
        String before = write("before.sql", BEFORE);
        String after = write("after.sql", AFTER);
        Result result = diff("--from", before, "--to", after, "--format", "json");
        assertEquals(0, result.code(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertTrue(json.get("changed").asBoolean());
        assertTrue(json.get("changes").size() >= 2, result.out());
        StringBuilder perChange = new StringBuilder();
        for (JsonNode change : json.get("changes")) {
            assertTrue(List.of("create", "drop", "alter").contains(change.get("action").asText()), result.out());
            assertFalse(change.get("target").asText().isBlank());
            assertFalse(change.get("description").asText().isBlank());
            assertFalse(change.get("rollback").asText().isBlank());
            perChange.append(change.get("sql").asText());
        }
        assertEquals(json.get("sql").asText(), perChange.toString());
        assertTrue(json.get("notes").isArray());
        Result sqlFormat = diff("--from", before, "--to", after);
        assertEquals(sqlFormat.out(), json.get("sql").asText());

        // The rollback undoes the migration: applied after it, the schema is the "before" one again.
        ShadowDatabase db = database(BEFORE);
        apply(db, json.get("sql").asText());
        apply(db, json.get("rollback").asText());
        assertEquals(new Result(0, "", ""), diff("--from", db.url().display(), "--to", before, "--exit-code"));

        Result none = diff("--from", before, "--to", before, "--format", "json");
        JsonNode empty = new ObjectMapper().readTree(none.out());
        assertFalse(empty.get("changed").asBoolean());
        assertEquals(0, empty.get("changes").size());
        assertEquals("", empty.get("sql").asText());
    }

    @Test
    void rename_hint_in_the_to_files_renames_instead_of_drop_and_add() throws Exception {
        String before = write("before.sql", "CREATE TABLE clients (id int PRIMARY KEY, name text);\n");
        String after = write("after.sql", """
                CREATE TABLE customers ( -- automigrate:renamed-from clients
                    id int PRIMARY KEY,
                    full_name text -- automigrate:renamed-from name
                );
                """);
        Result result = diff("--from", before, "--to", after);
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("RENAME TO customers"), result.out());
        assertTrue(result.out().contains("RENAME COLUMN name TO full_name"), result.out());
        assertFalse(result.out().contains("DROP TABLE") || result.out().contains("DROP COLUMN"), result.out());
        assertConverges("CREATE TABLE clients (id int PRIMARY KEY, name text);\n", result.out(), after);
    }

    @Test
    void a_drop_and_add_that_looks_like_a_rename_is_noted_on_stderr() throws Exception {
        String before = write("before.sql", "CREATE TABLE clients (id int PRIMARY KEY, name text);\n");
        String after = write("after.sql", "CREATE TABLE clients (id int PRIMARY KEY, full_name text);\n");
        Result result = diff("--from", before, "--to", after);
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("DROP COLUMN name"), result.out());
        List<String> notes = result.err().lines().toList();
        assertEquals(1, notes.size(), result.err());
        assertTrue(notes.get(0).startsWith("note: possible rename of public.clients.name to full_name"), result.err());

        JsonNode json = new ObjectMapper().readTree(diff("--from", before, "--to", after, "--format", "json").out());
        assertEquals(notes.get(0).substring("note: ".length()), json.get("notes").get(0).asText());
    }

    @Test
    void column_order_is_a_comment_after_the_sql_unless_the_rewrite_is_asked_for() throws Exception {
        String fromSql = "CREATE TABLE parcels (id int PRIMARY KEY, weight int);\n";
        String before = write("before.sql", fromSql);
        String after = write("after.sql", "CREATE TABLE parcels (id int PRIMARY KEY, label text, weight int);\n");
        Result noted = diff("--from", before, "--to", after);
        assertEquals(0, noted.code(), noted.err());
        assertTrue(noted.out().contains("ALTER TABLE public.parcels ADD COLUMN label text;\n-- column order differs in "
                + "public.parcels: label is placed last"), noted.out());
        assertTrue(noted.err().startsWith("note: column order differs in public.parcels"), noted.err());

        Result rewritten = diff("--from", before, "--to", after, "--rewrite-column-order");
        assertEquals(0, rewritten.code(), rewritten.err());
        assertTrue(rewritten.out().contains("CREATE TABLE public.automigrate_rows_of_parcels AS SELECT id, "
                + "weight FROM public.parcels;"), rewritten.out());
        assertFalse(rewritten.out().contains("column order differs") || rewritten.err().contains("column order"),
                rewritten.out() + rewritten.err());
        ShadowDatabase db = database(fromSql + "INSERT INTO parcels VALUES (1, 250), (2, 40);\n");
        apply(db, rewritten.out());
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
                     + " WHERE attrelid = 'public.parcels'::regclass AND attnum > 0 AND NOT attisdropped")) {
            rs.next();
            assertEquals("id,label,weight", rs.getString(1));
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(id || ':' || weight, ',' ORDER BY id) FROM parcels")) {
            rs.next();
            assertEquals("1:250,2:40", rs.getString(1));
        }
    }

    @Test
    void misplaced_hint_is_bad_input() throws Exception {
        String after = write("after.sql", "CREATE TABLE t (id int);\n-- automigrate:renamed-from old\n");
        Result result = diff("--from", "empty", "--to", after);
        assertEquals(2, result.code());
        assertEquals("error: " + after + ":2: automigrate:renamed-from must follow the table or column it renames\n",
                result.err());
        assertEquals("", result.out());
    }

    @Test
    void bad_sql_names_file_line_and_column() throws Exception {
        String after = write("after.sql", "CREATE TABLE t (\n  id int,\n  kind bogus\n);\n");
        Result result = diff("--from", "empty", "--to", after);
        assertEquals(2, result.code());
        assertEquals("error: " + after + ":3:8: ERROR: type \"bogus\" does not exist\n", result.err());
    }

    @Test
    void unknown_source_is_bad_input() {
        Result result = diff("--from", "mysql://localhost/shop", "--to", "empty");
        assertEquals(2, result.code());
        assertEquals("error: cannot read source 'mysql://localhost/shop': expected empty, a .sql file, a directory "
                + "of .sql files, a .prisma schema or a postgresql:// URL\n", result.err());
    }

    @Test
    void unreachable_url_names_the_host_and_never_the_password() {
        String url = "postgresql://app:" + PASSWORD + "@127.0.0.1:1/shop";
        for (String format : List.of("sql", "json")) {
            Result result = diff("--from", url, "--to", "empty", "--format", format);
            assertEquals(3, result.code(), result.err());
            assertTrue(result.err().contains("127.0.0.1:1"), result.err());
            assertFalse(result.err().contains(PASSWORD), result.err());
            assertFalse(result.out().contains(PASSWORD), result.out());
        }
        Result verbose = run(Map.of(), "diff", "--verbose", "--from", url, "--to", url);
        assertEquals(3, verbose.code());
        assertFalse(verbose.err().contains(PASSWORD), verbose.err());
    }

    @Test
    void bad_pg_version_is_bad_input() {
        Result outOfRange = run(Map.of(), "diff", "--from", "empty", "--to", "empty", "--pg-version", "12");
        assertEquals(2, outOfRange.code());
        assertEquals("error: --pg-version 12: expected a PostgreSQL major version from 13 to 18\n", outOfRange.err());
        Result notANumber = run(Map.of(), "diff", "--from", "empty", "--to", "empty", "--pg-version", "seventeen");
        assertEquals(2, notANumber.code());
        assertTrue(notANumber.err().contains("seventeen"), notANumber.err());
        Result fromEnv = run(Map.of("AUTOMIGRATE_PG_VERSION", "9"), "diff", "--from", "empty", "--to", "empty");
        assertEquals(2, fromEnv.code());
        assertTrue(fromEnv.err().contains("AUTOMIGRATE_PG_VERSION"), fromEnv.err());
    }

    @Test
    void usage_errors_help_and_version() {
        Result missing = run(Map.of(), "diff", "--from", "empty");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--to"), missing.err());
        assertEquals(2, run(Map.of(), "frobnicate").code());
        Result typo = run(Map.of(), "diff", "--from", "empty", "--to", "empty", "--fromm", "postgresql://app:" + PASSWORD + "@db.example.com/shop");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("--fromm") && typo.err().contains("db.example.com"), typo.err());
        assertFalse(typo.err().contains(PASSWORD) || typo.out().contains(PASSWORD), typo.err());
        assertEquals(2, run(Map.of()).code());
        assertEquals(2, run(Map.of(), "diff", "--from", "empty", "--to", "empty", "--format", "yaml").code());

        Result help = run(Map.of(), "diff", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--exit-code") && help.out().contains("--shadow-url"), help.out());
        assertEquals(0, run(Map.of(), "--help").code());
        Result version = run(Map.of(), "--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("automigrate \\d+\\.\\d+\\.\\d+.*\\n"), version.out());
        assertEquals(version, run(Map.of(), "diff", "--version"));
    }

    @Test
    void a_prisma_schema_is_a_source_mapped_as_prisma_migrate_maps_it() throws Exception {
        String schema = write("prisma/schema.prisma", """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                model User {
                  id    Int    @id @default(autoincrement())
                  email String @unique
                }
                """);
        Result r = diff("--from", "empty", "--to", schema);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("User_email_key"), r.out());
        assertTrue(r.out().contains("User_pkey"), r.out());

        String bad = write("bad/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel User {\n  id Int @id @primary\n}\n");
        Result refused = diff("--from", "empty", "--to", bad);
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains(bad + ":6:14: unknown attribute @primary"), refused.err());
    }
}
