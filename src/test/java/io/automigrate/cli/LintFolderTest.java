package io.automigrate.cli;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lint <folder>} lints every migration file in it. */
class LintFolderTest {
    @TempDir
    Path project;

    record Result(int exit, String out, String err) {
    }

    private Result lint(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ShadowDatabase admin = TestPostgres.newDatabase("admin")) {
            String[] full = java.util.stream.Stream.concat(java.util.stream.Stream.of("lint"), java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(args), java.util.stream.Stream.of("--shadow", "url", "--shadow-url",
                            admin.url().display()))).toArray(String[]::new);
            int exit = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AUTOMIGRATE_PROJECT_DIR", project.toString()));
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFolderLintsEveryMigrationInIt() throws Exception {
        Path dir = Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(dir.resolve("20260101000000_users.sql"), "--liquibase formatted sql\n\n--changeset dev:users\n"
                + "CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text);\n");
        Files.writeString(dir.resolve("20260102000000_index.sql"), "--liquibase formatted sql\n\n--changeset dev:index\n"
                + "CREATE INDEX users_email_idx ON users (email);\n");
        Files.writeString(dir.resolve("20260103000000_drop.sql"), "--liquibase formatted sql\n\n--changeset dev:drop\n"
                + "ALTER TABLE users DROP COLUMN legacy;\n");
        Result result = lint("db/migrations");
        assertEquals(1, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains("AM401") && result.out().contains("db/migrations/20260102000000_index.sql"),
                result.out());
        assertTrue(result.out().contains("AM102") && result.out().contains("db/migrations/20260103000000_drop.sql"),
                result.out());

        Files.createDirectories(project.resolve("empty"));
        Result empty = lint("empty");
        assertEquals(2, empty.exit(), empty.out() + empty.err());
        assertTrue(empty.err().contains("empty: the folder holds no .sql migration file"), empty.err());
    }
}
