package io.automigrate.diff;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every case of the corpus is valid PostgreSQL: both files load on the embedded server. Each file runs in a
 * transaction that is rolled back, on one database, so the whole corpus loads in seconds (DDL is transactional
 * in PostgreSQL, including CREATE EXTENSION and CREATE ROLE).
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
    Stream<DynamicTest> everyCaseFileLoads() {
        return DiffCase.all().stream().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest(c.name() + "/from.sql", () -> load(c.name() + "/from.sql", c.fromSql())),
                DynamicTest.dynamicTest(c.name() + "/to.sql", () -> load(c.name() + "/to.sql", c.toSql()))));
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(DiffCase.all().size() >= 140, "at least 140 cases, found " + DiffCase.all().size());
    }

    @Test
    void renameHintsAreReadFromTheDesiredFile() {
        RenameHints hints = DiffCase.HintParser.parse("""
                CREATE TABLE app.customers ( -- automigrate:renamed-from clients
                    id bigint PRIMARY KEY,
                    full_name text -- automigrate:renamed-from name
                );
                """, "to.sql");
        assertEquals(List.of(new RenameHints.TableRename(
                io.automigrate.catalog.QualifiedName.of("app", "customers"), "clients", "to.sql", 1)), hints.tables());
        assertEquals(List.of(new RenameHints.ColumnRename(
                io.automigrate.catalog.QualifiedName.of("app", "customers"), "full_name", "name", "to.sql", 3)),
                hints.columns());
    }

    private static void load(String label, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                st.execute(sql);
            } catch (SQLException e) {
                fail(label + " does not load: " + e.getMessage());
            } finally {
                c.rollback();
            }
        }
    }
}
