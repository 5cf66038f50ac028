package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.git.WorkTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The variable that names the backup folder. */
    public static final String FOLDER_VARIABLE = "AUTOMIGRATE_BACKUP_DIR";

    /**
     * Where backups go: {@code AUTOMIGRATE_BACKUP_DIR} (relative to the project folder), else
     * {@code $RUNNER_TEMP/automigrate-backups} in GitHub Actions, else {@code $XDG_STATE_HOME/automigrate/backups}
     * ({@code ~/.local/state/automigrate/backups}). Never the work tree by default: a dump in it is one
     * {@code git add -A} away from being committed.
     */
    public static Path folder(Path root, Map<String, String> environment) {
        String named = environment.get(FOLDER_VARIABLE);
        if (named != null && !named.isBlank()) return root.resolve(named).toAbsolutePath().normalize();
        String runnerTemp = environment.get("RUNNER_TEMP");
        if (runnerTemp != null && !runnerTemp.isBlank()) return Path.of(runnerTemp, "automigrate-backups");
        String state = environment.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return base.resolve("automigrate").resolve("backups").toAbsolutePath().normalize();
    }

    /**
     * Creates {@code dir} (owner-only where the file system has POSIX modes), refusing (exit 2) a folder inside the
     * project's git work tree, or inside the project folder when that is in none, unless git ignores it.
     */
    static void prepare(Path root, Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        Path project = root.toAbsolutePath().normalize();
        Optional<Path> workTree = WorkTree.of(project);
        Path boundary = workTree.orElse(project);
        if (!folder.startsWith(boundary)) {
            create(folder);
            return;
        }
        Path missing = folder;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) missing = missing.getParent();
        boolean existed = Files.exists(folder);
        create(folder);
        boolean ignored;
        try {
            ignored = workTree.isPresent() && WorkTree.ignored(workTree.get(), folder);
        } catch (IOException e) {
            ignored = false;
        }
        if (ignored) return;
        if (!existed) io.automigrate.TempFolders.deleteQuietly(missing);
        String relative = boundary.relativize(folder).toString().replace('\\', '/');
        throw AutomigrateException.badInput("backup folder " + folder + " is inside "
                + (workTree.isPresent() ? "the git work tree " + boundary + " and git does not ignore it"
                : "the project folder " + boundary + ", which is not in a git work tree, so nothing keeps it out of "
                + "a commit") + ": a database dump there is one 'git add -A' away from the repository. "
                + (workTree.isPresent() ? "Add '/" + relative + "/' to .gitignore, or set " : "Set ") + FOLDER_VARIABLE
                + " to a folder outside it (by default backups go to $RUNNER_TEMP in GitHub Actions, else "
                + "~/.local/state/automigrate/backups); nothing was applied");
    }

    private static void create(Path folder) {
        try {
            if (Files.isDirectory(folder)) return;
            Files.createDirectories(folder, ownerOnly(folder, OWNER_ONLY_FOLDER));
        } catch (IOException e) {
            throw AutomigrateException.badInput("backup: cannot create the folder " + folder + ": " + e.getMessage()
                    + "; set " + FOLDER_VARIABLE + " to a folder this user may write; nothing was applied");
        }
    }

    private static final java.util.Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final java.util.Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    /**
     * {@code permissions} as a creation attribute where the file system has POSIX modes; none elsewhere (Windows),
     * where the folder's own access rules apply.
     */
    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path path,
                                                                        java.util.Set<PosixFilePermission> permissions) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }

    /** Writes {@code <dir>/<label>-<UTC time>.dump}, readable by its owner only, and returns it. */
    public static Path dump(String pgDump, DatabaseUrl url, Path root, Path dir, String label, Instant now) {
        if (url == null) {
            throw AutomigrateException.badInput("the environment asks for a backup ('backup: true'), but connections "
                    + "come from a DataSource, which pg_dump cannot use: back up before starting, or set backup: false");
        }
        prepare(root, dir);
        Path file = dir.resolve(label.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + STAMP.format(now) + ".dump");
        List<String> command = new ArrayList<>(List.of(pgDump, "--format=custom", "--no-password", "--file",
                file.toString(), "--host", url.host(), "--port", Integer.toString(url.port())));
        if (url.user() != null) command.addAll(List.of("--username", url.user()));
        command.addAll(List.of("--dbname", url.database()));
        Path log = null;
        try {
            // pg_dump opens an existing file without changing its mode: created first, the dump is never readable
            // by others, not even while it is written.
            Files.deleteIfExists(file);
            Files.createFile(file, ownerOnly(file, OWNER_ONLY_FILE));
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
