package io.automigrate.cli;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Output is UTF-8 whatever the locale: the CLI runs as its own process (as in a container) with no LANG, LC_ALL or
 * LC_CTYPE, and its stdout and stderr bytes are decoded as UTF-8.
 */
class Utf8OutputTest {
    @TempDir
    Path project;

    record Output(int exit, String out, String err) {
    }

    private Output run(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("AUTOMIGRATE_PROJECT_DIR", project.toString());
        Path out = project.resolve("stdout.bin");
        Path err = project.resolve("stderr.bin");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the CLI finished");
        return new Output(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
    }

    @Test
    void nonAsciiIdentifiersAndArrowsPrintAsUtf8WithoutALocale() throws Exception {
        Files.writeString(project.resolve("schema.sql"),
                "CREATE TABLE \"café\" (id int, \"naïve→x\" text);\n", StandardCharsets.UTF_8);
        try (ShadowDatabase shadow = TestPostgres.newDatabase("utf8")) {
            Output diff = run("diff", "--from", "empty", "--to", "schema.sql", "--shadow", "url", "--shadow-url",
                    shadow.url().display());
            assertEquals(0, diff.exit(), diff.out() + diff.err());
            assertTrue(diff.out().contains("\"café\"") && diff.out().contains("\"naïve→x\""), diff.out());
            assertFalse(diff.out().contains("?"), diff.out());
        }
    }

    @Test
    void errorsOnStderrAreUtf8TooWithoutALocale() throws Exception {
        Files.writeString(project.resolve("automigrate.yml"), "naïve→key: 1\n", StandardCharsets.UTF_8);
        Output validate = run("validate");
        assertEquals(2, validate.exit(), validate.err());
        assertTrue(validate.err().contains("'naïve→key'"), validate.err());
    }
}
