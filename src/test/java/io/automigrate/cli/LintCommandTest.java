package io.automigrate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code automigrate lint} and the lint options of {@code plan}, through {@link Main#run}, on the test server. */
class LintCommandTest {
    private static final String INIT = """
            --liquibase formatted sql

            --changeset dev:init
            CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text);
            --rollback DROP TABLE users;
            """;

    @TempDir
    Path project;

    private static ShadowDatabase shadowHost;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void host() {
        shadowHost = TestPostgres.newDatabase("linthost");
    }

    @AfterAll
    static void dropHost() {
        shadowHost.close();
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--shadow", "url", "--shadow-url", shadowHost.url().display()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AUTOMIGRATE_PROJECT_DIR", project.toString()));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String migration(String name, String body) throws Exception {
        Path dir = project.resolve("db/migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("20260101000000_init.sql"), INIT);
        Files.writeString(dir.resolve(name), "--liquibase formatted sql\n\n--changeset dev:" + name + "\n" + body);
        return "db/migrations/" + name;
    }

    @Test
    void anErrorFindingFailsUntilAllowedOnTheCommandLine() throws Exception {
        String file = migration("20260102000000_drop_legacy.sql", "ALTER TABLE users DROP COLUMN legacy;\n");
        Result blocked = run("lint", file);
        assertEquals(1, blocked.code(), blocked.out() + blocked.err());
        assertTrue(blocked.out().contains("AM102 column dropped: column public.users.legacy (" + file + ":4)"),
                blocked.out());
        assertTrue(blocked.out().contains("risk high"), blocked.out());
        Result allowed = run("lint", file, "--allow", "AM102");
        assertEquals(0, allowed.code(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("allowed: --allow AM102"), allowed.out());
    }

    @Test
    void aMigrationThatReCreatesATableInAnotherColumnOrderIsReportedAsATableReCreation() throws Exception {
        String file = migration("20260102000000_reorder_users.sql", """
                CREATE TABLE public.automigrate_rows_of_users AS SELECT id, legacy, email FROM public.users;
                DROP TABLE public.users;
                CREATE TABLE public.users (id bigint PRIMARY KEY, legacy text, email text);
                INSERT INTO public.users (id, legacy, email) SELECT * FROM public.automigrate_rows_of_users;
                DROP TABLE public.automigrate_rows_of_users;
                """);
        Result result = run("lint", file);
        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("AM413"), result.out());
    }

    @Test
    void environmentPolicyAllowsAndRaises() throws Exception {
        Files.writeString(project.resolve("automigrate.yml"), """
                environments:
                  production:
                    production: true
                    allow: [AM102]
                    errors: [AM401]
                  staging:
                    branches: [develop]
                """);
        String drop = migration("20260102000000_drop_legacy.sql", "ALTER TABLE users DROP COLUMN legacy;\n");
        assertEquals(0, run("lint", drop, "--env", "production").code());
        assertEquals(1, run("lint", drop, "--env", "staging").code());
        String index = migration("20260102000000_index_email.sql", "CREATE INDEX users_email_idx ON users (email);\n");
        assertEquals(0, run("lint", index, "--env", "staging").code(), "a warning does not block");
        Result raised = run("lint", index, "--env", "production", "--format", "json");
        assertEquals(1, raised.code(), raised.out() + raised.err());
        JsonNode json = new ObjectMapper().readTree(raised.out());
        JsonNode finding = json.get("findings").get(0);
        assertEquals("AM401", finding.get("code").asText());
        assertEquals("error", finding.get("severity").asText());
        // Absolute, like the markdown links: the JSON is read where automigrate's docs are not beside it.
        assertEquals(io.automigrate.Version.docsUrl("docs/lint.md#am401"), finding.get("docs").asText());
        assertTrue(finding.get("docs").asText().startsWith("https://github.com/"), finding.get("docs").asText());
        assertEquals("high", json.get("risk").asText());
    }

    @Test
    void inlineAllowCommentSuppressesWithItsReason() throws Exception {
        String file = migration("20260102000000_drop_legacy.sql",
                "-- automigrate:allow AM102 legacy unused since v2\nALTER TABLE users DROP COLUMN legacy;\n");
        Result result = run("lint", file, "--format", "markdown");
        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("[AM102](" + io.automigrate.Version.docsUrl("docs/lint.md#am102") + ")"), result.out());
        assertTrue(result.out().contains("legacy unused since v2"), result.out());
    }

    @Test
    void badFilesAndCodesAreExitTwoWithFileAndLine() throws Exception {
        String broken = migration("20260102000000_broken.sql", "ALTER TABLE users DROP COLUMN nope;\n");
        Result failing = run("lint", broken);
        assertEquals(2, failing.code(), failing.out() + failing.err());
        assertTrue(failing.err().contains(broken + ":4:"), failing.err());
        Files.writeString(project.resolve("plain.sql"), "DROP TABLE users;\n");
        Result notFormatted = run("lint", "plain.sql");
        assertEquals(2, notFormatted.code());
        assertTrue(notFormatted.err().contains("plain.sql:1:"), notFormatted.err());
        Result badCode = run("lint", broken, "--allow", "AM999");
        assertEquals(2, badCode.code());
        assertTrue(badCode.err().contains("AM999"), badCode.err());
        assertEquals(2, run("lint", "missing.sql").code());
    }

    @Test
    void planReportsFindingsGroupedWithRiskAndTakesAllow() throws Exception {
        Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(project.resolve("db/migrations/20260101000000_init.sql"), INIT);
        Files.writeString(project.resolve("db/schema.sql"), """
                CREATE TABLE users (id bigint PRIMARY KEY, email text);
                CREATE INDEX users_email_idx ON users (email);
                """);
        Result planned = run("plan", "--check", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(planned.out());
        assertEquals("high", json.get("risk").asText(), planned.out());
        List<String> codes = new ArrayList<>();
        json.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        assertTrue(codes.contains("AM102") && codes.contains("AM401"), codes.toString());
        JsonNode drop = json.get("findings").findParents("code").stream()
                .filter(f -> f.get("code").asText().equals("AM102")).findFirst().orElseThrow();
        assertTrue(drop.get("line").asInt() > 0, drop.toString());
        Result allowed = run("plan", "--check", "--format", "markdown", "--allow", "AM102");
        assertTrue(allowed.out().contains("**Risk:** medium"), allowed.out());
        assertTrue(allowed.out().contains("**Allowed (1)**"), allowed.out());
        assertTrue(allowed.out().contains("[AM401](" + io.automigrate.Version.docsUrl("docs/lint.md#am401") + ")"), allowed.out());
        assertFalse(allowed.out().contains("**Errors"), allowed.out());
    }
}
