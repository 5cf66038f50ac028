package io.automigrate.deploy;

import io.automigrate.migrate.MigrationFormat;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code init --adopt TOOL}: a database the tool migrated through its first two migrations, with the tool's own table
 * as the tool writes it (columns as its documentation gives them). A migration the table shows as failed, rolled back,
 * dirty or unknown is refused with its name, so is a database that drifted from those migrations; otherwise the two
 * are recorded as applied without running, status shows only the third pending, and the next deploy applies it.
 */
class FormatAdoptionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = MigrationFormat.class, names = {"LIQUIBASE", "PLAIN"}, mode = EnumSource.Mode.EXCLUDE)
    void adoptsWhatTheToolFinishedAndRefusesTheRest(MigrationFormat tool) throws Exception {
        Project project = FormatFolders.project(dir, tool);
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            project.variables.put("STAGING_URL", live.url().display());
            // The tool ran the first two migrations.
            TestPostgres.execute(live, FormatFolders.USERS);
            TestPostgres.execute(live, FormatFolders.POSTS);
            TestPostgres.execute(live, FormatFolders.INDEX);
            TestPostgres.execute(live, books(tool));

            TestPostgres.execute(live, trouble(tool));
            Project.Run refused = project.run("init", "--adopt", tool.id(), "--env", "staging");
            assertEquals(1, refused.exit(), refused.all());
            assertTrue(refused.err().contains(troubleShown(tool)), refused.err());
            assertTrue(refused.err().contains("nothing was recorded"), refused.err());
            TestPostgres.execute(live, untrouble(tool));

            TestPostgres.execute(live, "ALTER TABLE users ADD COLUMN by_hand int");
            Project.Run drifted = project.run("init", "--adopt", tool.id(), "--env", "staging");
            assertEquals(1, drifted.exit(), drifted.all());
            assertTrue(drifted.err().contains("drift before adoption") && drifted.err().contains("by_hand"),
                    drifted.err());
            TestPostgres.execute(live, "ALTER TABLE users DROP COLUMN by_hand");

            Project.Run adopted = project.expect(0, "init", "--adopt", tool.id(), "--env", "staging");
            assertTrue(adopted.out().startsWith("recorded the 2 migration(s) of " + FormatFolders.dir(tool)),
                    adopted.out());
            assertEquals(2, FormatDeployTest.recorded(live).size());

            int pending = FormatDeployTest.expectedCount(tool) - 2;
            Project.Run status = project.expect(0, "status", "--env", "staging");
            assertTrue(status.out().contains("2 applied, " + pending + " pending; no drift"), status.out());
            project.expect(0, "apply", "--env", "staging");
            assertEquals(FormatDeployTest.expectedCount(tool), FormatDeployTest.recorded(live).size());
            Project.Run done = project.expect(0, "status", "--env", "staging", "--exit-code");
            assertTrue(done.out().startsWith("up to date"), done.out());

            // A second adoption finds the history there.
            Project.Run again = project.run("init", "--adopt", tool.id(), "--env", "staging");
            assertEquals(2, again.exit(), again.all());
        }
    }

    /** The tool's table after it ran the first two migrations. */
    private static String books(MigrationFormat tool) {
        return switch (tool) {
            case PRISMA -> """
                    CREATE TABLE _prisma_migrations (
                        id varchar(36) PRIMARY KEY NOT NULL,
                        checksum varchar(64) NOT NULL,
                        finished_at timestamptz,
                        migration_name varchar(255) NOT NULL,
                        logs text,
                        rolled_back_at timestamptz,
                        started_at timestamptz NOT NULL DEFAULT now(),
                        applied_steps_count integer NOT NULL DEFAULT 0
                    );
                    INSERT INTO _prisma_migrations VALUES
                        ('6f1c0a52-0000-4000-8000-000000000001', 'c1', now(), '20240101000000_init', NULL, NULL, now(), 1),
                        ('6f1c0a52-0000-4000-8000-000000000002', 'c2', NULL, '20240102000000_posts', 'failed', now(), now(), 0),
                        ('6f1c0a52-0000-4000-8000-000000000003', 'c2', now(), '20240102000000_posts', NULL, NULL, now(), 2);
                    """;
            case FLYWAY -> """
                    CREATE TABLE flyway_schema_history (
                        installed_rank integer NOT NULL PRIMARY KEY,
                        version varchar(50),
                        description varchar(200) NOT NULL,
                        type varchar(20) NOT NULL,
                        script varchar(1000) NOT NULL,
                        checksum integer,
                        installed_by varchar(100) NOT NULL,
                        installed_on timestamp NOT NULL DEFAULT now(),
                        execution_time integer NOT NULL,
                        success boolean NOT NULL
                    );
                    CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success);
                    INSERT INTO flyway_schema_history VALUES
                        (1, '1', 'init', 'SQL', 'V1__init.sql', 1234, 'app', now(), 12, true),
                        (2, '2', 'posts', 'SQL', 'V2__posts.sql', 5678, 'app', now(), 20, true);
                    """;
            case GOLANG_MIGRATE -> """
                    CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
                    INSERT INTO schema_migrations VALUES (2, false);
                    """;
            case DBMATE -> """
                    CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY);
                    INSERT INTO schema_migrations VALUES ('20240101000000'), ('20240102000000');
                    """;
            case DRIZZLE -> """
                    CREATE SCHEMA drizzle;
                    CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint);
                    INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES
                        ('9b1e0c3d', 1704067200000), ('4a7f2e11', 1704153600000);
                    """;
            default -> throw new IllegalArgumentException(tool.id());
        };
    }

    /** A row the tool leaves when something went wrong: failed, rolled back, dirty or unknown to the folder. */
    private static String trouble(MigrationFormat tool) {
        return switch (tool) {
            case PRISMA -> "INSERT INTO _prisma_migrations VALUES ('6f1c0a52-0000-4000-8000-000000000004', 'c3', NULL, "
                    + "'20240103000000_user_name', 'ERROR: column exists', NULL, now(), 0)";
            case FLYWAY -> "INSERT INTO flyway_schema_history VALUES (3, '3', 'user name', 'SQL', 'V3__user_name.sql', "
                    + "42, 'app', now(), 3, false)";
            case GOLANG_MIGRATE -> "UPDATE schema_migrations SET dirty = true";
            case DBMATE -> "INSERT INTO schema_migrations VALUES ('20231231000000')";
            case DRIZZLE -> "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('77', 1700000000000)";
            default -> throw new IllegalArgumentException(tool.id());
        };
    }

    private static String troubleShown(MigrationFormat tool) {
        return switch (tool) {
            case PRISMA -> "20240103000000_user_name: failed";
            case FLYWAY -> "V3__user_name: failed";
            case GOLANG_MIGRATE -> "000002_posts: dirty";
            case DBMATE -> "version 20231231000000: in the tool's table but not in the folder";
            case DRIZZLE -> "created_at 1700000000000: in __drizzle_migrations";
            default -> throw new IllegalArgumentException(tool.id());
        };
    }

    private static String untrouble(MigrationFormat tool) {
        return switch (tool) {
            case PRISMA -> "DELETE FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL";
            case FLYWAY -> "DELETE FROM flyway_schema_history WHERE NOT success";
            case GOLANG_MIGRATE -> "UPDATE schema_migrations SET dirty = false";
            case DBMATE -> "DELETE FROM schema_migrations WHERE version = '20231231000000'";
            case DRIZZLE -> "DELETE FROM drizzle.__drizzle_migrations WHERE created_at = 1700000000000";
            default -> throw new IllegalArgumentException(tool.id());
        };
    }
}
