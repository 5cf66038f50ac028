package io.automigrate.deploy;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deploy side as a team lives it, in a real git repository: baseline production with init, edit the schema,
 * plan, apply to staging and production, someone changes production by hand, drift and status report it, apply
 * refuses, the change is undone, the next migration goes out and is rolled back, status shows where things stand.
 */
class WholeStoryTest {
    private static final String LEGACY = """
            CREATE TABLE customers (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE
            );
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                total numeric(12,2) NOT NULL
            );
            INSERT INTO customers (email) VALUES ('a@example.com'), ('b@example.com');
            """;

    @TempDir
    Path dir;

    @Test
    void initPlanApplyDriftRefuseRollbackStatus() throws Exception {
        try (ShadowDatabase production = TestPostgres.newDatabase("production");
             ShadowDatabase staging = TestPostgres.newDatabase("staging");
             Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            TestPostgres.execute(production, LEGACY);
            Project project = new Project(dir).file("automigrate.yml", """
                    environments:
                      staging:
                        branches: [develop]
                        url-env: STAGING_DATABASE_URL
                      production:
                        branches: [main]
                        url-env: PROD_DATABASE_URL
                        production: true
                    """);
            project.variables.put("STAGING_DATABASE_URL", Project.urlWithPassword(staging, "staging-pw"));
            project.variables.put("PROD_DATABASE_URL", Project.urlWithPassword(production, "prod-pw"));
            commit(git, "configuration");

            // 1. Baseline production: the schema file and the baseline migration come from it.
            project.expect(0, "init", "--url", Project.urlWithPassword(production, "prod-pw"));
            commit(git, "baseline");
            assertEquals("schema and migrations agree\n", project.expect(0, "plan").out());

            // 2. A schema edit, planned against the last commit.
            project.file("db/schema.sql", project.read("db/schema.sql").replace("email text NOT NULL",
                    "email text NOT NULL,\n    display_name text"));
            Project.Run plan = project.expect(0, "plan", "--base", "HEAD");
            assertTrue(plan.out().startsWith("wrote db/migrations/"), plan.out());
            assertTrue(plan.out().contains("_add_customers_display_name.sql"), plan.out());
            commit(git, "add customers.display_name");

            // 3. Staging is empty: it gets the baseline and the new migration. Production only the new one.
            Project.Run toStaging = project.expect(0, "apply", "--env", "staging");
            assertTrue(toStaging.out().startsWith("applied 2 changeset(s) to environment 'staging'"), toStaging.out());
            Project.Run toProduction = project.expect(0, "apply", "--env", "production");
            assertTrue(toProduction.out().startsWith("applied 1 changeset(s) to environment 'production'"),
                    toProduction.out());
            assertEquals(2, count(production, "SELECT count(*) FROM customers"), "production's rows kept");
            for (String env : new String[] {"staging", "production"}) {
                Project.Run status = project.expect(0, "status", "--env", env, "--exit-code");
                assertTrue(status.out().contains("2 applied; no drift"), status.out());
            }

            // 4. Someone changes production by hand.
            TestPostgres.execute(production, "ALTER TABLE customers ADD COLUMN vip boolean");
            Project.Run drift = project.expect(1, "drift", "--env", "production");
            assertTrue(drift.out().startsWith("drift: environment 'production' differs from its migration history"),
                    drift.out());
            assertTrue(drift.out().contains("ALTER TABLE public.customers DROP COLUMN vip;"), drift.out());
            Project.Run status = project.expect(1, "status", "--env", "production", "--exit-code");
            assertTrue(status.out().contains("2 applied; drift found"), status.out());
            project.expect(0, "drift", "--env", "staging");

            // 5. The next migration: staging takes it, production refuses while it has drifted.
            project.file("db/schema.sql", project.read("db/schema.sql").replace("total numeric(12,2) NOT NULL",
                    "total numeric(12,2) NOT NULL,\n    note text"));
            project.plan();
            commit(git, "add orders.note");
            project.expect(0, "apply", "--env", "staging");
            Project.Run refused = project.expect(1, "apply", "--env", "production");
            assertTrue(refused.all().contains("has drifted from its migration history"), refused.all());
            assertTrue(project.expect(0, "status", "--env", "production").out()
                    .contains("2 applied, 1 pending; drift found"));

            // 6. The manual change is undone with the SQL drift printed; the migration goes out, then is rolled back.
            TestPostgres.execute(production, "ALTER TABLE public.customers DROP COLUMN vip;");
            project.expect(0, "apply", "--env", "production");
            project.expect(0, "status", "--env", "production", "--exit-code");
            Project.Run rollback = project.expect(0, "rollback", "--env", "production", "--count", "1");
            assertTrue(rollback.out().startsWith("rolled back 1 changeset(s) of environment 'production'"),
                    rollback.out());

            // 7. Where things stand: production has the newest migration pending again, and no drift.
            Project.Run last = project.expect(1, "status", "--env", "production", "--exit-code");
            assertTrue(last.out().contains("2 applied, 1 pending; no drift"), last.out());
            assertTrue(project.expect(0, "status", "--env", "staging", "--exit-code").out()
                    .contains("3 applied; no drift"));
            for (String secret : new String[] {"staging-pw", "prod-pw"}) {
                assertTrue(!project.allFiles().contains(secret), "no file holds a password");
            }
        }
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("dev", "dev@example.com").setCommitter("dev", "dev@example.com")
                .setSign(false).call();
    }

    private static long count(ShadowDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
