package io.automigrate.deploy;

import io.automigrate.migrate.MigrationFormat;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder in another tool's format, kept as it is: apply runs it (each file one changeset, recorded under the file's
 * path with the migration's name as id), status and drift read it, and a database built by it shows no drift.
 */
class FormatDeployTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = MigrationFormat.class, names = "LIQUIBASE", mode = EnumSource.Mode.EXCLUDE)
    void applyStatusDriftAndRollback(MigrationFormat format) throws Exception {
        Project project = FormatFolders.project(dir, format);
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            project.variables.put("STAGING_URL", live.url().display());
            Project.Run pending = project.expect(0, "status", "--env", "staging");
            assertTrue(pending.out().contains("staging': " + expectedCount(format) + " pending; no drift"), pending.out());

            project.expect(0, "apply", "--env", "staging");
            List<String> recorded = recorded(live);
            assertEquals(expectedCount(format), recorded.size(), recorded.toString());
            String d = FormatFolders.dir(format);
            String first = switch (format) {
                case PRISMA -> d + "/20240101000000_init/migration.sql::20240101000000_init";
                case FLYWAY -> d + "/V1__init.sql::V1__init";
                case GOLANG_MIGRATE -> d + "/000001_init.up.sql::000001_init";
                case DBMATE -> d + "/20240101000000_init.sql::20240101000000_init";
                case DRIZZLE -> d + "/0000_init.sql::0000_init";
                default -> d + "/001_init.sql::001_init";
            };
            assertEquals(first + "::" + format.id(), recorded.get(0));

            Project.Run status = project.expect(0, "status", "--env", "staging", "--exit-code");
            assertTrue(status.out().startsWith("up to date"), status.out());
            project.expect(0, "drift", "--env", "staging");

            // A change by hand is drift.
            TestPostgres.execute(live, "ALTER TABLE posts ADD COLUMN hand_made int");
            Project.Run drifted = project.run("drift", "--env", "staging");
            assertEquals(1, drifted.exit(), drifted.all());
            assertTrue(drifted.all().contains("hand_made"), drifted.all());
            TestPostgres.execute(live, "ALTER TABLE posts DROP COLUMN hand_made");

            // Rolling back the last migration works where the format has a place for its rollback.
            boolean lastHasRollback = format == MigrationFormat.GOLANG_MIGRATE || format == MigrationFormat.DBMATE;
            Project.Run back = project.run("rollback", "--env", "staging", "--count", "1");
            if (lastHasRollback) {
                assertEquals(0, back.exit(), back.all());
                assertEquals(expectedCount(format) - 1, recorded(live).size());
                project.expect(0, "apply", "--env", "staging");
            } else {
                assertTrue(back.exit() != 0, back.all());
                assertEquals(expectedCount(format), recorded(live).size(), back.all());
            }
            project.expect(0, "drift", "--env", "staging");
        }
    }

    static int expectedCount(MigrationFormat format) {
        return format == MigrationFormat.FLYWAY ? 4 : 3;
    }

    static List<String> recorded(ShadowDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT filename, id, author FROM databasechangelog ORDER BY orderexecuted")) {
            while (rs.next()) out.add(rs.getString(1) + "::" + rs.getString(2) + "::" + rs.getString(3));
        }
        return out;
    }
}
