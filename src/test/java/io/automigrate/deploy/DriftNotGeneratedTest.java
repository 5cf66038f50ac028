package io.automigrate.deploy;

import io.automigrate.catalog.Catalog;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drift check and objects of kinds no migration is generated for: one in the schema's scope that the migrations
 * did not make is drift, named; a database-wide one a platform makes (a publication, an event trigger) is a note.
 */
class DriftNotGeneratedTest {
    private static final String TABLE = "CREATE TABLE orders (id int PRIMARY KEY, city text, zip text);";
    private static ShadowDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.newDatabase("driftnotgen");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void statisticsMadeByHandOnTheLiveDatabaseAreDrift() throws SQLException {
        Drift drift = DriftCheck.compare(load(TABLE + " CREATE STATISTICS orders_deps (dependencies) ON city, zip"
                + " FROM orders;"), load(TABLE));
        assertTrue(drift.drifted(), drift.toString());
        assertTrue(drift.notes().stream().anyMatch(n -> n.startsWith("statistics public.orders_deps is in the current"
                + " schema only")), drift.notes().toString());
    }

    @Test
    void aPublicationThePlatformMadeIsANoteNotDrift() throws SQLException {
        Drift drift = DriftCheck.compare(load(TABLE + " CREATE PUBLICATION platform_changes FOR ALL TABLES;"),
                load(TABLE));
        assertFalse(drift.drifted(), drift.toString());
        assertTrue(drift.notes().stream().anyMatch(n -> n.contains("publication platform_changes")
                && n.startsWith("not counted as drift")), drift.notes().toString());
    }

    @Test
    void aPublicationTheMigrationsMadeThatDiffersIsDrift() throws SQLException {
        Drift drift = DriftCheck.compare(load(TABLE + " CREATE PUBLICATION changes FOR TABLE orders"
                + " WITH (publish = 'insert');"), load(TABLE + " CREATE PUBLICATION changes FOR TABLE orders;"));
        assertTrue(drift.drifted(), drift.toString());
        assertTrue(drift.notes().stream().anyMatch(n -> n.startsWith("publication changes differs")),
                drift.notes().toString());
    }

    private static Catalog load(String sql) throws SQLException {
        return TestPostgres.inspectRolledBack(database, sql);
    }
}
