package io.automigrate.deploy;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups never land in the repository: by default they go outside the work tree ($RUNNER_TEMP in the Action, else
 * the user's state folder); a folder inside it is refused unless git ignores it; every dump is mode 600.
 * pg_dump is a script that writes its --file as pg_dump does (created with the umask's mode when it is new).
 */
class BackupLocationTest {
    @TempDir
    Path project;
    @TempDir
    Path outside;

    private DeployFixture fixture(String purpose) throws Exception {
        DeployFixture f = new DeployFixture(project, purpose);
        Git.init().setDirectory(project.toFile()).call().close();
        Path pgDump = outside.resolve("pg_dump.sh");
        Files.writeString(pgDump, """
                #!/bin/sh
                while [ $# -gt 0 ]; do [ "$1" = --file ] && out="$2"; shift; done
                echo 'PGDMP stand-in' > "$out"
                """);
        assertTrue(pgDump.toFile().setExecutable(true));
        f.config("""
                environments:
                  production:
                    branches: [main]
                    url-env: PROD_URL
                    backup: true
                    pg-dump: %s
                """.formatted(pgDump));
        f.environment.put("PROD_URL", f.url());
        f.migration("20260101000000_users.sql", """
                --changeset dev:users
                CREATE TABLE users (id bigint PRIMARY KEY);
                --rollback DROP TABLE users;
                """);
        return f;
    }

    private static List<Path> dumps(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".dump")).toList();
        }
    }

    @Test
    void inTheActionBackupsGoToRunnerTempReadableByTheOwnerOnly() throws Exception {
        try (DeployFixture f = fixture("backuprunner")) {
            Path runnerTemp = Files.createDirectories(outside.resolve("runner-temp"));
            f.environment.put("RUNNER_TEMP", runnerTemp.toString());
            DeployFixture.Outcome apply = f.run("apply", "--env", "production");
            assertEquals(0, apply.exit(), apply.all());
            List<Path> written = dumps(runnerTemp.resolve("automigrate-backups"));
            assertEquals(1, written.size(), apply.all());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.get(0))));
            assertTrue(apply.all().contains(written.get(0).toString()), apply.all());
            assertEquals(List.of(), dumps(project), "no dump in the work tree");
        }
    }

    @Test
    void elsewhereBackupsGoToTheUsersStateFolder() throws Exception {
        try (DeployFixture f = fixture("backupstate")) {
            f.environment.put("XDG_STATE_HOME", outside.resolve("state").toString());
            DeployFixture.Outcome apply = f.run("apply", "--env", "production");
            assertEquals(0, apply.exit(), apply.all());
            List<Path> written = dumps(outside.resolve("state/automigrate/backups"));
            assertEquals(1, written.size(), apply.all());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.get(0))));
            assertEquals(List.of(), dumps(project), "no dump in the work tree");
            assertFalse(Files.exists(project.resolve(".automigrate")));
        }
    }

    @Test
    void aFolderInsideTheWorkTreeIsRefusedUntilGitIgnoresIt() throws Exception {
        try (DeployFixture f = fixture("backupinside")) {
            f.environment.put("AUTOMIGRATE_BACKUP_DIR", "backups");
            DeployFixture.Outcome refused = f.run("apply", "--env", "production");
            assertEquals(2, refused.exit(), refused.all());
            assertTrue(refused.err().contains("is inside the git work tree") && refused.err().contains("'/backups/'")
                    && refused.err().contains("AUTOMIGRATE_BACKUP_DIR"), refused.err());
            assertFalse(f.tableExists("users"), "nothing was applied");
            assertFalse(Files.exists(project.resolve("backups")), "the refused folder is not left behind");

            Files.writeString(project.resolve(".gitignore"), "/backups/\n");
            DeployFixture.Outcome apply = f.run("apply", "--env", "production");
            assertEquals(0, apply.exit(), apply.all());
            List<Path> written = dumps(project.resolve("backups"));
            assertEquals(1, written.size(), apply.all());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(written.get(0))));
        }
    }
}
