package io.automigrate.plan;

import io.automigrate.cli.Main;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan --base REV --head REV} plans what those revisions hold (JGit), not the working tree; a plan of the
 * working tree says in one line when its schema or migrations differ from HEAD.
 */
class PlanAtRevisionsTest {
    @TempDir
    Path repo;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run automigrate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ShadowDatabase admin = TestPostgres.newDatabase("admin")) {
            String[] full = Stream.concat(Stream.of(args), Stream.of("--shadow", "url", "--shadow-url",
                    admin.url().display())).toArray(String[]::new);
            int exit = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AUTOMIGRATE_PROJECT_DIR", repo.toString()));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private void schema(String sql) throws Exception {
        Files.createDirectories(repo.resolve("db/migrations"));
        Files.writeString(repo.resolve("db/schema.sql"), sql);
    }

    private List<String> migrations() throws Exception {
        try (Stream<Path> files = Files.list(repo.resolve("db/migrations"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }

    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY);\n";
    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY);\n";
    private static final String DRAFTS = "CREATE TABLE drafts (id bigint PRIMARY KEY);\n";

    @Test
    void baseAndHeadPlanTheCommittedSchemaNotAnUncommittedEdit() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            schema(USERS);
            assertEquals(0, automigrate("plan", "--name", "users").exit());
            commit(git, "users");
            schema(USERS + ORDERS);
            commit(git, "orders in the schema");
            schema(USERS + ORDERS + DRAFTS);

            List<String> before = migrations();
            Run run = automigrate("plan", "--base", "HEAD~1", "--head", "HEAD", "--name", "orders");
            assertEquals(0, run.exit(), run.all());
            assertTrue(run.out().contains("create table public.orders"), run.out());
            assertFalse(run.out().contains("drafts"), run.out());
            List<String> added = migrations().stream().filter(f -> !before.contains(f)).toList();
            assertEquals(1, added.size(), "the migration is written into the working tree");
            String text = Files.readString(repo.resolve("db/migrations").resolve(added.get(0)));
            assertTrue(text.contains("public.orders") && !text.contains("drafts"), text);
            assertEquals(USERS + ORDERS + DRAFTS, Files.readString(repo.resolve("db/schema.sql")),
                    "the working tree's schema is left as it was");
        }
    }

    @Test
    void headNamesTheRevisionWhoseSchemaIsPlanned() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            schema(USERS);
            assertEquals(0, automigrate("plan", "--name", "users").exit());
            commit(git, "users");
            schema(USERS + DRAFTS);
            Run run = automigrate("plan", "--base", "HEAD", "--head", "HEAD", "--force", "--check");
            assertEquals(0, run.exit(), run.all());
            assertTrue(run.out().startsWith("schema and migrations agree"), run.all());
        }
    }

    @Test
    void aWorkingTreeThatDiffersFromHeadIsSaidInOneLine() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            schema(USERS);
            assertEquals(0, automigrate("plan", "--name", "users").exit());
            commit(git, "users");
            Run clean = automigrate("plan", "--check");
            assertFalse(clean.all().contains("differ from HEAD"), clean.all());

            schema(USERS + DRAFTS);
            Run dirty = automigrate("plan", "--check");
            List<String> lines = dirty.all().lines().filter(l -> l.contains("differ from HEAD")).toList();
            assertEquals(1, lines.size(), dirty.all());
            assertTrue(lines.get(0).contains("db/schema.sql"), lines.get(0));
        }
    }
}
