package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.CatalogDifference;
import io.automigrate.testing.Convergence;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every case of the corpus is valid PostgreSQL and means what it says: both files load on the embedded server,
 * and they inspect to different catalogs exactly when the case expects changes. Each file runs in a transaction
 * that is rolled back, on one database, so the whole corpus loads quickly (DDL is transactional in PostgreSQL,
 * including CREATE EXTENSION and CREATE ROLE).
 */
class DiffCasesLoadTest {

    private static ShadowDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.newDatabase("caseload");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseLoadsAndDiffersAsItSays() {
        return DiffCase.selected().stream().map(c -> DynamicTest.dynamicTest(c.name(), c.directory().toUri(), () -> {
            Catalog rawFrom = load(c.name() + "/from.sql", c.fromSql());
            Catalog rawTo = load(c.name() + "/to.sql", c.toSql());
            Catalog from = Convergence.comparable(rawFrom, c.options());
            Catalog to = Convergence.comparable(rawTo, c.options());
            // Re-creating misordered tables makes column order a difference the normalized catalogs leave aside.
            if (!c.noChanges() && c.options().rewriteColumnOrder()
                    && !columnOrders(rawFrom).equals(columnOrders(rawTo))) {
                return;
            }
            if (c.noChanges()) {
                assertEquals(from, to, () -> c.name() + " says noChanges, but its files differ:\n  "
                        + String.join("\n  ", CatalogDifference.describe(from, to)));
            } else {
                assertFalse(from.equals(to), c.name() + ": from.sql and to.sql inspect equal; mark it noChanges=true");
            }
        }));
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(DiffCase.all().size() >= 140, "at least 140 cases, found " + DiffCase.all().size());
    }

    private static java.util.Map<String, List<String>> columnOrders(Catalog catalog) {
        java.util.Map<String, List<String>> orders = new java.util.TreeMap<>();
        catalog.tables().forEach(t -> orders.put(t.qualifiedName().toString(),
                t.columns().stream().map(io.automigrate.catalog.Column::name).toList()));
        return orders;
    }

    /** The catalog the script makes, read in a transaction that is rolled back. */
    private static Catalog load(String label, String sql) {
        try {
            return TestPostgres.inspectRolledBack(database, sql);
        } catch (SQLException e) {
            return fail(label + " does not load: " + e.getMessage());
        }
    }
}
