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
    void aBranchBehindItsBaseIsComparedFromWhereItLeftTheBaseAndNamesWhatTheBaseChangedSince() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("db/schema.sql", "CREATE TABLE t (id int);\n");
            write("db/migrations/20261101000000_t.sql", "--liquibase formatted sql\n");
            RevCommit start = commit(git, "start");
            git.branchCreate().setName("feature").call();
            write("db/schema.sql", "CREATE TABLE t (id int);\nCREATE TABLE audit (id int);\n");
            write("db/migrations/20261102000000_audit.sql", "--liquibase formatted sql\n-- audit\n");
            commit(git, "main gains a table");
            git.checkout().setName("feature").call();
            write("db/schema.sql", "CREATE TABLE t (id int, note text);\n");
            write("db/migrations/20261103000000_note.sql", "--liquibase formatted sql\n-- note\n");
            RevCommit feature = commit(git, "the branch's own change");

            for (String head : java.util.Arrays.asList(feature.name(), null)) {
                Detection detection = ChangeDetector.detect(repo, "main", head, PATHS);
                // The base's later migration is not deleted by this branch: the branch never had it.
                assertEquals(List.of("db/migrations/20261103000000_note.sql", "db/schema.sql"),
                        detection.changedFiles(), detection.method());
                assertEquals(null, detection.kindOf("db/migrations/20261102000000_audit.sql"));
                assertEquals(Detection.Kind.ADDED, detection.kindOf("db/migrations/20261103000000_note.sql"));
                assertEquals(start.name(), detection.base(), "a file's text before the change is the merge base's");
                assertEquals(List.of("db/migrations/20261102000000_audit.sql", "db/schema.sql"), detection.baseAhead());
                assertTrue(detection.method().startsWith("git diff " + start.abbreviate(7).name() + "..")
                        && detection.method().contains("where it left main"), detection.method());
            }

            // Once the base is merged in, nothing is behind: the comparison is with the base itself, as before.
            git.merge().include(git.getRepository().resolve("main")).setCommit(false).call();
            write("db/schema.sql", "CREATE TABLE t (id int, note text);\nCREATE TABLE audit (id int);\n");
            commit(git, "merge main"); // the schema conflicted: resolved by hand, as a developer would
            Detection merged = ChangeDetector.detect(repo, "main", "HEAD", PATHS);
            assertEquals(List.of(), merged.baseAhead());
            assertEquals(git.getRepository().resolve("main").name(), merged.base());
            assertFalse(merged.method().contains("where it left"), merged.method());
        }
    }

    @Test
    void aForcedPushThatDropsAMigrationDeletesItThoughItsOldTipIsNotAnAncestor() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("db/schema.sql", "CREATE TABLE t (id int);\n");
            RevCommit start = commit(git, "start");
            write("db/migrations/20261101000000_t.sql", "--liquibase formatted sql\n");
            RevCommit before = commit(git, "pushed, maybe deployed");
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(start.name()).call();
            write("README.md", "rewritten\n");
            RevCommit after = commit(git, "the history rewritten without the migration");

            // One branch's two tips: what the push dropped is gone from it, whatever their merge base.
            Detection pushed = ChangeDetector.pushed(repo, before.name(), after.name(), PATHS);
            assertEquals(List.of("db/migrations/20261101000000_t.sql"), pushed.changedFiles());
            assertEquals(Detection.Kind.DELETED, pushed.kindOf("db/migrations/20261101000000_t.sql"));
            assertEquals(List.of(), pushed.baseAhead());
            // Against a base branch, the same commits read as a branch that never had that migration.
            assertEquals(List.of(), ChangeDetector.detect(repo, before.name(), after.name(), PATHS).changedFiles());
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
    void aRenamedMigrationIsARenameOfTheBasesFileInCommitsAndInTheWorkingTree() throws Exception {
        String text = "--liquibase formatted sql\n\n--changeset a:1\nCREATE TABLE t (\n    id int,\n"
                + "    name text NOT NULL,\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n"
                + "--rollback DROP TABLE t;\n";
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("db/migrations/20260101000000_t.sql", text);
            write("db/migrations/20260102000000_u.sql", "--liquibase formatted sql\n\n--changeset a:2\nCREATE TABLE u ();\n");
            RevCommit base = commit(git, "base");
            Files.delete(repo.resolve("db/migrations/20260101000000_t.sql"));
            Files.delete(repo.resolve("db/migrations/20260102000000_u.sql"));
            // moved, one line changed: still git's rename (similar enough)
            write("db/migrations/20260103000000_t.sql", text.replace("id int", "id bigint"));

            Detection tree = ChangeDetector.detect(repo, base.name(), null, PATHS);
            git.add().addFilepattern(".").setUpdate(true).call();
            RevCommit head = commit(git, "rename");
            Detection commits = ChangeDetector.detect(repo, base.name(), head.name(), PATHS);
            for (Detection d : List.of(commits, tree)) {
                assertEquals(Detection.Kind.RENAMED, d.kindOf("db/migrations/20260103000000_t.sql"), d.toString());
                assertEquals("db/migrations/20260101000000_t.sql", d.previousPath("db/migrations/20260103000000_t.sql"));
                assertEquals(Detection.Kind.DELETED, d.kindOf("db/migrations/20260101000000_t.sql"), d.toString());
                assertEquals(Detection.Kind.DELETED, d.kindOf("db/migrations/20260102000000_u.sql"), d.toString());
                assertEquals(null, d.previousPath("db/migrations/20260102000000_u.sql"));
            }
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
