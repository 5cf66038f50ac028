package io.automigrate.migrate;

import io.automigrate.AutomigrateException;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement of another tool's migration that fails is reported at its line in the tool's own file (the up section
 * of a dbmate file, a golang-migrate .down.sql), not in the formatted SQL it was translated into; and a comment that
 * looks like a Liquibase directive stays a comment.
 */
class FormatErrorLineTest {
    @TempDir
    Path root;

    @Test
    void failuresNameTheToolsFileAndLine() throws Exception {
        Path dir = Files.createDirectories(root.resolve("db/migrations"));
        Files.writeString(dir.resolve("20240101000000_init.sql"), """
                -- migrate:up
                -- rollback: drop the table by hand
                CREATE TABLE a (id int);
                CREATE TABLE a (id int);

                -- migrate:down
                DROP TABLE a;
                """);
        MigrationHistory history = MigrationHistory.read(root, "db/migrations", MigrationFormat.DBMATE, false);
        try (ShadowDatabase db = TestPostgres.newDatabase("lines"); Connection c = db.connect();
             LiquibaseRunner runner = LiquibaseRunner.forHistory(c, history)) {
            AutomigrateException e = assertThrows(AutomigrateException.class, runner::update);
            assertTrue(e.getMessage().startsWith("db/migrations/20240101000000_init.sql:4:1: changeset "
                    + "dbmate:20240101000000_init, statement 2 of 2"), e.getMessage());
        }

        Path golang = Files.createDirectories(root.resolve("go"));
        Files.writeString(golang.resolve("1_init.up.sql"), "CREATE TABLE b (id int);\n");
        Files.writeString(golang.resolve("1_init.down.sql"), "-- undo\n\nDROP TABLE missing;\n");
        MigrationHistory go = MigrationHistory.read(root, "go", MigrationFormat.GOLANG_MIGRATE, false);
        try (ShadowDatabase db = TestPostgres.newDatabase("lines"); Connection c = db.connect();
             LiquibaseRunner runner = LiquibaseRunner.forHistory(c, go)) {
            runner.update();
            AutomigrateException e = assertThrows(AutomigrateException.class, () -> runner.rollback(1));
            assertTrue(e.getMessage().startsWith("go/1_init.down.sql:3:1: the rollback of changeset "
                    + "golang-migrate:1_init"), e.getMessage());
        }
    }
}
