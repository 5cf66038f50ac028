package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.CompositeType.Attribute;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.Domain.DomainConstraint;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.automigrate.diff.ProgrammableFixtures.apply;
import static io.automigrate.diff.ProgrammableFixtures.catalog;
import static io.automigrate.diff.ProgrammableFixtures.column;
import static io.automigrate.diff.ProgrammableFixtures.diff;
import static io.automigrate.diff.ProgrammableFixtures.forward;
import static io.automigrate.diff.ProgrammableFixtures.query;
import static io.automigrate.diff.ProgrammableFixtures.queryOne;
import static io.automigrate.diff.ProgrammableFixtures.rollback;
import static io.automigrate.diff.ProgrammableFixtures.sql;
import static io.automigrate.diff.ProgrammableFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Domains and composite types. */
class TypeDomainTest {
    private static final String CONSTRAINTS = "SELECT conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated"
            + " || ' ' || coalesce(obj_description(oid, 'pg_constraint'), '-') FROM pg_constraint"
            + " WHERE contypid = 'public.amount'::regtype AND contype = 'c' ORDER BY conname";

    private static Domain amount(String defaultExpr, boolean notNull, String comment, DomainConstraint... checks) {
        return new Domain("public", "amount", "integer", null, defaultExpr, notNull, List.of(checks), comment);
    }

    @Test
    void createdDomainHasEverythingAndDropsAgain() {
        Domain domain = amount("0", true, "money in cents",
                new DomainConstraint("positive", "CHECK (VALUE >= 0)", true, "no debts"),
                new DomainConstraint("small", "CHECK (VALUE < 1000000)", false, null));
        List<Change> changes = diff(catalog(), catalog(domain));
        assertEquals("""
                CREATE DOMAIN public.amount AS integer
                    DEFAULT 0
                    NOT NULL
                    CONSTRAINT positive CHECK (VALUE >= 0);
                ALTER DOMAIN public.amount ADD CONSTRAINT small CHECK (VALUE < 1000000) NOT VALID;
                COMMENT ON DOMAIN public.amount IS 'money in cents';
                COMMENT ON CONSTRAINT positive ON DOMAIN public.amount IS 'no debts';""", sql(forward(changes)));
        try (ShadowDatabase db = TestPostgres.newDatabase("domain_create")) {
            apply(db, forward(changes));
            assertEquals(List.of("positive CHECK ((VALUE >= 0)) true no debts",
                    "small CHECK ((VALUE < 1000000)) NOT VALID false -"), query(db, CONSTRAINTS));
            apply(db, rollback(changes));
            assertEquals(List.of(), query(db, "SELECT 1 FROM pg_type WHERE typname = 'amount'"));
        }
    }

    @Test
    void constraintChangedValidatedAndDefaultsAlterInPlace() {
        Domain before = amount(null, false, null,
                new DomainConstraint("positive", "CHECK (VALUE >= 0)", true, null),
                new DomainConstraint("small", "CHECK (VALUE < 1000)", false, "cap"),
                new DomainConstraint("gone", "CHECK (VALUE <> 13)", true, null));
        Domain after = amount("1", true, null,
                new DomainConstraint("positive", "CHECK (VALUE > 0)", true, "strictly"),
                new DomainConstraint("small", "CHECK (VALUE < 1000)", true, "cap"));
        List<Change> changes = diff(catalog(before), catalog(after));
        assertInstanceOf(TypeChanges.AlterDomain.class, changes.get(0));
        assertEquals(1, changes.size());
        assertEquals("""
                ALTER DOMAIN public.amount DROP CONSTRAINT positive;
                ALTER DOMAIN public.amount DROP CONSTRAINT gone;
                ALTER DOMAIN public.amount SET DEFAULT 1;
                ALTER DOMAIN public.amount SET NOT NULL;
                ALTER DOMAIN public.amount ADD CONSTRAINT positive CHECK (VALUE > 0);
                COMMENT ON CONSTRAINT positive ON DOMAIN public.amount IS 'strictly';
                ALTER DOMAIN public.amount VALIDATE CONSTRAINT small;""", sql(forward(changes)));
        try (ShadowDatabase db = TestPostgres.newDatabase("domain_alter")) {
            TestPostgres.execute(db, "CREATE DOMAIN amount AS integer CONSTRAINT positive CHECK (VALUE >= 0)"
                    + " CONSTRAINT gone CHECK (VALUE <> 13);"
                    + "ALTER DOMAIN amount ADD CONSTRAINT small CHECK (VALUE < 1000) NOT VALID;"
                    + "COMMENT ON CONSTRAINT small ON DOMAIN amount IS 'cap';"
                    + "CREATE TABLE t (a amount); INSERT INTO t VALUES (5);");
            List<String> original = query(db, CONSTRAINTS);
            apply(db, forward(changes));
            assertEquals(List.of("positive CHECK ((VALUE > 0)) true strictly", "small CHECK ((VALUE < 1000)) true cap"),
                    query(db, CONSTRAINTS));
            assertEquals("1 true", queryOne(db, "SELECT typdefault || ' ' || typnotnull FROM pg_type "
                    + "WHERE typname = 'amount'"));
            apply(db, rollback(changes));
            assertEquals(original, query(db, CONSTRAINTS));
            assertEquals("- false", queryOne(db, "SELECT coalesce(typdefault, '-') || ' ' || typnotnull "
                    + "FROM pg_type WHERE typname = 'amount'"));
        }
    }

    @Test
    void baseTypeChangeRecreatesTheDomainUnderItsColumns() {
        Domain before = amount("0", false, "c", new DomainConstraint("positive", "CHECK (VALUE >= 0)", true, null));
        Domain after = new Domain("public", "amount", "bigint", null, "0", false, before.constraints(), "c");
        Catalog from = catalog(before, table("t", column("a", "amount", "5")));
        Catalog to = catalog(after, table("t", column("a", "amount", "5")));
        List<Change> changes = diff(from, to);
        TypeChanges.RecreateDomain recreate = assertInstanceOf(TypeChanges.RecreateDomain.class, changes.get(0));
        assertEquals(1, recreate.columns().size());
        try (ShadowDatabase db = TestPostgres.newDatabase("domain_base")) {
            TestPostgres.execute(db, "CREATE DOMAIN amount AS integer DEFAULT 0 CONSTRAINT positive CHECK (VALUE >= 0);"
                    + "COMMENT ON DOMAIN amount IS 'c'; CREATE TABLE t (a amount DEFAULT 5); INSERT INTO t VALUES (7);");
            apply(db, forward(changes));
            assertEquals("bigint", queryOne(db, "SELECT format_type(typbasetype, NULL) FROM pg_type WHERE typname = 'amount'"));
            assertEquals("amount 7", queryOne(db, "SELECT pg_typeof(a)::text || ' ' || a FROM t"));
            apply(db, rollback(changes));
            assertEquals("integer", queryOne(db, "SELECT format_type(typbasetype, NULL) FROM pg_type WHERE typname = 'amount'"));
            assertEquals("c", queryOne(db, "SELECT obj_description('public.amount'::regtype, 'pg_type')"));
        }
    }

    private static CompositeType address(String comment, Attribute... attributes) {
        return new CompositeType("public", "address", List.of(attributes), comment);
    }

    @Test
    void compositeAttributesAlterInPlaceWhenOrderAllows() {
        CompositeType before = address(null, new Attribute("street", "text", null), new Attribute("zip", "integer", null));
        CompositeType after = address("where", new Attribute("street", "text", "C"), new Attribute("zip", "text", null),
                new Attribute("city", "text", null));
        List<Change> changes = diff(catalog(before), catalog(after));
        assertEquals("""
                ALTER TYPE public.address ALTER ATTRIBUTE street TYPE text COLLATE "C";
                ALTER TYPE public.address ALTER ATTRIBUTE zip TYPE text;
                ALTER TYPE public.address ADD ATTRIBUTE city text;
                COMMENT ON TYPE public.address IS 'where';""", sql(forward(changes)));
        String attributes = "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod)"
                + " || coalesce(' ' || nullif(collname, 'default'), ''), ', ' ORDER BY attnum) FROM pg_attribute"
                + " LEFT JOIN pg_collation c ON c.oid = attcollation"
                + " WHERE attrelid = 'public.address'::regclass AND NOT attisdropped";
        try (ShadowDatabase db = TestPostgres.newDatabase("composite_alter")) {
            TestPostgres.execute(db, "CREATE TYPE address AS (street text, zip integer)");
            apply(db, forward(changes));
            assertEquals("street text C, zip text, city text", queryOne(db, attributes));
            apply(db, rollback(changes));
            assertEquals("street text, zip integer", queryOne(db, attributes));
        }
    }

    @Test
    void compositeAttributesMoveByBeingDroppedAndAddedAgain() {
        CompositeType before = address(null, new Attribute("a", "text", null), new Attribute("b", "text", null),
                new Attribute("c", "text", null));
        CompositeType after = address(null, new Attribute("a", "text", null), new Attribute("c", "text", null));
        List<Change> changes = diff(catalog(before), catalog(after));
        assertEquals("ALTER TYPE public.address DROP ATTRIBUTE b;", sql(forward(changes)));
        assertEquals("""
                ALTER TYPE public.address DROP ATTRIBUTE c;
                ALTER TYPE public.address ADD ATTRIBUTE b text;
                ALTER TYPE public.address ADD ATTRIBUTE c text;""", sql(rollback(changes)));
        List<Change> swapped = diff(catalog(after), catalog(address(null, new Attribute("c", "integer", null),
                new Attribute("a", "text", null))));
        assertEquals("""
                ALTER TYPE public.address DROP ATTRIBUTE a;
                ALTER TYPE public.address ALTER ATTRIBUTE c TYPE integer;
                ALTER TYPE public.address ADD ATTRIBUTE a text;""", sql(forward(swapped)));
        assertEquals("""
                ALTER TYPE public.address DROP ATTRIBUTE c;
                ALTER TYPE public.address ADD ATTRIBUTE c text;""", sql(rollback(swapped)));
    }
}
