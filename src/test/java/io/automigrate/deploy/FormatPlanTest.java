package io.automigrate.deploy;

import io.automigrate.migrate.MigrationFormat;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan} on a folder in another tool's format: the history replays, the new migration is written in the
 * folder's own naming with its rollback where the format keeps one (a comment block otherwise), proven, and the next
 * deploy applies only it.
 */
class FormatPlanTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = MigrationFormat.class, names = "LIQUIBASE", mode = EnumSource.Mode.EXCLUDE)
    void planWritesTheNextMigrationInTheFolderFormat(MigrationFormat format) throws Exception {
        Project project = FormatFolders.project(dir, format);
        String d = FormatFolders.dir(format);
        try (ShadowDatabase live = TestPostgres.newDatabase("live")) {
            project.variables.put("STAGING_URL", live.url().display());
            project.expect(0, "apply", "--env", "staging");
            Project.Run inSync = project.expect(0, "plan");
            assertTrue(inSync.out().contains("schema and migrations agree"), inSync.out());

            List<String> before = files(d);
            project.file("db/schema.sql", FormatFolders.schema(format).replace("title text NOT NULL",
                    "title text NOT NULL,\n    body text"));
            Project.Run planned = project.expect(0, "plan", "--name", "add_posts_body");
            List<String> added = files(d).stream().filter(f -> !before.contains(f)).toList();
            String main = switch (format) {
                case PRISMA -> "_add_posts_body/migration.sql";
                case FLYWAY -> "V4__add_posts_body.sql";
                case GOLANG_MIGRATE -> "000004_add_posts_body.up.sql";
                case DBMATE -> "_add_posts_body.sql";
                case DRIZZLE -> "0003_add_posts_body.sql";
                default -> "004_add_posts_body.sql";
            };
            String mainFile = added.stream().filter(f -> f.endsWith(main)).findFirst()
                    .orElseThrow(() -> new AssertionError(added + "\n" + planned.all()));
            assertTrue(planned.out().contains(d + "/" + mainFile), planned.out());
            String text = project.read(d + "/" + mainFile);
            assertTrue(text.contains("ADD COLUMN body text"), text);
            String rollbackText = switch (format) {
                case FLYWAY -> project.read(d + "/U4__add_posts_body.sql");
                case GOLANG_MIGRATE -> project.read(d + "/000004_add_posts_body.down.sql");
                case DBMATE -> text.substring(text.indexOf("-- migrate:down"));
                default -> text.substring(text.indexOf("-- rollback"));
            };
            assertTrue(rollbackText.contains("DROP COLUMN body"), rollbackText);
            if (format == MigrationFormat.DRIZZLE) {
                assertTrue(project.read(d + "/meta/_journal.json").contains("0003_add_posts_body"));
            }
            assertEquals(format == MigrationFormat.GOLANG_MIGRATE || format == MigrationFormat.FLYWAY ? 2 : 1,
                    added.size(), added.toString());

            // The history with the new migration gives the schema: plan is in sync again.
            Project.Run again = project.expect(0, "plan");
            assertTrue(again.out().contains("schema and migrations agree"), again.out());

            // The deploy applies only the new migration.
            Project.Run pending = project.expect(0, "status", "--env", "staging");
            assertTrue(pending.out().contains("1 pending"), pending.out());
            project.expect(0, "apply", "--env", "staging");
            assertEquals(FormatDeployTest.expectedCount(format) + 1, FormatDeployTest.recorded(live).size());
            project.expect(0, "drift", "--env", "staging");
            project.expect(0, "lint", d + "/" + mainFile);
        }
    }

    private List<String> files(String d) throws IOException {
        Path folder = dir.resolve(d);
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }
}
