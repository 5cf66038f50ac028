package io.automigrate.deploy;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployed database holds Liquibase's books (databasechangelog, databasechangeloglock) beside the schema. Every
 * command that reads a live database's schema sees the schema without them (issue 11 item 1): the documented CI
 * check {@code diff --from <deployed URL> --to db/schema.sql --exit-code} passes on a database in sync.
 */
class LiveStateTest {
    private static final String USERS = """
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE
            );
            """;

    @TempDir
    Path dir;

    @Test
    void aDeployedDatabaseInSyncShowsNoDifferenceOnAnyRoute() {
        Project project = new Project(dir).schema(USERS);
        project.plan();
        try (ShadowDatabase live = TestPostgres.newDatabase("deployed")) {
            project.applyDirectly(live);
            String url = live.url().display();
            String schema = dir.resolve("db/schema.sql").toString();

            Project.Run from = project.run("diff", "--from", url, "--to", schema, "--exit-code");
            assertFalse(from.all().toLowerCase().contains("databasechangelog"), from.all());
            assertEquals(0, from.exit(), from.all());
            assertEquals("", from.out());

            Project.Run to = project.run("diff", "--from", schema, "--to", url, "--exit-code");
            assertFalse(to.all().toLowerCase().contains("databasechangelog"), to.all());
            assertEquals(0, to.exit(), to.all());

            Project.Run empty = project.expect(0, "diff", "--from", "empty", "--to", url, "--format", "json");
            assertFalse(empty.out().toLowerCase().contains("databasechangelog"), empty.out());
            assertTrue(empty.out().contains("users"), empty.out());

            Project.Run status = project.expect(0, "status", "--url", url, "--exit-code");
            assertFalse(status.out().toLowerCase().contains("databasechangelog"), status.out());

            Project.Run drift = project.expect(0, "drift", "--url", url);
            assertFalse(drift.all().toLowerCase().contains("databasechangelog"), drift.all());

            Project.Run push = project.expect(0, "push", "--url", url);
            assertTrue(push.out().startsWith("nothing to push"), push.out());
        }
    }
}
