package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;
import io.automigrate.db.DatabaseUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code pg_dump} of the target before anything is applied, in PostgreSQL's custom format (restore with
 * {@code pg_restore}). The password goes to pg_dump through {@code PGPASSWORD}, never on its command line. A backup
 * that cannot be made stops the deploy: it is never skipped silently.
 */
public final class Backup {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Backup() {
    }

    /** Writes {@code <dir>/<label>-<UTC time>.dump} and returns it. */
    public static Path dump(String pgDump, DatabaseUrl url, Path dir, String label, Instant now) {
        if (url == null) {
            throw AutomigrateException.badInput("the environment asks for a backup ('backup: true'), but connections "
                    + "come from a DataSource, which pg_dump cannot use: back up before starting, or set backup: false");
        }
        Path file = dir.resolve(label.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + STAMP.format(now) + ".dump");
        List<String> command = new ArrayList<>(List.of(pgDump, "--format=custom", "--no-password", "--file",
                file.toString(), "--host", url.host(), "--port", Integer.toString(url.port())));
        if (url.user() != null) command.addAll(List.of("--username", url.user()));
        command.addAll(List.of("--dbname", url.database()));
        Path log = null;
        try {
            Files.createDirectories(dir);
            log = Files.createTempFile("automigrate-pg_dump", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            if (url.password() != null) env.put("PGPASSWORD", url.password());
            String sslMode = url.parameters().get("sslmode");
            if (sslMode != null) env.put("PGSSLMODE", sslMode);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw AutomigrateException.badInput("backup required ('backup: true'), but '" + pgDump + "' cannot be "
                        + "run: " + e.getMessage() + ". Install the PostgreSQL client (pg_dump of the server's major "
                        + "version or newer) or set 'pg-dump' to its path; nothing was applied");
            }
            if (!process.waitFor(Duration.ofHours(6).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw AutomigrateException.database("backup: pg_dump did not finish within 6 hours; nothing was applied", null);
            }
            String output = Secrets.redact(Files.readString(log, StandardCharsets.UTF_8).strip());
            if (process.exitValue() != 0) {
                Files.deleteIfExists(file);
                throw AutomigrateException.database("backup failed: " + pgDump + " exited with " + process.exitValue()
                        + (output.isEmpty() ? "" : ": " + output.lines().limit(5).reduce((a, b) -> a + " / " + b).orElse(""))
                        + "; nothing was applied", null);
            }
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                throw AutomigrateException.database("backup failed: " + pgDump + " wrote no file at " + file
                        + "; nothing was applied", null);
            }
            return file;
        } catch (IOException e) {
            throw AutomigrateException.badInput("backup: cannot write under " + dir + ": " + e.getMessage()
                    + "; nothing was applied");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AutomigrateException.database("backup interrupted; nothing was applied", e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
