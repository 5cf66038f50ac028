package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file automigrate generated for an environment lints clean for it under plan, lint and apply alike; and findings
 * name their object as it is (a TRUNCATE's table, an index without a stray dot).
 */
class GeneratedLintsCleanTest {
    @TempDir
    Path project;

    private static final String CONFIG = """
            environments:
              production:
                branches: [main]
                url-env: DATABASE_URL
                production: true
                errors: [AM401, AM501]
            """;

    @Test
    void theOnlineIndexChangesetOfPlanIsCleanForPlanLintAndApply() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "cleanidx")) {
            f.config(CONFIG);
            f.environment.put("DATABASE_URL", f.url());
            Files.writeString(project.resolve("db/schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
            assertEquals(0, f.run("plan", "--name", "init").exit());
            DeployFixture.Outcome first = f.run("apply", "--env", "production");
            assertEquals(0, first.exit(), first.all());

            Files.writeString(project.resolve("db/schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
                    + "CREATE INDEX users_email_idx ON users (email);\n");
            DeployFixture.Outcome plan = f.run("plan", "--name", "email_index");
            assertEquals(0, plan.exit(), plan.all());
            assertFalse(plan.out().contains("AM501"), plan.all());
            String file;
            try (Stream<Path> files = Files.list(project.resolve("db/migrations"))) {
                file = "db/migrations/" + files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith("_email_index.sql")).findFirst().orElseThrow();
            }
            assertTrue(Files.readString(project.resolve(file)).contains("CREATE INDEX CONCURRENTLY"), file);

            DeployFixture.Outcome lint = f.run("lint", file, "--env", "production");
            assertEquals(0, lint.exit(), lint.all());
            assertFalse(lint.all().contains("AM501"), lint.all());
            assertFalse(lint.all().contains("AM401"), lint.all());

            DeployFixture.Outcome apply = f.run("apply", "--env", "production");
            assertEquals(0, apply.exit(), apply.all());
            assertFalse(apply.all().contains("AM401"), apply.all());
            assertFalse(apply.all().contains("AM501"), apply.all());
            assertTrue(f.query("SELECT indexname FROM pg_indexes WHERE tablename = 'users'").contains("users_email_idx"));
        }
    }

    @Test
    void findingsNameTheTruncatedTableAndTheIndexWithoutAStrayDot() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "targets")) {
            f.migration("20260101000000_posts.sql", """
                    --changeset dev:posts
                    CREATE TABLE public.posts (id bigint PRIMARY KEY, title text);
                    --rollback DROP TABLE public.posts;
                    """);
            assertEquals(0, f.apply().exit());
            f.migration("20260102000000_wipe.sql", """
                    --changeset dev:wipe
                    TRUNCATE public.posts;
                    CREATE INDEX posts_title_idx ON public.posts (title);
                    """);
            DeployFixture.Outcome lint = f.run("lint", "db/migrations/20260102000000_wipe.sql");
            assertTrue(lint.out().contains("table public.posts"), lint.all());
            assertFalse(lint.out().contains("table public\n") || lint.out().contains("table public "), lint.all());

            DeployFixture.Outcome apply = f.apply("--allow", "AM108");
            assertEquals(0, apply.exit(), apply.all());
            assertTrue(apply.all().contains("index public.posts_title_idx)"), apply.all());
            assertFalse(apply.all().contains("posts_title_idx.)"), apply.all());
            assertTrue(apply.all().contains("table public.posts)"), apply.all());
        }
    }
}
