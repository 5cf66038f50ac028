package io.automigrate.deploy;

import io.automigrate.deploy.DeployFixture.Outcome;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The story end to end, as a team would live it: init from an existing production database, a schema edit, plan,
 * apply to staging, apply to production, a manual change in production that drift and status report and apply
 * refuses, then a rollback and the status after it.
 */
class WholeStoryTest {
    @TempDir
    Path project;

    private static Outcome ok(Outcome outcome) {
        assertEquals(0, outcome.exit(), outcome.all());
        return outcome;
    }

    private List<String> migrationFiles() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("db/migrations"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void initPlanApplyDriftRollback() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "production");
             ShadowDatabase staging = TestPostgres.newDatabase("staging")) {
            f.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)");
            f.config("""
                    environments:
                      staging:
                        branches: [develop]
                        url-env: STAGING_DATABASE_URL
                      production:
                        branches: [main]
                        url-env: DATABASE_URL
                        production: true
                    """);
            f.environment.put("STAGING_DATABASE_URL", staging.url().display());
            f.environment.put("DATABASE_URL", f.url());

            ok(f.run("init", "--url", f.url()));
            assertEquals(1, migrationFiles().size());
            assertTrue(Files.readString(project.resolve("db/schema.sql")).contains("users"));

            Files.writeString(project.resolve("db/schema.sql"), "\nCREATE TABLE public.orders (\n"
                    + "    id bigint PRIMARY KEY,\n    user_id bigint NOT NULL REFERENCES public.users (id)\n);\n",
                    StandardOpenOption.APPEND);
            ok(f.run("plan"));
            assertEquals(2, migrationFiles().size());

            Outcome toStaging = ok(f.run("apply", "--env", "staging"));
            assertTrue(toStaging.out().contains("applied 2 changeset(s) to environment 'staging'"), toStaging.all());
            Outcome toProduction = ok(f.run("apply", "--env", "production"));
            assertTrue(toProduction.out().contains("applied 1 changeset(s) to environment 'production'"),
                    toProduction.all());
            assertTrue(f.tableExists("orders"));

            f.execute("ALTER TABLE users ADD COLUMN nickname text");
            Outcome drift = f.run("drift", "--env", "production");
            assertEquals(1, drift.exit(), drift.all());
            assertTrue(drift.out().contains("nickname"), drift.all());
            Outcome status = f.run("status", "--env", "production", "--exit-code");
            assertEquals(1, status.exit(), status.all());
            assertTrue(status.out().toLowerCase().contains("drift"), status.all());

            Files.writeString(project.resolve("db/schema.sql"), "\nCREATE TABLE public.tags (id bigint PRIMARY KEY);\n",
                    StandardOpenOption.APPEND);
            ok(f.run("plan"));
            String before = f.snapshot();
            Outcome refused = f.run("apply", "--env", "production");
            assertEquals(1, refused.exit(), refused.all());
            assertTrue(refused.err().contains("has drifted") && refused.err().contains("DROP COLUMN nickname"),
                    refused.all());
            assertEquals(before, f.snapshot());

            f.execute("ALTER TABLE users DROP COLUMN nickname");
            Outcome back = ok(f.run("rollback", "--env", "production", "--count", "1"));
            assertTrue(back.out().contains("rolled back 1 changeset(s)"), back.all());
            assertTrue(!f.tableExists("orders") && f.tableExists("users"));

            Outcome after = f.run("status", "--env", "production", "--format", "json");
            assertEquals(0, after.exit(), after.all());
            assertTrue(after.out().contains("\"pending\" : 2"), after.all());
        }
    }
}
