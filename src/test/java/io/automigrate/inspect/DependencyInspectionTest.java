package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyInspectionTest {
    static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TYPE app.mood AS ENUM ('sad', 'happy');
            CREATE DOMAIN app.mood_not_null AS app.mood NOT NULL;
            CREATE TYPE app.pair AS (m app.mood, n int);
            CREATE FUNCTION app.double(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
            CREATE FUNCTION app.allowed(m app.mood) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT true';
            CREATE SEQUENCE app.order_no;
            CREATE TABLE app.users (id int PRIMARY KEY, feeling app.mood, feelings app.mood[], p app.pair);
            CREATE TABLE app.orders (
                id serial PRIMARY KEY,
                no bigint DEFAULT nextval('app.order_no'),
                user_id int REFERENCES app.users (id),
                amount int,
                twice int GENERATED ALWAYS AS (app.double(amount)) STORED);
            CREATE INDEX orders_double ON app.orders (app.double(amount));
            CREATE VIEW app.big_orders AS SELECT id, app.double(amount) AS d FROM app.orders WHERE amount > 10;
            CREATE VIEW app.biggest AS SELECT max(d) AS d FROM app.big_orders;
            CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE TRIGGER orders_touch BEFORE UPDATE OF amount ON app.orders
                FOR EACH ROW EXECUTE FUNCTION app.touch();
            ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
            CREATE POLICY happy ON app.users USING (app.allowed(feeling));
            """;

    private static final QualifiedName USERS = QualifiedName.of("app", "users");
    private static final QualifiedName ORDERS = QualifiedName.of("app", "orders");
    private static final ObjectRef MOOD = ObjectRef.of(ObjectKind.TYPE, QualifiedName.of("app", "mood"));
    private static final ObjectRef DOUBLE = new ObjectRef(ObjectKind.ROUTINE, "app", "double", "x integer");

    private static ObjectRef column(QualifiedName table, String name) {
        return ObjectRef.member(ObjectKind.COLUMN, table, name);
    }

    private static ObjectRef of(ObjectKind kind, String name) {
        return ObjectRef.of(kind, QualifiedName.of("app", name));
    }

    @Test
    void edgesTheDiffNeeds() {
        Catalog catalog = Inspect.ddl(SCHEMA);
        List<Dependency> edges = catalog.dependencies();
        List<Dependency> expected = List.of(
                // view over columns, functions and views
                new Dependency(of(ObjectKind.VIEW, "big_orders"), column(ORDERS, "amount")),
                new Dependency(of(ObjectKind.VIEW, "big_orders"), column(ORDERS, "id")),
                new Dependency(of(ObjectKind.VIEW, "big_orders"), DOUBLE),
                new Dependency(of(ObjectKind.VIEW, "biggest"), of(ObjectKind.VIEW, "big_orders")),
                // column default on a sequence, generated column on its inputs
                new Dependency(column(ORDERS, "no"), of(ObjectKind.SEQUENCE, "order_no")),
                new Dependency(column(ORDERS, "id"), of(ObjectKind.SEQUENCE, "orders_id_seq")),
                new Dependency(column(ORDERS, "twice"), column(ORDERS, "amount")),
                new Dependency(column(ORDERS, "twice"), DOUBLE),
                // foreign key on both tables' columns and the referenced key
                new Dependency(ObjectRef.member(ObjectKind.CONSTRAINT, ORDERS, "orders_user_id_fkey"),
                        column(ORDERS, "user_id")),
                new Dependency(ObjectRef.member(ObjectKind.CONSTRAINT, ORDERS, "orders_user_id_fkey"),
                        column(USERS, "id")),
                new Dependency(ObjectRef.member(ObjectKind.CONSTRAINT, ORDERS, "orders_user_id_fkey"),
                        ObjectRef.member(ObjectKind.CONSTRAINT, USERS, "users_pkey")),
                new Dependency(ObjectRef.member(ObjectKind.CONSTRAINT, USERS, "users_pkey"), column(USERS, "id")),
                // trigger on its function and columns
                new Dependency(ObjectRef.member(ObjectKind.TRIGGER, ORDERS, "orders_touch"),
                        new ObjectRef(ObjectKind.ROUTINE, "app", "touch", "")),
                new Dependency(ObjectRef.member(ObjectKind.TRIGGER, ORDERS, "orders_touch"), column(ORDERS, "amount")),
                // policy on a function and a column
                new Dependency(ObjectRef.member(ObjectKind.POLICY, USERS, "happy"),
                        new ObjectRef(ObjectKind.ROUTINE, "app", "allowed", "m app.mood")),
                new Dependency(ObjectRef.member(ObjectKind.POLICY, USERS, "happy"), column(USERS, "feeling")),
                // index expression over a function
                new Dependency(of(ObjectKind.INDEX, "orders_double"), DOUBLE),
                new Dependency(of(ObjectKind.INDEX, "orders_double"), column(ORDERS, "amount")),
                // columns, arrays, composites, domains and routines on user types
                new Dependency(column(USERS, "feeling"), MOOD),
                new Dependency(column(USERS, "feelings"), MOOD),
                new Dependency(column(USERS, "p"), of(ObjectKind.TYPE, "pair")),
                new Dependency(of(ObjectKind.TYPE, "pair"), MOOD),
                new Dependency(of(ObjectKind.TYPE, "mood_not_null"), MOOD),
                new Dependency(new ObjectRef(ObjectKind.ROUTINE, "app", "allowed", "m app.mood"), MOOD),
                // everything on its schema
                new Dependency(ObjectRef.of(ObjectKind.TABLE, ORDERS), ObjectRef.schema("app")));
        for (Dependency edge : expected) {
            assertTrue(edges.contains(edge), () -> "missing " + edge + " in\n" + String.join("\n",
                    edges.stream().map(Object::toString).toList()));
        }
        for (Dependency edge : edges) {
            assertFalse(edge.dependent().equals(edge.referenced()), () -> "self edge " + edge);
            assertFalse(edge.dependent().kind() == ObjectKind.SEQUENCE
                    && edge.referenced().kind() == ObjectKind.COLUMN, () -> "OWNED BY edge " + edge);
            assertFalse(edge.dependent().kind() == ObjectKind.TABLE
                    && edge.referenced().qualifiedName().equals(edge.dependent().qualifiedName()),
                    () -> "table on its own column " + edge);
            assertFalse(edge.referenced().kind() == ObjectKind.TABLE && edge.dependent().kind() != ObjectKind.TABLE
                    && edge.referenced().qualifiedName().equals(edge.dependent().qualifiedName()),
                    () -> "member on its own table " + edge);
        }
        assertTrue(catalog.dependentsOf(ObjectRef.of(ObjectKind.TABLE, ORDERS))
                .contains(of(ObjectKind.VIEW, "big_orders")));
    }
}
