package io.automigrate.deploy;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code push} and {@code init} against real databases. */
class PushInitTest {
    private static final String SHOP = """
            CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
            CREATE TABLE customers (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                status order_status NOT NULL DEFAULT 'new',
                total numeric(12,2) NOT NULL CHECK (total >= 0)
            );
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            CREATE VIEW open_orders AS SELECT id, customer_id, total FROM orders WHERE status <> 'shipped';
            """;

    @TempDir
    Path dir;

    @Test
    void pushBringsADevelopmentDatabaseToTheSchema() {
        Project project = new Project(dir).schema(SHOP);
        try (ShadowDatabase dev = TestPostgres.newDatabase("dev")) {
            TestPostgres.execute(dev, "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL)");
            Project.Run run = project.expect(0, "push", "--url", dev.url().display());
            assertTrue(run.out().startsWith("pushed the schema to the database at " + dev.url().display()), run.out());
            assertTrue(run.out().contains("CREATE TABLE public.orders"), run.out());
            assertTrue(project.migrations().isEmpty(), "push writes no migration file");
            project.expect(0, "diff", "--from", dev.url().display(), "--to", dir.resolve("db/schema.sql").toString(),
                    "--exit-code");

            Project.Run again = project.expect(0, "push", "--url", dev.url().display());
            assertTrue(again.out().startsWith("nothing to push"), again.out());
        }
    }

    @Test
    void pushRefusesDataLossUnlessAccepted() {
        Project project = new Project(dir).schema("CREATE TABLE customers (id bigint PRIMARY KEY);\n");
        try (ShadowDatabase dev = TestPostgres.newDatabase("dev")) {
            TestPostgres.execute(dev, """
                    CREATE TABLE customers (id bigint PRIMARY KEY, email text);
                    CREATE TABLE legacy (id int);
                    INSERT INTO customers VALUES (1, 'a@example.com');
                    """);
            var before = Project.snapshot(dev);
            Project.Run refused = project.expect(1, "push", "--url", dev.url().display());
            assertTrue(refused.err().contains("push would lose data in the database at " + dev.url().display()
                    + ", so nothing was changed"), refused.err());
            assertTrue(refused.err().contains("AM101 table dropped"), refused.err());
            assertTrue(refused.err().contains("AM102 column dropped"), refused.err());
            assertTrue(refused.err().contains("--accept-data-loss"), refused.err());
            assertEquals(before, Project.snapshot(dev), "nothing was changed");

            Project.Run accepted = project.expect(0, "push", "--url", dev.url().display(), "--accept-data-loss");
            assertTrue(accepted.out().contains("accepted data loss: AM101"), accepted.out());
            assertNotEquals(before, Project.snapshot(dev));
            project.expect(0, "diff", "--from", dev.url().display(), "--to", dir.resolve("db/schema.sql").toString(),
                    "--exit-code");
        }
    }

    @Test
    void pushRefusesAProductionDatabaseAndLeavesItUntouched() {
        Project project = new Project(dir).schema(SHOP).file("automigrate.yml", """
                environments:
                  production:
                    branches: [main]
                    url-env: PROD_DATABASE_URL
                    production: true
                """);
        try (ShadowDatabase prod = TestPostgres.newDatabase("prod")) {
            TestPostgres.execute(prod, "CREATE TABLE customers (id bigint PRIMARY KEY)");
            // The same database under another spelling of the host still counts as production.
            project.variables.put("PROD_DATABASE_URL", "postgresql://postgres@127.0.0.1:" + prod.url().port() + "/"
                    + prod.name());
            var before = Project.snapshot(prod);
            Project.Run run = project.expect(2, "push", "--url", prod.url().display(), "--accept-data-loss");
            assertTrue(run.err().contains("push refuses environment 'production': it is marked 'production: true'"),
                    run.err());
            assertEquals(before, Project.snapshot(prod), "production untouched");
        }
    }

    @Test
    void initBaselinesAnExistingDatabaseAndPlanThenAgrees() throws Exception {
        Project project = new Project(dir);
        try (ShadowDatabase live = TestPostgres.newDatabase("legacy")) {
            TestPostgres.execute(live, SHOP + "INSERT INTO customers (email) VALUES ('a@example.com');");
            var tablesBefore = Project.snapshot(live).tables().size();
            Project.Run run = project.expect(0, "init", "--url", live.url().display());
            assertTrue(run.out().startsWith("baselined " + live.url().display()), run.out());
            List<String> migrations = project.migrations();
            assertEquals(1, migrations.size(), migrations.toString());
            assertTrue(migrations.get(0).matches("\\d{14}_baseline\\.sql"), migrations.get(0));

            String schema = project.read("db/schema.sql");
            assertTrue(schema.startsWith("-- The desired schema of database " + live.name()), schema);
            // Dependency order: the enum before the table that uses it, customers before orders, the view last.
            assertTrue(schema.indexOf("CREATE TYPE public.order_status") < schema.indexOf("CREATE TABLE public.orders"),
                    schema);
            assertTrue(schema.indexOf("CREATE TABLE public.customers") < schema.indexOf("CREATE TABLE public.orders"),
                    schema);
            assertTrue(schema.indexOf("CREATE TABLE public.orders") < schema.indexOf("CREATE VIEW public.open_orders"),
                    schema);
            String migration = project.read("db/migrations/" + migrations.get(0));
            assertTrue(migration.startsWith("--liquibase formatted sql\n"), migration);
            assertTrue(migration.contains("--rollback DROP TABLE public.orders;"), migration);

            // Recorded as applied, data untouched: only Liquibase's two tables and automigrate_environments (the
            // environment it was baselined for) are new.
            assertEquals(tablesBefore + 3, Project.snapshot(live).tables().size());
            Project.Run plan = project.expect(0, "plan");
            assertEquals("schema and migrations agree\n", plan.out());
            Project.Run status = project.expect(0, "status", "--url", live.url().display(), "--exit-code");
            assertTrue(status.out().startsWith("up to date: "), status.out());
            assertTrue(status.out().contains("1 applied; no drift"), status.out());

            // A second init refuses: the database has a history now.
            for (String[] args : List.of(new String[] {"init", "--url", live.url().display()},
                    new String[] {"init", "--url", live.url().display(), "--force"})) {
                Project.Run again = project.expect(2, args);
                assertTrue(again.err().contains("already has a migration history (1 changeset(s) in "
                        + "databasechangelog)"), again.err());
            }
            assertEquals(migrations, project.migrations(), "nothing replaced");

            // Another database with the same schema (staging, say) adopts the committed history.
            try (ShadowDatabase staging = TestPostgres.newDatabase("staging")) {
                TestPostgres.execute(staging, SHOP);
                Project.Run adopted = project.expect(0, "init", "--url", staging.url().display());
                assertEquals("recorded the 1 migration(s) of db/migrations as applied in " + staging.url().display()
                        + ": its schema is what they give\n", adopted.out());
                assertTrue(project.expect(0, "status", "--url", staging.url().display(), "--exit-code").out()
                        .contains("1 applied; no drift"));
                assertEquals(migrations, project.migrations(), "nothing written");
            }
        }
    }

    @Test
    void initRefusesExistingMigrationsAndAnEmptyDatabase() throws Exception {
        Project project = new Project(dir).schema(SHOP);
        project.plan();
        List<String> migrations = project.migrations();
        String schema = project.read("db/schema.sql");
        try (ShadowDatabase live = TestPostgres.newDatabase("legacy")) {
            TestPostgres.execute(live, "CREATE TABLE things (id int PRIMARY KEY)");
            var before = Project.snapshot(live);
            Files.writeString(dir.resolve("db/schema.sql"), "-- nothing yet\n");
            Project.Run run = project.expect(2, "init", "--url", live.url().display());
            assertTrue(run.err().contains("db/migrations: already holds 1 migration file(s), and "
                    + live.url().display() + " does not match what they give ("), run.err());
            assertEquals(before, Project.snapshot(live));
            assertEquals(migrations, project.migrations());

            Project.Run forced = project.expect(0, "init", "--url", live.url().display(), "--force");
            assertTrue(forced.out().contains("removed db/migrations/" + migrations.get(0) + " (--force)"),
                    forced.out());
            assertFalse(project.read("db/schema.sql").contains("order_status"), "the schema file was replaced");
            assertEquals("schema and migrations agree\n", project.expect(0, "plan").out());
        }
        try (ShadowDatabase empty = TestPostgres.newDatabase("empty")) {
            Project fresh = new Project(dir.resolve("fresh"));
            Files.createDirectories(fresh.root);
            Project.Run run = fresh.expect(2, "init", "--url", empty.url().display());
            assertTrue(run.err().contains("nothing to baseline: " + empty.url().display()), run.err());
            assertFalse(Files.exists(fresh.root.resolve("db")), "nothing written");
        }
        assertFalse(schema.isEmpty());
    }
}
