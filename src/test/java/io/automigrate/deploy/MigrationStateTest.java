package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history against DATABASECHANGELOG, as plain data: steps, and the refusals. */
class MigrationStateTest {
    private static Changeset changeset(String id, boolean transactional) {
        return new Changeset("automigrate", id, transactional, null, "SELECT 1;", "SELECT 1;", 3, List.of());
    }

    private static final MigrationHistory HISTORY = new MigrationHistory(Path.of("/repo"), "db/migrations", List.of(
            new MigrationFile("20260101000000_a.sql", List.of(changeset("a", true))),
            new MigrationFile("20260102000000_b.sql", List.of(changeset("b1", true), changeset("b2", true),
                    changeset("b3", false), changeset("b4", true))),
            new MigrationFile("20260103000000_c.sql", List.of(changeset("c", true)))), "sum");

    private static ChangelogTable.Applied applied(String file, String id, String checksum) {
        return new ChangelogTable.Applied(id, "automigrate", "db/migrations/" + file, checksum, 1, "2026-01-01 00:00:00");
    }

    @Test
    void pendingChangesetsAreCutIntoAtomicSteps() {
        MigrationState state = MigrationState.of(HISTORY, List.of(applied("20260101000000_a.sql", "a", null)),
                version -> Map.of(), "db");
        assertEquals(1, state.appliedCount());
        List<String> steps = state.pending().stream().map(s -> s.file().id() + ":" + s.changesets().stream()
                .map(Changeset::id).toList() + (s.transactional() ? "" : " alone")).toList();
        assertEquals(List.of("20260102000000_b:[b1, b2]", "20260102000000_b:[b3] alone", "20260102000000_b:[b4]",
                "20260103000000_c:[c]"), steps);
        assertEquals(4, state.pendingIn(state.pendingFiles().get(0)));
    }

    @Test
    void anEditedAppliedChangesetIsRefusedWithItsFile() {
        AutomigrateException e = assertThrows(AutomigrateException.class, () -> MigrationState.of(HISTORY,
                List.of(applied("20260101000000_a.sql", "a", "9:old")),
                version -> Map.of("db/migrations/20260101000000_a.sql::a::automigrate", "9:new"), "db"));
        assertEquals(1, e.exitCode().code());
        assertTrue(e.getMessage().startsWith("db/migrations/20260101000000_a.sql:3: changeset automigrate:a was changed"),
                e.getMessage());
    }

    @Test
    void aPendingChangesetBeforeAnAppliedOneIsOutOfOrder() {
        AutomigrateException e = assertThrows(AutomigrateException.class, () -> MigrationState.of(HISTORY,
                List.of(applied("20260101000000_a.sql", "a", null), applied("20260103000000_c.sql", "c", null)),
                version -> Map.of(), "db"));
        assertTrue(e.getMessage().contains("20260102000000_b.sql:3: changeset automigrate:b1 is not applied")
                && e.getMessage().contains("sorts before db/migrations/20260103000000_c.sql"), e.getMessage());
    }

    @Test
    void anAppliedChangesetMissingFromTheHistoryIsRefused() {
        AutomigrateException e = assertThrows(AutomigrateException.class, () -> MigrationState.of(HISTORY,
                List.of(applied("20251231000000_gone.sql", "gone", null)), version -> Map.of(), "db"));
        assertTrue(e.getMessage().contains("20251231000000_gone.sql: changeset automigrate:gone was applied"),
                e.getMessage());
    }

    @Test
    void theProjectKeyIsStableAndPositive() {
        assertEquals(DeployLock.projectKey("db/migrations"), DeployLock.projectKey("db/migrations"));
        assertTrue(DeployLock.projectKey("db/migrations") >= 0);
        assertTrue(DeployLock.projectKey("db/migrations") != DeployLock.projectKey("other/migrations"));
    }
}
