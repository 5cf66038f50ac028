package io.automigrate.bench;

import io.automigrate.db.DatabaseUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code pg_dump --schema-only} as a process and measures its wall time. */
final class PgDump {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private final Path executable;

    PgDump(Path executable) {
        this.executable = executable;
    }

    Path executable() {
        return executable;
    }

    /** The first line of {@code pg_dump --version}, e.g. {@code pg_dump (PostgreSQL) 15.18 (Debian ...)}. */
    String version() {
        List<String> output = run(List.of(executable.toString(), "--version"), null, "--version");
        return output.isEmpty() ? "unknown" : output.get(0).strip();
    }

    int majorVersion() {
        Matcher matcher = VERSION.matcher(version());
        if (!matcher.find()) {
            throw new IllegalStateException("cannot read the version of " + executable + ": " + version());
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Dumps the schema of {@code url}'s database into {@code target}; returns the process's wall time in ms. */
    double dump(DatabaseUrl url, Path target) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--schema-only", "--no-password",
                "--host", url.host(), "--port", Integer.toString(url.port()), "--username", url.user(),
                "--dbname", url.database(), "--file", target.toString()));
        long start = System.nanoTime();
        run(command, url.password(), "--schema-only of " + url.database());
        return (System.nanoTime() - start) / 1e6;
    }

    private List<String> run(List<String> command, String password, String what) {
        Path output = null;
        try {
            output = Files.createTempFile("automigrate-bench-pgdump", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (password != null) {
                builder.environment().put("PGPASSWORD", password);
            }
            Process process = builder.start();
            int exit = process.waitFor();
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException(executable + " " + what + " failed with exit code " + exit + ": "
                        + String.join(" / ", lines));
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable + " (" + e.getMessage()
                    + "); name another one with --pg-dump", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + executable, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
