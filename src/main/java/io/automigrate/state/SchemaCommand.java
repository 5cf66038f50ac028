package io.automigrate.state;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;
import io.automigrate.config.Config;
import io.automigrate.config.SchemaSource;
import io.automigrate.source.SqlFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code schema: {command: ...}}: any program that prints the desired schema's DDL on stdout (drizzle-kit export,
 * TypeORM, Prisma's own {@code migrate diff --script}), run in the project folder by the system shell. Its output
 * loads like a schema file, named {@code <command> (output)} in every message, so an error names the output's line.
 * A failure, a timeout or no output is exit 2 before any database starts, with the program's stderr.
 */
final class SchemaCommand {
    /** How much of a failing program's stderr is shown (its end, where the error usually is). */
    private static final int STDERR_LINES = 40;

    private SchemaCommand() {
    }

    static SchemaState.Files run(Path root, SchemaSource source) {
        String command = source.command();
        Path out;
        Path err;
        try {
            out = Files.createTempFile("automigrate-schema-command", ".sql");
            err = Files.createTempFile("automigrate-schema-command", ".err");
            out.toFile().deleteOnExit();
            err.toFile().deleteOnExit();
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot write a temporary file for the schema command: " + e.getMessage());
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        ProcessBuilder builder = new ProcessBuilder(windows ? List.of("cmd", "/c", command) : List.of("sh", "-c", command))
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice(windows)))
                // Files, not pipes: a program that writes much to stderr cannot block on a full pipe.
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw AutomigrateException.badInput(named(command) + " could not be started: " + e.getMessage());
        }
        int status;
        try {
            if (!process.waitFor(source.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw AutomigrateException.badInput(named(command) + " did not finish within " + shown(source.timeout())
                        + " and was stopped (raise 'timeout' under 'schema' in " + Config.FILE_NAME
                        + " if it needs longer)" + stderr(err));
            }
            status = process.exitValue();
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw AutomigrateException.badInput(named(command) + " was interrupted");
        }
        if (status != 0) {
            throw AutomigrateException.badInput(named(command) + " failed with exit status " + status + " (it runs in "
                    + root.toAbsolutePath().normalize() + " and must print the schema's SQL DDL on stdout)" + stderr(err));
        }
        SqlFile file = new SqlFile(command + " (output)", out);
        if (file.read().isBlank()) {
            throw AutomigrateException.badInput(named(command) + " printed nothing on stdout: it must print the "
                    + "schema's SQL DDL (CREATE TABLE ...); a plan would otherwise drop every table" + stderr(err));
        }
        return new SchemaState.Files(command, List.of(file));
    }

    private static String named(String command) {
        return "schema command '" + Secrets.redact(command) + "'";
    }

    /** The program and whatever it started (npx starts node): nothing is left running. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stderr(Path err) {
        String text;
        try {
            text = new String(Files.readAllBytes(err), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
        if (text.isEmpty()) return " (it wrote nothing on stderr)";
        List<String> lines = text.lines().toList();
        String shown = lines.size() <= STDERR_LINES ? text
                : "[... " + (lines.size() - STDERR_LINES) + " earlier line(s)]\n"
                + String.join("\n", lines.subList(lines.size() - STDERR_LINES, lines.size()));
        return "; its stderr:\n" + Secrets.redact(shown);
    }

    private static String shown(Duration timeout) {
        long millis = timeout.toMillis();
        if (millis % 60_000 == 0) return millis / 60_000 + "m";
        if (millis % 1000 == 0) return millis / 1000 + "s";
        return millis + "ms";
    }

    private static java.io.File nullDevice(boolean windows) {
        return new java.io.File(windows ? "NUL" : "/dev/null");
    }
}
