package io.automigrate.state;

import io.automigrate.migrate.MigrationHistory;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class HistoryReplayerTest {
    @TempDir
    Path root;

    private void migration(String name, String sql, String rollback) throws IOException {
        Path dir = Files.createDirectories(root.resolve("db/migrations"));
        Files.writeString(dir.resolve(name), "--liquibase formatted sql\n\n--changeset test:" + name
                + " splitStatements:false rollbackSplitStatements:false\n" + sql + "\n--rollback " + rollback + "\n");
    }

    @Test
    void aReplayedHistoryIsKeptAndTheNextReplayReadsIt() throws IOException {
        // A table name of its own: the cached test server may hold templates of earlier runs.
        String table = "t_" + UUID.randomUUID().toString().replace("-", "");
        migration("20260101000000_first.sql", "CREATE TABLE " + table + " (id bigint PRIMARY KEY);", "DROP TABLE " + table + ";");
        migration("20260101000001_second.sql", "ALTER TABLE " + table + " ADD COLUMN note text;",
                "ALTER TABLE " + table + " DROP COLUMN note;");
        MigrationHistory history = MigrationHistory.read(root, "db/migrations", false);
        ShadowServer server = TestPostgres.server();

        HistoryReplayer.Replayed first = StateReader.on(server, InspectOptions.all()).replay(new SchemaState.History(history, null));
        assertFalse(first.cached());
        assertNotNull(first.template());
        assertEquals(2, first.catalog().table(io.automigrate.catalog.QualifiedName.of("public", table)).orElseThrow().columns().size());
        assertTrue(first.catalog().tables().stream().noneMatch(t -> StateReader.BOOKKEEPING.contains(t.name())),
                "Liquibase's tables are not part of the schema");

        HistoryReplayer.Replayed second = StateReader.on(server, InspectOptions.all()).replay(new SchemaState.History(history, null));
        assertEquals(first.catalog(), second.catalog());
        assertEquals(server.persistent(), second.cached(), "only a persistent server keeps templates by checksum");

        // A database made from the template holds the replayed history, bookkeeping included.
        try (ShadowDatabase copy = server.createDatabase("copy", first.template())) {
            TestPostgres.execute(copy, "INSERT INTO " + table + " (id, note) VALUES (1, 'x')");
            assertEquals(first.catalog(), StateReader.inspect(copy.url(), InspectOptions.all()));
        }
    }

    @Test
    void aHistoryThatNoLongerReplaysIsACheckFailureNamingTheMigration() throws IOException {
        String table = "t_" + UUID.randomUUID().toString().replace("-", "");
        migration("20260101000000_first.sql", "CREATE TABLE " + table + " (id bigint);", "DROP TABLE " + table + ";");
        migration("20260101000001_broken.sql", "ALTER TABLE " + table + " DROP COLUMN missing;", "SELECT 1;");
        MigrationHistory history = MigrationHistory.read(root, "db/migrations", false);

        AutomigrateException e = assertThrows(AutomigrateException.class,
                () -> StateReader.on(TestPostgres.server(), InspectOptions.all()).replay(new SchemaState.History(history, null)));
        assertEquals(ExitCode.CHECK_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("does not replay"), e.getMessage());
        assertTrue(e.getMessage().contains("20260101000001_broken.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }
}
