package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inspect runs one query per object kind: the number of statements does not grow with the schema. */
class InspectQueryCountTest {
    private static final int TABLES = 300;

    private static final String MANY_OBJECTS = """
            DO $$
            BEGIN
                FOR i IN 1..%d LOOP
                    EXECUTE format('CREATE TABLE t%%s (id int PRIMARY KEY, parent int REFERENCES t%%s (id),
                        name text NOT NULL DEFAULT %%L, amount numeric(10, 2) CHECK (amount >= 0), at timestamptz)',
                        i, greatest(i - 1, 1), 'n' || i);
                    EXECUTE format('CREATE INDEX t%%s_name ON t%%s (name, at)', i, i);
                    EXECUTE format('COMMENT ON COLUMN t%%s.name IS %%L', i, 'name ' || i);
                    IF i %% 10 = 0 THEN
                        EXECUTE format('CREATE FUNCTION f%%s(x int) RETURNS int LANGUAGE sql AS %%L', i,
                            'SELECT x + ' || i);
                        EXECUTE format('CREATE VIEW v%%s AS SELECT id, f%%s(id) AS f FROM t%%s', i, i, i);
                    END IF;
                END LOOP;
            END$$;
            """.formatted(TABLES);

    private static int statementsToInspect(ShadowDatabase database, int expectedTables) throws Exception {
        try (Connection connection = database.connect()) {
            CatalogQueries queries = new CatalogQueries(connection);
            Catalog catalog = CatalogInspector.inspect(connection, InspectOptions.all(), queries);
            assertEquals(expectedTables, catalog.tables().size());
            return queries.statements();
        }
    }

    @Test
    void statementCountDoesNotGrowWithTheNumberOfObjects() throws Exception {
        int few;
        try (ShadowDatabase small = TestPostgres.newDatabase("inspect")) {
            TestPostgres.execute(small, "CREATE TABLE t (id int)");
            few = statementsToInspect(small, 1);
        }
        try (ShadowDatabase large = TestPostgres.newDatabase("inspect")) {
            TestPostgres.execute(large, MANY_OBJECTS);
            int many = statementsToInspect(large, TABLES);
            assertEquals(few, many);
            // one per object kind (rules included), one for the server's casts and version, one for the objects of
            // kinds no migration is generated for (UnmanagedReader)
            assertTrue(many <= 22, "statements: " + many);
            Catalog catalog = Inspect.of(large, InspectOptions.all());
            assertEquals(TABLES, catalog.indexes().size());
            assertEquals(TABLES / 10, catalog.views().size());
            assertEquals(TABLES / 10, catalog.routines().size());
            assertEquals(TABLES * 3, catalog.tables().stream().mapToInt(t -> t.constraints().size()).sum());
            assertTrue(catalog.dependencies().size() >= TABLES * 8, "dependencies: " + catalog.dependencies().size());
        }
    }
}
