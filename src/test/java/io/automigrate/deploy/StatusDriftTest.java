package io.automigrate.deploy;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code status} and {@code drift} against real databases with real migration histories. */
class StatusDriftTest {
    private static final String USERS = """
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE
            );
            """;
    private static final String USERS_WITH_NAME = """
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE,
                display_name text
            );
            """;

    @TempDir
    Path dir;

    @Test
    void statusShowsAppliedPendingEditedAndOutOfOrder() throws Exception {
        Project project = new Project(dir).schema(USERS);
        String first = project.plan();
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            project.applyDirectly(live);
            String url = live.url().display();

            Project.Run upToDate = project.expect(0, "status", "--url", url, "--exit-code");
            assertTrue(upToDate.out().startsWith("up to date: the database at " + url + ": 1 applied; no drift"),
                    upToDate.out());

            project.schema(USERS_WITH_NAME);
            String second = project.plan();
            Project.Run pending = project.expect(0, "status", "--url", url);
            assertTrue(pending.out().contains("1 applied, 1 pending; no drift"), pending.out());
            assertTrue(pending.out().contains("pending  db/migrations/" + second), pending.out());
            project.expect(1, "status", "--url", url, "--exit-code");

            // An old-stamped migration merged late: it sorts before an applied one and was skipped over.
            project.file("db/migrations/20200101000000_add_audit_table.sql", """
                    --liquibase formatted sql

                    --changeset dev:20200101000000_add_audit_table splitStatements:false rollbackSplitStatements:false
                    CREATE TABLE public.audit (id bigint PRIMARY KEY);
                    --rollback DROP TABLE public.audit;
                    """);
            // The applied migration edited afterwards.
            String firstPath = "db/migrations/" + first;
            project.file(firstPath, project.read(firstPath).replace("email text NOT NULL",
                    "email varchar(200) NOT NULL"));

            Project.Run attention = project.expect(1, "status", "--url", url, "--exit-code", "--skip-drift");
            String out = attention.out();
            assertTrue(out.startsWith("needs attention: "), out);
            assertTrue(out.contains("1 pending, 1 out of order, 1 edited after apply"), out);
            assertTrue(out.contains("out of order        db/migrations/20200101000000_add_audit_table.sql"), out);
            assertTrue(out.contains("sorts before " + firstPath + ", which is already applied"), out);
            assertTrue(out.contains("edited after apply  " + firstPath), out);
            assertTrue(out.contains("changed after it was applied (changeset " + first.replace(".sql", "") + ")"), out);

            Project.Run json = project.expect(0, "status", "--url", url, "--format", "json", "--skip-drift");
            assertTrue(json.out().contains("\"out_of_order\" : 1"), json.out());
            assertTrue(json.out().contains("\"state\" : \"edited\""), json.out());
            assertTrue(json.out().contains("\"drift\" : null"), json.out());
        }
    }

    @Test
    void aDatabaseWithoutChangelogHasEverythingPending() {
        Project project = new Project(dir).schema(USERS);
        String first = project.plan();
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            var before = Project.snapshot(live);
            Project.Run run = project.expect(0, "status", "--url", live.url().display());
            assertTrue(run.out().contains("1 pending; no drift"), run.out());
            assertTrue(run.out().contains("db/migrations/" + first), run.out());
            assertEquals(before, Project.snapshot(live), "status only reads: no changelog table was created");
        }
    }

    @Test
    void driftFindsAManualAlterAgainstHistoryAndSchema() {
        Project project = new Project(dir).schema(USERS);
        project.plan();
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            project.applyDirectly(live);
            String url = live.url().display();
            Project.Run clean = project.expect(0, "drift", "--url", url);
            assertTrue(clean.out().startsWith("no drift: the database at " + url), clean.out());

            TestPostgres.execute(live, "ALTER TABLE users ADD COLUMN nickname text");
            var before = Project.snapshot(live);
            Project.Run drifted = project.expect(1, "drift", "--url", url);
            String out = drifted.out();
            assertTrue(out.startsWith("drift: the database at " + url + " differs from its migration history and "
                    + "from the desired schema"), out);
            assertTrue(out.contains("ALTER TABLE public.users DROP COLUMN nickname;"), out);
            assertTrue(out.contains("ALTER TABLE public.users ADD COLUMN nickname text;"), out);
            assertEquals(before, Project.snapshot(live), "drift only reads");

            Project.Run status = project.expect(1, "status", "--url", url, "--exit-code");
            assertTrue(status.out().contains("1 applied; drift found"), status.out());
            assertTrue(status.out().contains("DROP COLUMN nickname"), status.out());

            Project.Run json = project.expect(1, "drift", "--url", url, "--format", "json");
            assertTrue(json.out().contains("\"drifted\" : true"), json.out());
            Project.Run markdown = project.expect(1, "drift", "--url", url, "--format", "markdown");
            assertTrue(markdown.out().startsWith("### automigrate: drift"), markdown.out());
        }
    }

    @Test
    void pendingMigrationsAreNotDriftButAnUnplannedSchemaEditIs() {
        Project project = new Project(dir).schema(USERS);
        project.plan();
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            project.applyDirectly(live);
            project.schema(USERS_WITH_NAME);
            project.plan();
            Project.Run pending = project.expect(0, "drift", "--url", live.url().display());
            assertTrue(pending.out().contains("against its migration history: no difference"), pending.out());
            assertTrue(pending.out().contains("against the desired schema: no difference"), pending.out());
            assertTrue(pending.out().contains("1 migration pending"), pending.out());

            // An edit of the schema that no migration holds yet still differs (plan has not run for it).
            project.schema(USERS_WITH_NAME.replace("display_name text", "display_name text,\n    bio text"));
            Project.Run run = project.expect(1, "drift", "--url", live.url().display());
            String out = run.out();
            assertTrue(out.contains("against its migration history: no difference"), out);
            assertTrue(out.contains("against the desired schema: differs"), out);
            assertTrue(out.contains("ALTER TABLE public.users ADD COLUMN bio text;"), out);
            assertFalse(out.contains("differs from its migration history"), out);
        }
    }
}
