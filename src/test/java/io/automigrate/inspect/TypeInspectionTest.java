package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.CompositeType;
import io.automigrate.catalog.Domain;
import io.automigrate.catalog.EnumType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeInspectionTest {

    @Test
    void enumLabelsInSortOrderEvenWhenAddedLater() {
        Catalog catalog = Inspect.ddl("""
                CREATE SCHEMA app;
                CREATE TYPE app.mood AS ENUM ('sad', 'happy');
                ALTER TYPE app.mood ADD VALUE 'ok' BEFORE 'happy';
                ALTER TYPE app.mood ADD VALUE 'ecstatic';
                COMMENT ON TYPE app.mood IS 'how it feels';
                """);
        assertEquals(List.of(new EnumType("app", "mood", List.of("sad", "ok", "happy", "ecstatic"), "how it feels")),
                catalog.enums());
    }

    @Test
    void compositeAttributesInOrderWithNonDefaultCollations() {
        Catalog catalog = Inspect.ddl("""
                CREATE TYPE color AS ENUM ('red');
                CREATE TYPE item AS (name text COLLATE "POSIX", amount numeric(8, 3), tint color, tags text[]);
                COMMENT ON TYPE item IS 'an item';
                """);
        assertEquals(List.of(new CompositeType("public", "item", List.of(
                        new CompositeType.Attribute("name", "text", "\"POSIX\""),
                        new CompositeType.Attribute("amount", "numeric(8,3)", null),
                        new CompositeType.Attribute("tint", "public.color", null),
                        new CompositeType.Attribute("tags", "text[]", null)), "an item")),
                catalog.compositeTypes());
        assertTrue(catalog.tables().isEmpty(), "a composite type is not a table");
    }

    @Test
    void domainsWithBaseTypeDefaultNotNullAndChecks() {
        Catalog catalog = Inspect.ddl("""
                CREATE DOMAIN price AS numeric(10, 2) DEFAULT 0 NOT NULL
                    CONSTRAINT price_positive CHECK (VALUE >= 0);
                ALTER DOMAIN price ADD CONSTRAINT price_small CHECK (VALUE < 1000) NOT VALID;
                COMMENT ON CONSTRAINT price_positive ON DOMAIN price IS 'no refunds';
                CREATE DOMAIN label AS text COLLATE "POSIX";
                COMMENT ON DOMAIN label IS 'a label';
                """);
        Domain price = catalog.domains().get(1);
        assertEquals("price", price.name());
        assertEquals("numeric(10,2)", price.baseType());
        assertEquals("0", price.defaultExpr());
        assertTrue(price.notNull());
        assertNull(price.collation());
        assertEquals(List.of(
                new Domain.DomainConstraint("price_positive", "CHECK ((VALUE >= (0)::numeric))", true, "no refunds"),
                new Domain.DomainConstraint("price_small", "CHECK ((VALUE < (1000)::numeric))", false, null)),
                price.constraints());
        Domain label = catalog.domains().get(0);
        assertEquals(new Domain("public", "label", "text", "\"POSIX\"", null, false, List.of(), "a label"), label);
        assertFalse(label.notNull());
    }
}
