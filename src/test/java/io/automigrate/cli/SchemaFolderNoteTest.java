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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files of a schema folder that are not loaded (UPPER.SQL, notes.txt) are named in a note by validate and plan. */
class SchemaFolderNoteTest {
    @TempDir
    Path project;

    private String run(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ShadowDatabase admin = TestPostgres.newDatabase("admin")) {
            int exit = Main.run(new String[] {command, "--shadow", "url", "--shadow-url", admin.url().display()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of("AUTOMIGRATE_PROJECT_DIR", project.toString()));
            String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, all);
            return all;
        }
    }

    @Test
    void skippedFilesAreNamed() throws Exception {
        Files.createDirectories(project.resolve("db/schema/more"));
        Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(project.resolve("automigrate.yml"), "schema: db/schema\n");
        Files.writeString(project.resolve("db/schema/01_users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Files.writeString(project.resolve("db/schema/02_ORDERS.SQL"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Files.writeString(project.resolve("db/schema/more/notes.txt"), "CREATE TABLE notes (id int);\n");
        Files.writeString(project.resolve("db/schema/.gitkeep"), "");

        String validate = run("validate");
        assertTrue(validate.contains("note: db/schema: 2 file(s) not loaded") && validate.contains("02_ORDERS.SQL")
                && validate.contains("more/notes.txt"), validate);
        assertFalse(validate.contains(".gitkeep"), validate);

        String plan = run("plan");
        assertTrue(plan.contains("note: db/schema: 2 file(s) not loaded"), plan);
        assertFalse(plan.contains("orders"), plan);
    }
}
