package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Table;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers: a throwaway database with some DDL, inspected. */
final class Inspect {
    private Inspect() {
    }

    /** Runs {@code ddl} on a new database, inspects it with {@code options}, drops the database. */
    static Catalog ddl(String ddl, InspectOptions options) {
        try (ShadowDatabase database = TestPostgres.newDatabase("inspect")) {
            TestPostgres.execute(database, ddl);
            return of(database, options);
        }
    }

    static Catalog ddl(String ddl) {
        return ddl(ddl, InspectOptions.all());
    }

    static Catalog of(ShadowDatabase database, InspectOptions options) {
        try (Connection connection = database.connect()) {
            return CatalogInspector.inspect(connection, options);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SQL that creates a role unless it exists (roles are shared by every database of the test server). */
    static String role(String name) {
        return "DO $$BEGIN CREATE ROLE " + name + "; EXCEPTION WHEN duplicate_object THEN NULL; END$$;\n";
    }

    static Table table(Catalog catalog, String schema, String name) {
        var table = catalog.table(QualifiedName.of(schema, name));
        assertTrue(table.isPresent(), () -> "no table " + schema + "." + name + " in " + catalog.tables());
        return table.get();
    }
}
