package io.automigrate.inspect;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.db.Connections;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogInspectorTest {
    /** One schema with every kind of object, written straight. */
    static final String SCHEMA = Inspect.role("inspect_reader") + """
            CREATE SCHEMA app;
            COMMENT ON SCHEMA app IS 'the application';
            GRANT USAGE ON SCHEMA app TO inspect_reader;
            CREATE EXTENSION citext SCHEMA public;
            CREATE TYPE app.status AS ENUM ('new', 'paid', 'shipped');
            CREATE TYPE app.money_pair AS (amount numeric(12, 2), currency text COLLATE "POSIX");
            CREATE DOMAIN app.qty AS int DEFAULT 1 NOT NULL CONSTRAINT qty_positive CHECK (VALUE > 0);
            CREATE SEQUENCE app.invoice_no START 1000 INCREMENT 10;
            CREATE TABLE app.customers (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email public.citext NOT NULL UNIQUE,
                name text NOT NULL DEFAULT '',
                created timestamptz NOT NULL DEFAULT now());
            COMMENT ON COLUMN app.customers.email IS 'login';
            CREATE TABLE app.orders (
                id serial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES app.customers (id) ON DELETE CASCADE,
                status app.status NOT NULL DEFAULT 'new',
                quantity app.qty,
                invoice bigint DEFAULT nextval('app.invoice_no'),
                total numeric(12, 2) CHECK (total >= 0),
                doubled numeric GENERATED ALWAYS AS (total * 2) STORED) WITH (fillfactor = 80);
            ALTER TABLE app.orders ADD CONSTRAINT orders_total_small CHECK (total < 1000000) NOT VALID;
            CREATE INDEX orders_customer ON app.orders (customer_id) WHERE status <> 'shipped';
            CREATE FUNCTION app.order_total(o app.orders) RETURNS numeric LANGUAGE sql STABLE
                AS 'SELECT o.total';
            CREATE VIEW app.open_orders AS
                SELECT o.id, o.customer_id, app.order_total(o.*) AS total FROM app.orders o WHERE o.status = 'new';
            GRANT SELECT ON app.open_orders TO inspect_reader;
            CREATE MATERIALIZED VIEW app.order_counts AS SELECT customer_id, count(*) AS n FROM app.orders
                GROUP BY customer_id;
            CREATE FUNCTION app.stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            REVOKE EXECUTE ON FUNCTION app.stamp() FROM PUBLIC;
            CREATE TRIGGER orders_stamp BEFORE INSERT ON app.orders FOR EACH ROW EXECUTE FUNCTION app.stamp();
            ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_orders ON app.orders FOR SELECT TO inspect_reader USING (customer_id > 0);
            """;

    /** The same schema, written in another order and with other statements. */
    static final String SCHEMA_REORDERED = Inspect.role("inspect_reader") + """
            CREATE SCHEMA app;
            CREATE EXTENSION citext;
            CREATE SEQUENCE app.invoice_no;
            ALTER SEQUENCE app.invoice_no INCREMENT 10 START 1000;
            CREATE DOMAIN app.qty AS int;
            ALTER DOMAIN app.qty SET DEFAULT 1;
            ALTER DOMAIN app.qty SET NOT NULL;
            ALTER DOMAIN app.qty ADD CONSTRAINT qty_positive CHECK (VALUE > 0);
            CREATE TYPE app.status AS ENUM ('new', 'shipped');
            ALTER TYPE app.status ADD VALUE 'paid' BEFORE 'shipped';
            CREATE TYPE app.money_pair AS (amount numeric(12, 2), currency text COLLATE "POSIX");
            CREATE TABLE app.customers (created timestamptz DEFAULT now() NOT NULL, email public.citext);
            CREATE TABLE app.orders (total numeric(12, 2), id serial);
            ALTER TABLE app.orders SET (fillfactor = 80);
            ALTER TABLE app.orders ADD COLUMN customer_id bigint NOT NULL;
            ALTER TABLE app.orders ADD COLUMN status app.status;
            ALTER TABLE app.orders ALTER COLUMN status SET DEFAULT 'new';
            ALTER TABLE app.orders ALTER COLUMN status SET NOT NULL;
            ALTER TABLE app.orders ADD COLUMN doubled numeric GENERATED ALWAYS AS (total * 2) STORED;
            ALTER TABLE app.orders ADD COLUMN invoice bigint DEFAULT nextval('app.invoice_no');
            ALTER TABLE app.orders ADD COLUMN quantity app.qty;
            ALTER TABLE app.orders ADD CHECK (total >= 0);
            ALTER TABLE app.orders ADD PRIMARY KEY (id);
            ALTER TABLE app.customers ADD COLUMN name text DEFAULT '' NOT NULL;
            ALTER TABLE app.customers ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
            ALTER TABLE app.customers ADD PRIMARY KEY (id);
            ALTER TABLE app.customers ALTER COLUMN email SET NOT NULL;
            ALTER TABLE app.customers ADD UNIQUE (email);
            CREATE INDEX orders_customer ON app.orders (customer_id) WHERE status <> 'shipped';
            ALTER TABLE app.orders ADD FOREIGN KEY (customer_id) REFERENCES app.customers (id) ON DELETE CASCADE;
            ALTER TABLE app.orders ADD CONSTRAINT orders_total_small CHECK (total < 1000000) NOT VALID;
            CREATE FUNCTION app.stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_orders ON app.orders FOR SELECT TO inspect_reader USING (customer_id > 0);
            CREATE TRIGGER orders_stamp BEFORE INSERT ON app.orders FOR EACH ROW EXECUTE FUNCTION app.stamp();
            REVOKE ALL ON FUNCTION app.stamp() FROM PUBLIC;
            CREATE FUNCTION app.order_total(o app.orders) RETURNS numeric LANGUAGE sql STABLE
                AS 'SELECT o.total';
            CREATE MATERIALIZED VIEW app.order_counts AS SELECT customer_id, count(*) AS n FROM app.orders
                GROUP BY customer_id;
            CREATE VIEW app.open_orders AS
                SELECT o.id, o.customer_id, app.order_total(o.*) AS total FROM app.orders o WHERE o.status = 'new';
            GRANT SELECT ON app.open_orders TO inspect_reader;
            GRANT USAGE ON SCHEMA app TO inspect_reader;
            COMMENT ON COLUMN app.customers.email IS 'login';
            COMMENT ON SCHEMA app IS 'the application';
            """;

    private static Catalog straight;

    private static synchronized Catalog straight() {
        if (straight == null) {
            straight = Inspect.ddl(SCHEMA);
        }
        return straight;
    }

    @Test
    void theSameSchemaInspectsEqualWhateverOrderItsDdlRanIn() {
        Catalog reordered = Inspect.ddl(SCHEMA_REORDERED);
        assertEquals(straight().normalized(), reordered.normalized());
        assertNotEquals(straight(), reordered, "column order is kept before normalizing");
        assertEquals(7, straight().table(io.automigrate.catalog.QualifiedName.of("app", "orders")).orElseThrow()
                .columns().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "COMMENT ON COLUMN app.orders.total IS 'gross'",
            "ALTER TABLE app.customers ALTER COLUMN name SET DEFAULT 'anonymous'",
            "ALTER TABLE app.orders VALIDATE CONSTRAINT orders_total_small",
            "ALTER TYPE app.status ADD VALUE 'void'",
            "ALTER TABLE app.orders ALTER COLUMN total SET NOT NULL",
            "ALTER SEQUENCE app.invoice_no CACHE 5",
            "ALTER TABLE app.customers ALTER COLUMN id SET GENERATED BY DEFAULT",
            "GRANT SELECT (name) ON app.customers TO inspect_reader",
            "GRANT EXECUTE ON FUNCTION app.stamp() TO PUBLIC",
            "ALTER TABLE app.orders DISABLE TRIGGER orders_stamp",
            "ALTER TABLE app.orders FORCE ROW LEVEL SECURITY",
            "ALTER POLICY own_orders ON app.orders TO PUBLIC",
            "ALTER VIEW app.open_orders SET (security_barrier = true)",
            "ALTER DOMAIN app.qty DROP NOT NULL",
            "ALTER TABLE app.orders ALTER COLUMN quantity TYPE int",
            "COMMENT ON INDEX app.orders_customer IS 'by customer'",
            "CREATE OR REPLACE FUNCTION app.order_total(o app.orders) RETURNS numeric LANGUAGE sql STABLE "
                    + "AS 'SELECT o.total + 0'",
    })
    void oneDifferenceInspectsDifferent(String change) {
        Catalog changed = Inspect.ddl(SCHEMA + change + ";");
        assertNotEquals(straight().normalized(), changed.normalized(), change);
    }

    @Test
    void aPartitionsIndexNamesTheParentIndexItIsAttachedToAndAnOnOnlyParentIsInvalidUntilEachPartitionHasOne() {
        String partlyAttached = """
                CREATE SCHEMA app;
                CREATE TABLE app.readings (sensor int NOT NULL, at date NOT NULL) PARTITION BY LIST (sensor);
                CREATE TABLE app.readings_1 PARTITION OF app.readings FOR VALUES IN (1);
                CREATE TABLE app.readings_2 PARTITION OF app.readings FOR VALUES IN (2);
                CREATE INDEX readings_at ON ONLY app.readings (at);
                CREATE INDEX readings_1_at ON app.readings_1 (at);
                ALTER INDEX app.readings_at ATTACH PARTITION app.readings_1_at;
                CREATE INDEX readings_2_at ON app.readings_2 (at);
                """;
        QualifiedName parent = QualifiedName.of("app", "readings_at");
        QualifiedName first = QualifiedName.of("app", "readings_1_at");
        QualifiedName second = QualifiedName.of("app", "readings_2_at");
        Catalog partly = Inspect.ddl(partlyAttached);
        assertFalse(partly.index(parent).orElseThrow().valid());
        assertNull(partly.index(parent).orElseThrow().attachedTo());
        assertEquals(parent, partly.index(first).orElseThrow().attachedTo());
        assertNull(partly.index(second).orElseThrow().attachedTo());
        assertTrue(partly.index(second).orElseThrow().valid(), "an index of a plain table counts as valid");

        Catalog complete = Inspect.ddl(partlyAttached + "ALTER INDEX app.readings_at ATTACH PARTITION app.readings_2_at;");
        assertTrue(complete.index(parent).orElseThrow().valid());
        assertEquals(parent, complete.index(second).orElseThrow().attachedTo());
        assertNotEquals(partly.normalized(), complete.normalized());
    }

    @Test
    void enumLabelOrderIsADifference() {
        Catalog swapped = Inspect.ddl(SCHEMA.replace("('new', 'paid', 'shipped')", "('new', 'shipped', 'paid')"));
        assertNotEquals(straight().normalized(), swapped.normalized());
    }

    @Test
    void theSameDatabaseInspectsIdenticallyTwice() {
        try (ShadowDatabase database = TestPostgres.newDatabase("inspect")) {
            TestPostgres.execute(database, SCHEMA);
            Catalog first = Inspect.of(database, InspectOptions.all());
            Catalog second = Inspect.of(database, InspectOptions.all());
            assertEquals(first, second);
            assertEquals(first.toString(), second.toString());
            assertEquals(straight().normalized(), first.normalized());
        }
    }

    @Test
    void readsInReadOnlySessionsAndInsideTheCallersTransactionLeavingItAsItWas() throws Exception {
        try (ShadowDatabase database = TestPostgres.newDatabase("inspect")) {
            TestPostgres.execute(database, SCHEMA);
            try (Connection connection = Connections.openReadOnly(database.url());
                 Statement st = connection.createStatement()) {
                assertEquals(straight().normalized(),
                        CatalogInspector.inspect(connection, InspectOptions.all()).normalized());
                assertTrue(connection.getAutoCommit());
                connection.setAutoCommit(false);
                st.execute("SET LOCAL search_path = app");
                st.execute("SELECT 1");
                Catalog catalog = CatalogInspector.inspect(connection, InspectOptions.all());
                assertEquals(straight().normalized(), catalog.normalized());
                try (ResultSet rs = st.executeQuery("SELECT current_setting('search_path'),"
                        + " current_setting('transaction_read_only'), now() = statement_timestamp()")) {
                    rs.next();
                    assertEquals("app", rs.getString(1));
                    assertEquals("on", rs.getString(2));
                    assertFalse(rs.getBoolean(3), "still the caller's transaction");
                }
                connection.commit();
            }
        }
    }

    @Test
    void temporaryObjectsOfTheSessionAreNotRead() throws Exception {
        try (ShadowDatabase database = TestPostgres.newDatabase("inspect");
             Connection connection = database.connect(); Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE scratch (x text); CREATE INDEX ON scratch (x); CREATE TABLE kept (y int)");
            Catalog catalog = CatalogInspector.inspect(connection, InspectOptions.all());
            assertEquals(List.of("kept"), catalog.tables().stream().map(t -> t.name()).toList());
            assertEquals(List.of("public"), catalog.schemas().stream().map(s -> s.name()).toList());
            assertTrue(catalog.indexes().isEmpty());
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void aFailingQueryIsADatabaseErrorNamingWhatWasRead() throws Exception {
        try (ShadowDatabase database = TestPostgres.newDatabase("inspect");
             Connection connection = database.connect(); Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            assertThrows(Exception.class, () -> st.execute("SELECT 1/0"));
            AutomigrateException e = assertThrows(AutomigrateException.class,
                    () -> CatalogInspector.inspect(connection, InspectOptions.all()));
            assertEquals(ExitCode.DATABASE, e.exitCode());
            assertTrue(e.getMessage().startsWith("cannot read search_path"), e.getMessage());
            assertTrue(e.getMessage().contains("current transaction is aborted"), e.getMessage());
            connection.rollback();
        }
    }
}
