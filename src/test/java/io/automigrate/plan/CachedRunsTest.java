package io.automigrate.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code automigrate plan} as a developer runs it again and again: separate processes sharing one cache
 * directory and the embedded server kept there. Which way each step went is read from AUTOMIGRATE_TRACE's lines.
 */
class CachedRunsTest {
    @TempDir
    Path project;
    @TempDir
    Path cache;

    record Run(int exit, String out) {
    }

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.automigrate.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(project.resolve("run.log").toFile()).directory(project.toFile());
        builder.environment().put("AUTOMIGRATE_CACHE_DIR", cache.toString());
        builder.environment().put("AUTOMIGRATE_TRACE", "1");
        builder.environment().remove("AUTOMIGRATE_CACHE");
        builder.environment().remove("AUTOMIGRATE_SEED_DIR");
        return builder.start();
    }

    private Run plan(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("plan"));
        all.addAll(List.of(args));
        Process process = start(all.toArray(String[]::new));
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "plan finished");
        return new Run(process.exitValue(), Files.readString(project.resolve("run.log")));
    }

    private void schema(String sql) throws Exception {
        Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(project.resolve("db/schema.sql"), sql);
    }

    private static final String USERS = """
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL
            );
            """;

    @Test
    void laterRunsReuseTheServerTheTemplateAndTheBlankDatabase() throws Exception {
        schema(USERS);
        Run first = plan();
        assertEquals(0, first.exit(), first.out());
        for (String step : List.of("embedded server: binaries ready in the cache",
                "embedded server: data directory made by initdb",
                "embedded server started from the cache's binaries")) {
            assertTrue(first.out().contains(step), step + ":\n" + first.out());
        }
        assertTrue(first.out().contains("shadow: blank database made"), first.out());
        assertTrue(first.out().contains("(in a rolled-back transaction)"), first.out());

        schema(USERS + "ALTER TABLE users ADD COLUMN name text;\n");
        Run replays = plan("--check");
        assertEquals(1, replays.exit(), replays.out());
        assertTrue(replays.out().contains("plan: history replayed"), "the history changed: " + replays.out());
        Run again = plan("--check");
        assertEquals(1, again.exit(), again.out());
        for (String step : List.of("embedded server restarted from the cache", "plan: history read from its template",
                "schema files loaded and inspected (in a rolled-back transaction)")) {
            assertTrue(again.out().contains(step), step + ":\n" + again.out());
        }
        assertFalse(again.out().contains("blank database made"), again.out());
        assertFalse(again.out().contains("binaries ready") || again.out().contains("initdb"), "unpacked once: "
                + again.out());
        assertFalse(again.out().contains("proving again on a copy"), again.out());
        assertEquals(4, again.out().lines().filter(l -> l.startsWith("  ok   ")).count(), again.out());
        assertTrue(again.out().contains("ALTER TABLE public.users ADD COLUMN name text;"), again.out());

        Run written = plan();
        assertEquals(0, written.exit(), written.out());
        assertTrue(written.out().startsWith("wrote db/migrations/") || written.out().contains("\nwrote db/migrations/"),
                written.out());
        assertTrue(plan().out().contains("schema and migrations agree"));
    }

    @Test
    void schemasThatCannotLoadInOneTransactionLoadIntoANewDatabase() throws Exception {
        schema(USERS);
        assertEquals(0, plan().exit());

        // CONCURRENTLY refuses a transaction block: the rolled-back load fails, a new database loads it.
        schema(USERS + "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n");
        Run concurrently = plan();
        assertEquals(0, concurrently.exit(), concurrently.out());
        assertTrue(concurrently.out().contains("(in a new database)"), concurrently.out());
        assertTrue(concurrently.out().contains("users_email_idx"), concurrently.out());

        // COMMIT would make the blank database keep objects: such a schema never loads there.
        schema("BEGIN;\n" + USERS + "CREATE INDEX users_email_idx ON users (email);\nCOMMIT;\n");
        Run committing = plan();
        assertEquals(0, committing.exit(), committing.out());
        assertTrue(committing.out().contains("(in a new database)"), committing.out());
        assertTrue(committing.out().contains("schema and migrations agree"), committing.out());

        schema(USERS + "CREATE INDEX users_email_idx ON users (email);\n");
        Run after = plan();
        assertTrue(after.out().contains("(in a rolled-back transaction)"), after.out());
        assertFalse(after.out().contains("blank database made again"), "the blank database stayed blank: " + after.out());
        assertTrue(after.out().contains("schema and migrations agree"), after.out());
    }

    @Test
    void aRunKilledMidWayLeavesNothingThatStopsTheNext() throws Exception {
        schema(USERS);
        assertEquals(0, plan().exit());
        schema(USERS + "ALTER TABLE users ADD COLUMN name text;\n");
        Process killed = start("plan");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.readString(project.resolve("run.log")).contains("embedded server restarted from the cache")) {
            assertTrue(System.nanoTime() < deadline && killed.isAlive(), Files.readString(project.resolve("run.log")));
            Thread.sleep(10);
        }
        killed.destroyForcibly().waitFor();

        Run next = plan();
        assertEquals(0, next.exit(), next.out());
        assertTrue(next.out().contains("embedded server restarted from the cache"), next.out());
        assertTrue(next.out().contains("wrote db/migrations/"), next.out());
        assertTrue(plan().out().contains("schema and migrations agree"));
    }
}
