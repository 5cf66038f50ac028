package io.automigrate.cli;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code schema: {command: ...}}: a program that prints the schema's DDL (here a small shell script standing in for
 * drizzle-kit export) is run in the project folder, and its output is the desired schema of plan; a failing, slow,
 * silent or wrong program is exit 2 naming the command, with its stderr, before any database is touched.
 */
class SchemaCommandCliTest {
    @TempDir
    Path project;
    private static ShadowDatabase shadowHost;

    record Result(int code, String out) {
    }

    @BeforeAll
    static void host() {
        shadowHost = TestPostgres.newDatabase("schemacmd");
    }

    @AfterAll
    static void drop() {
        shadowHost.close();
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--shadow", "url", "--shadow-url", shadowHost.url().display()));
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("AUTOMIGRATE_PROJECT_DIR", project.toString()));
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private void project(String config, String script) throws Exception {
        Files.createDirectories(project.resolve("db/migrations"));
        Files.createDirectories(project.resolve("src/db"));
        Files.writeString(project.resolve("automigrate.yml"), config);
        Files.writeString(project.resolve("print-schema.sh"), script);
    }

    @Test
    void plan_takes_the_commands_output_as_the_desired_schema() throws Exception {
        // The script reads a file by a relative path: it runs in the project folder.
        project("schema:\n  command: sh print-schema.sh\n  watch: [src/db]\n", "cat src/db/tables.sql\n");
        Files.writeString(project.resolve("src/db/tables.sql"), """
                CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
                --> statement-breakpoint
                CREATE INDEX users_email_idx ON users (email);
                """);
        Result plan = run("plan");
        assertEquals(0, plan.code(), plan.out());
        List<Path> written;
        try (Stream<Path> files = Files.list(project.resolve("db/migrations"))) {
            written = files.toList();
        }
        assertEquals(1, written.size(), plan.out());
        String text = Files.readString(written.get(0));
        assertTrue(text.contains("CREATE TABLE public.users") && text.contains("users_email_idx"), text);
        assertTrue(text.contains("generated from sh print-schema.sh"), text);

        Result again = run("plan");
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("agree"), again.out());
    }

    @Test
    void a_failing_command_is_exit_2_with_its_status_and_stderr() throws Exception {
        project("schema: {command: sh print-schema.sh}\n",
                "echo 'CREATE TABLE half (id int);'\necho 'drizzle: cannot find drizzle.config.ts' >&2\nexit 3\n");
        Result validate = run("validate");
        assertEquals(2, validate.code(), validate.out());
        assertTrue(validate.out().contains("schema command 'sh print-schema.sh' failed with exit status 3"),
                validate.out());
        assertTrue(validate.out().contains("drizzle: cannot find drizzle.config.ts"), validate.out());
        assertFalse(validate.out().contains("at io.automigrate"), validate.out());
    }

    @Test
    void a_command_that_runs_too_long_is_stopped() throws Exception {
        project("schema:\n  command: sh print-schema.sh\n  timeout: 1s\n", "echo started >&2\nsleep 30\n");
        long start = System.nanoTime();
        Result validate = run("validate");
        assertEquals(2, validate.code(), validate.out());
        assertTrue(validate.out().contains("did not finish within 1s and was stopped"), validate.out());
        assertTrue(validate.out().contains("started"), validate.out());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "stopped, not waited for");
    }

    @Test
    void a_command_that_prints_nothing_is_refused() throws Exception {
        project("schema: {command: sh print-schema.sh}\n", "true\n");
        Result validate = run("validate");
        assertEquals(2, validate.code(), validate.out());
        assertTrue(validate.out().contains("printed nothing on stdout"), validate.out());
    }

    @Test
    void bad_sql_in_the_output_names_the_command_and_the_line_of_its_output() throws Exception {
        project("schema: {command: sh print-schema.sh}\n",
                "echo 'CREATE TABLE a (id int);'\necho 'CREATE TABLE b (id int,, x int);'\n");
        Result validate = run("validate");
        assertEquals(2, validate.code(), validate.out());
        assertTrue(validate.out().contains("sh print-schema.sh (output):2:"), validate.out());
    }

    @Test
    void path_and_command_together_are_refused() throws Exception {
        project("schema: {path: db/schema.sql, command: sh print-schema.sh}\n", "true\n");
        Result validate = run("validate");
        assertEquals(2, validate.code(), validate.out());
        assertTrue(validate.out().contains("give either 'path' or 'command', not both"), validate.out());
    }
}
