package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Grant;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.automigrate.inspect.Inspect.role;
import static io.automigrate.inspect.Inspect.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class GrantInspectionTest {
    private static final String ROLES = role("inspect_owner_a") + role("inspect_owner_b") + role("inspect_reader")
            + role("inspect_writer");

    @Test
    void grantsOfEveryKindWithoutTheOwnersOwnPrivileges() {
        Catalog catalog = Inspect.ddl(ROLES + """
                CREATE SCHEMA app;
                GRANT USAGE ON SCHEMA app TO inspect_reader;
                GRANT CREATE ON SCHEMA app TO inspect_writer WITH GRANT OPTION;
                CREATE TABLE app.t (id int, secret text);
                GRANT SELECT, INSERT ON app.t TO inspect_reader;
                GRANT ALL ON app.t TO inspect_writer;
                REVOKE TRUNCATE, MAINTAIN ON app.t FROM inspect_writer;
                GRANT UPDATE (secret) ON app.t TO inspect_reader;
                GRANT SELECT ON app.t TO PUBLIC;
                CREATE SEQUENCE app.s;
                GRANT USAGE ON SEQUENCE app.s TO inspect_writer;
                CREATE VIEW app.v AS SELECT id FROM app.t;
                GRANT SELECT ON app.v TO inspect_reader WITH GRANT OPTION;
                CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
                CREATE FUNCTION app.g() RETURNS int LANGUAGE sql AS 'SELECT 2';
                REVOKE EXECUTE ON FUNCTION app.g() FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION app.g() TO inspect_reader;
                """);
        assertEquals(List.of(new Grant("inspect_reader", "USAGE", false), new Grant("inspect_writer", "CREATE", true)),
                catalog.schema("app").orElseThrow().grants());
        var t = table(catalog, "app", "t");
        assertEquals(List.of(new Grant("PUBLIC", "SELECT", false),
                new Grant("inspect_reader", "INSERT", false), new Grant("inspect_reader", "SELECT", false),
                new Grant("inspect_writer", "DELETE", false), new Grant("inspect_writer", "INSERT", false),
                new Grant("inspect_writer", "REFERENCES", false), new Grant("inspect_writer", "SELECT", false),
                new Grant("inspect_writer", "TRIGGER", false), new Grant("inspect_writer", "UPDATE", false)),
                t.grants());
        assertEquals(List.of(new Grant("inspect_reader", "UPDATE", false)), t.column("secret").orElseThrow().grants());
        assertEquals(List.of(), t.column("id").orElseThrow().grants());
        assertEquals(List.of(new Grant("inspect_writer", "USAGE", false)),
                catalog.sequence(QualifiedName.of("app", "s")).orElseThrow().grants());
        assertEquals(List.of(new Grant("inspect_reader", "SELECT", true)),
                catalog.view(QualifiedName.of("app", "v")).orElseThrow().grants());
        assertEquals(List.of(new Grant("PUBLIC", "EXECUTE", false)), catalog.routines().get(0).grants());
        assertEquals(List.of(new Grant("inspect_reader", "EXECUTE", false)), catalog.routines().get(1).grants());
    }

    @Test
    void ownersNeverShowButRevokingFromPublicDoes() {
        String schema = """
                CREATE TABLE t (id int);
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
                GRANT SELECT ON t TO inspect_reader;
                """;
        Catalog ownedByA = Inspect.ddl(ROLES + schema
                + "ALTER TABLE t OWNER TO inspect_owner_a; ALTER FUNCTION f() OWNER TO inspect_owner_a;");
        Catalog ownedByB = Inspect.ddl(ROLES + schema
                + "ALTER TABLE t OWNER TO inspect_owner_b; ALTER FUNCTION f() OWNER TO inspect_owner_b;");
        assertEquals(ownedByA.normalized(), ownedByB.normalized());
        assertEquals(List.of(new Grant("inspect_reader", "SELECT", false)), table(ownedByA, "public", "t").grants());
        Catalog revoked = Inspect.ddl(ROLES + schema + "REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;");
        assertEquals(List.of(), revoked.routines().get(0).grants());
        assertNotEquals(ownedByA.normalized(), revoked.normalized());
    }

    @Test
    void oneGrantPerPrivilegeWhateverTheNumberOfGrantors() {
        Catalog catalog = Inspect.ddl(ROLES + """
                CREATE TABLE t (id int);
                ALTER TABLE t OWNER TO inspect_owner_a;
                GRANT SELECT ON t TO inspect_writer WITH GRANT OPTION;
                GRANT SELECT ON t TO inspect_reader;
                SET ROLE inspect_writer;
                GRANT SELECT ON t TO inspect_reader;
                RESET ROLE;
                """);
        assertEquals(List.of(new Grant("inspect_reader", "SELECT", false), new Grant("inspect_writer", "SELECT", true)),
                table(catalog, "public", "t").grants());
    }

    @Test
    void ownerPrivilegesRevokedExplicitlyStillDoNotShow() {
        try (ShadowDatabase database = TestPostgres.newDatabase("inspect")) {
            TestPostgres.execute(database, ROLES + "CREATE TABLE t (id int); ALTER TABLE t OWNER TO inspect_owner_a;"
                    + "REVOKE ALL ON t FROM inspect_owner_a;");
            assertEquals(List.of(), table(Inspect.of(database, InspectOptions.all()), "public", "t").grants());
        }
    }
}
