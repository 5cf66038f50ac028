package io.automigrate.git;

import io.automigrate.AutomigrateException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeDetectorTest {
    private static final List<String> PATHS = List.of("db/schema.sql", "db/migrations");

    @TempDir
    Path repo;

    private RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void findsSchemaAndMigrationChangesAndIgnoresTheRest() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("db/schema.sql", "CREATE TABLE t (id int);\n");
            write("README.md", "hello\n");
            RevCommit base = commit(git, "base");

            write("README.md", "hello again\n");
            write("src/app.js", "1\n");
            RevCommit docsOnly = commit(git, "docs");
            Detection none = ChangeDetector.detect(repo, base.name(), docsOnly.name(), PATHS);
            assertFalse(none.changed());
            assertEquals(List.of(), none.changedFiles());

            write("db/schema.sql", "CREATE TABLE t (id bigint);\n");
            write("db/migrations/20261101000000_x.sql", "--liquibase formatted sql\n");
            RevCommit schema = commit(git, "schema");
            Detection both = ChangeDetector.detect(repo, base.name(), schema.name(), PATHS);
            assertTrue(both.changed());
            assertEquals(List.of("db/migrations/20261101000000_x.sql", "db/schema.sql"), both.changedFiles());
            assertTrue(both.method().startsWith("git diff " + base.abbreviate(7).name() + ".."), both.method());
        }
    }

    @Test
    void comparesAgainstTheWorkingTreeIncludingUntrackedFiles() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("db/schema.sql", "CREATE TABLE t (id int);\n");
            RevCommit base = commit(git, "base");
            assertFalse(ChangeDetector.detect(repo, base.name(), null, PATHS).changed());
            write("db/migrations/20261101000000_new.sql", "--liquibase formatted sql\n");
            Detection untracked = ChangeDetector.detect(repo, "HEAD", null, PATHS);
            assertEquals(List.of("db/migrations/20261101000000_new.sql"), untracked.changedFiles());
            assertTrue(untracked.method().endsWith("working tree"));
        }
    }

    @Test
    void pathsAreRelativeToTheProjectFolderInsideTheRepository() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("services/api/db/schema.sql", "CREATE TABLE t (id int);\n");
            RevCommit base = commit(git, "base");
            write("services/api/db/schema.sql", "CREATE TABLE t (id bigint);\n");
            RevCommit head = commit(git, "change");
            Detection detection = ChangeDetector.detect(repo.resolve("services/api"), base.name(), head.name(), PATHS);
            assertEquals(List.of("services/api/db/schema.sql"), detection.changedFiles());
        }
    }

    @Test
    void unknownRevisionAndMissingRepositoryAreBadInput() throws Exception {
        AutomigrateException outside = assertThrows(AutomigrateException.class,
                () -> ChangeDetector.detect(repo, "HEAD", null, PATHS));
        assertTrue(outside.getMessage().contains("not inside a git repository"), outside.getMessage());
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("db/schema.sql", "x\n");
            commit(git, "base");
            AutomigrateException unknown = assertThrows(AutomigrateException.class,
                    () -> ChangeDetector.detect(repo, "0123456789abcdef0123456789abcdef01234567", null, PATHS));
            assertTrue(unknown.getMessage().contains("unknown revision"), unknown.getMessage());
            assertFalse(ChangeDetector.hasCommit(repo, "0123456789abcdef0123456789abcdef01234567"));
            assertTrue(ChangeDetector.hasCommit(repo, "HEAD"));
        }
    }
}
