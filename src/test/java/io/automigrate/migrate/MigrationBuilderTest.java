package io.automigrate.migrate;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.diff.Change;
import io.automigrate.diff.TableChanges;
import io.automigrate.sql.RenderedChange;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationBuilderTest {
    /** A change to stand for any: only its statements matter here. */
    private static Change step(String name) {
        return new TableChanges.AlterComment(ObjectRef.schema(name), null, name);
    }

    private static RenderedChange change(String name, Statement forward, Statement rollback) {
        return new RenderedChange(step(name), List.of(forward), List.of(rollback));
    }

    @Test
    void nonTransactionalChangesGetChangesetsOfTheirOwn() {
        RenderedMigration migration = new RenderedMigration(List.of(
                change("a", Statement.of("CREATE TABLE a (id int);"), Statement.of("DROP TABLE a;")),
                change("b", Statement.of("CREATE TABLE b (id int);"), Statement.of("DROP TABLE b;")),
                change("i", Statement.nonTransactional("CREATE INDEX CONCURRENTLY a_id ON a (id);"),
                        Statement.nonTransactional("DROP INDEX CONCURRENTLY a_id;")),
                change("c", Statement.of("COMMENT ON TABLE a IS 'x';"), Statement.of("COMMENT ON TABLE a IS NULL;"))));
        MigrationFile file = MigrationBuilder.build("20261122153000_x.sql", migration, "automigrate", "generated from db/schema.sql");
        assertEquals(List.of("20261122153000_x", "20261122153000_x-2", "20261122153000_x-3"),
                file.changesets().stream().map(Changeset::id).toList());
        Changeset first = file.changesets().get(0);
        assertTrue(first.runInTransaction());
        assertEquals("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n", first.sql());
        assertEquals("DROP TABLE b;\nDROP TABLE a;\n", first.rollback(), "rollback undoes the last change first");
        assertFalse(file.changesets().get(1).runInTransaction());
        assertTrue(file.changesets().get(2).runInTransaction());
    }

    @Test
    void aChangeRenderedToRunAloneGetsATransactionalChangesetOfItsOwnAndOnlineChangesetsSetLockTimeout() {
        RenderedMigration migration = new RenderedMigration(List.of(
                change("a", Statement.of("ALTER TABLE a ADD CONSTRAINT c CHECK (id > 0) NOT VALID;"),
                        Statement.of("ALTER TABLE a DROP CONSTRAINT c;")),
                new RenderedChange(step("v"), List.of(Statement.of("ALTER TABLE a VALIDATE CONSTRAINT c;")),
                        List.of(), true),
                change("b", Statement.of("COMMENT ON TABLE a IS 'x';"), Statement.of("COMMENT ON TABLE a IS NULL;"))));
        MigrationFile file = MigrationBuilder.build("20261122153000_x.sql", migration, "automigrate", null,
                io.automigrate.sql.RenderOptions.online(java.time.Duration.ofMillis(2500)));
        assertEquals(3, file.changesets().size());
        assertTrue(file.changesets().stream().allMatch(Changeset::runInTransaction));
        assertEquals("SET LOCAL lock_timeout = '2500ms';\nALTER TABLE a VALIDATE CONSTRAINT c;\n",
                file.changesets().get(1).sql());
        assertEquals("", file.changesets().get(1).rollback(), "an empty rollback stays empty: not required");
        assertEquals("SET LOCAL lock_timeout = '2500ms';\nCOMMENT ON TABLE a IS NULL;\n",
                file.changesets().get(2).rollback());
    }

    @Test
    void aChangeThatRunsInTheRollbackOnlyKeepsItsPlaceInTheRollbackOfANeighbouringChangeset() {
        // Before the fix such changes (no forward SQL) were left out, and with them their rollback.
        RenderedMigration migration = new RenderedMigration(List.of(
                new RenderedChange(step("drop-view"), List.of(), List.of(Statement.of("CREATE VIEW v AS SELECT 1;"))),
                change("add", Statement.nonTransactional("ALTER TYPE e ADD VALUE 'x';"),
                        Statement.of("SWAP e;")),
                new RenderedChange(step("create-view"), List.of(), List.of(Statement.of("DROP VIEW v;"))),
                change("c", Statement.of("COMMENT ON TABLE a IS 'x';"), Statement.of("COMMENT ON TABLE a IS NULL;"))));
        MigrationFile file = MigrationBuilder.build("20261122153000_x.sql", migration, "automigrate", null);
        assertEquals(2, file.changesets().size());
        Changeset first = file.changesets().get(0);
        assertFalse(first.runInTransaction());
        assertEquals("ALTER TYPE e ADD VALUE 'x';\n", first.sql());
        assertEquals("DROP VIEW v;\nSWAP e;\nCREATE VIEW v AS SELECT 1;\n", first.rollback());
        assertEquals("COMMENT ON TABLE a IS NULL;\n", file.changesets().get(1).rollback());
        assertEquals(migration.rollback(), List.of(Statement.of("COMMENT ON TABLE a IS NULL;"),
                Statement.of("DROP VIEW v;"), Statement.of("SWAP e;"), Statement.of("CREATE VIEW v AS SELECT 1;")));
    }

    @Test
    void aChangeThatRunsInTheRollbackOnlyAvoidsAChangesetOutsideATransactionWhereATransactionalOneIsBeside() {
        // DROP INDEX CONCURRENTLY cannot share the whole-sent rollback of its changeset with another statement.
        RenderedMigration migration = new RenderedMigration(List.of(
                change("a", Statement.of("CREATE TABLE a (id int);"), Statement.of("DROP TABLE a;")),
                change("i", Statement.nonTransactional("CREATE INDEX CONCURRENTLY a_id ON a (id);"),
                        Statement.nonTransactional("DROP INDEX CONCURRENTLY a_id;")),
                new RenderedChange(step("index-on-view"), List.of(), List.of(Statement.of("DROP INDEX v_idx;"))),
                new RenderedChange(step("other"), List.of(), List.of(Statement.of("DROP INDEX w_idx;"))),
                change("c", Statement.of("COMMENT ON TABLE a IS 'x';"), Statement.of("COMMENT ON TABLE a IS NULL;"))));
        MigrationFile file = MigrationBuilder.build("20261122153000_x.sql", migration, "automigrate", null);
        assertEquals(3, file.changesets().size());
        assertEquals("DROP INDEX CONCURRENTLY a_id;\n", file.changesets().get(1).rollback());
        assertEquals("COMMENT ON TABLE a IS NULL;\nDROP INDEX w_idx;\nDROP INDEX v_idx;\n",
                file.changesets().get(2).rollback());
        assertTrue(file.changesets().get(2).runInTransaction());
    }
}
