package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Policy;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Routine;
import io.automigrate.catalog.RoutineKind;
import io.automigrate.catalog.Trigger;
import io.automigrate.catalog.View;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views, routines, triggers and policies. */
class CodeInspectionTest {

    @Test
    void viewsAndMaterializedViews() {
        Catalog catalog = Inspect.ddl("""
                CREATE TABLE t (id int, name text);
                CREATE VIEW v WITH (security_invoker = true, check_option = cascaded) AS
                    SELECT id, name FROM t WHERE id > 0;
                COMMENT ON VIEW v IS 'positive';
                COMMENT ON COLUMN v.name IS 'the name';
                CREATE MATERIALIZED VIEW empty_mv AS SELECT count(*) AS n FROM t WITH NO DATA;
                CREATE MATERIALIZED VIEW full_mv WITH (fillfactor = 50) AS SELECT id::bigint AS id FROM t;
                """);
        View v = catalog.view(QualifiedName.of("public", "v")).orElseThrow();
        assertFalse(v.materialized());
        assertEquals(" SELECT id,\n    name\n   FROM public.t\n  WHERE id > 0;", v.definition());
        assertEquals(List.of(new View.ViewColumn("id", "integer", null), new View.ViewColumn("name", "text",
                "the name")), v.columns());
        assertEquals(List.of("check_option=cascaded", "security_invoker=true"), v.options());
        assertEquals("positive", v.comment());
        View empty = catalog.view(QualifiedName.of("public", "empty_mv")).orElseThrow();
        assertTrue(empty.materialized());
        assertFalse(empty.withData());
        assertEquals(List.of(new View.ViewColumn("n", "bigint", null)), empty.columns());
        View full = catalog.view(QualifiedName.of("public", "full_mv")).orElseThrow();
        assertTrue(full.withData());
        assertEquals(List.of("fillfactor=50"), full.options());
        assertTrue(catalog.tables().stream().noneMatch(t -> t.name().endsWith("mv")));
    }

    @Test
    void functionsProceduresAndOverloadsButNotAggregates() {
        Catalog catalog = Inspect.ddl("""
                CREATE FUNCTION add(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql IMMUTABLE
                    AS 'SELECT a + b';
                CREATE FUNCTION add(a text) RETURNS SETOF text LANGUAGE sql AS 'SELECT a';
                CREATE FUNCTION pairs(OUT x int, OUT y int) LANGUAGE sql AS 'SELECT 1, 2';
                CREATE PROCEDURE tidy(IN days int) LANGUAGE sql AS 'SELECT days';
                CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int);
                COMMENT ON FUNCTION add(int, int) IS 'adds';
                """);
        assertEquals(List.of("add(a integer, b integer)", "add(a text)", "pairs(OUT x integer, OUT y integer)", "tidy(IN days integer)"),
                catalog.routines().stream().map(r -> r.name() + "(" + r.identityArguments() + ")").toList());
        // the aggregate is read as an object no migration is generated for, so a difference in it is never silent
        assertEquals(List.of("aggregate public.total(integer)"),
                catalog.unmanaged().stream().map(io.automigrate.catalog.UnmanagedObject::describe).toList());
        Routine add = catalog.routines().get(0);
        assertEquals(RoutineKind.FUNCTION, add.kind());
        assertEquals("a integer, b integer DEFAULT 1", add.arguments());
        assertEquals("integer", add.result());
        assertEquals("adds", add.comment());
        assertEquals("CREATE OR REPLACE FUNCTION public.add(a integer, b integer DEFAULT 1)\n RETURNS integer\n"
                + " LANGUAGE sql\n IMMUTABLE\nAS $function$SELECT a + b$function$\n", add.definition());
        assertEquals("SETOF text", catalog.routines().get(1).result());
        assertEquals("record", catalog.routines().get(2).result());
        Routine tidy = catalog.routines().get(3);
        assertEquals(RoutineKind.PROCEDURE, tidy.kind());
        assertNull(tidy.result());
        assertTrue(tidy.definition().startsWith("CREATE OR REPLACE PROCEDURE public.tidy(IN days integer)"));
    }

    @Test
    void triggersButNotInternalOrClonedOnes() {
        Catalog catalog = Inspect.ddl("""
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
                CREATE TABLE parent (id int PRIMARY KEY);
                CREATE TABLE child (id int REFERENCES parent);
                CREATE TRIGGER child_touch BEFORE INSERT OR UPDATE OF id ON child
                    FOR EACH ROW WHEN (NEW.id > 0) EXECUTE FUNCTION touch();
                COMMENT ON TRIGGER child_touch ON child IS 'keeps it fresh';
                CREATE CONSTRAINT TRIGGER child_check AFTER INSERT ON child DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION touch();
                ALTER TABLE child DISABLE TRIGGER child_check;
                CREATE TABLE p (k int) PARTITION BY LIST (k);
                CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
                CREATE TRIGGER p_touch AFTER INSERT ON p FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE VIEW v AS SELECT id FROM parent;
                CREATE TRIGGER v_insert INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION touch();
                ALTER TABLE child ENABLE ALWAYS TRIGGER child_touch;
                """);
        assertEquals(List.of("child.child_check", "child.child_touch", "p.p_touch", "v.v_insert"),
                catalog.triggers().stream().map(t -> t.table() + "." + t.name()).toList());
        Trigger touch = catalog.triggers().get(1);
        assertEquals("CREATE TRIGGER child_touch BEFORE INSERT OR UPDATE OF id ON public.child FOR EACH ROW "
                + "WHEN ((new.id > 0)) EXECUTE FUNCTION public.touch()", touch.definition());
        assertFalse(touch.constraintTrigger());
        assertEquals('A', touch.enabled());
        assertEquals('O', catalog.triggers().get(2).enabled());
        assertEquals("keeps it fresh", touch.comment());
        Trigger check = catalog.triggers().get(0);
        assertTrue(check.constraintTrigger());
        assertEquals('D', check.enabled());
    }

    @Test
    void policiesWithCommandsRolesAndExpressions() {
        Catalog catalog = Inspect.ddl(Inspect.role("inspect_alice") + Inspect.role("inspect_bob") + """
                CREATE TABLE doc (owner name, body text);
                ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
                CREATE POLICY everyone ON doc USING (true);
                CREATE POLICY mine ON doc AS RESTRICTIVE FOR UPDATE TO inspect_bob, inspect_alice
                    USING (owner = current_user) WITH CHECK (body <> '');
                CREATE POLICY add ON doc FOR INSERT TO PUBLIC WITH CHECK (owner = current_user);
                CREATE POLICY look ON doc FOR SELECT USING (true);
                CREATE POLICY gone ON doc FOR DELETE USING (false);
                COMMENT ON POLICY mine ON doc IS 'own rows';
                """);
        assertEquals(List.of("add INSERT", "everyone ALL", "gone DELETE", "look SELECT", "mine UPDATE"),
                catalog.policies().stream().map(p -> p.name() + " " + p.command()).toList());
        Policy mine = catalog.policies().get(4);
        assertFalse(mine.permissive());
        assertEquals(List.of("inspect_alice", "inspect_bob"), mine.roles());
        assertEquals("(owner = CURRENT_USER)", mine.using());
        assertEquals("(body <> ''::text)", mine.withCheck());
        assertEquals("own rows", mine.comment());
        Policy add = catalog.policies().get(0);
        assertTrue(add.permissive());
        assertEquals(List.of("PUBLIC"), add.roles());
        assertNull(add.using());
        assertEquals(List.of("PUBLIC"), catalog.policies().get(1).roles());
    }
}
