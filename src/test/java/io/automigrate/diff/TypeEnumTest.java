package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.EnumType;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.sql.Statement;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeEnumTest {
    private static final String LABELS = "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum "
            + "WHERE enumtypid = 'public.mood'::regtype";

    private static EnumType mood(String... labels) {
        return new EnumType("public", "mood", List.of(labels), null);
    }

    @Test
    void labelsAddedFirstMiddleAndLastGoToTheirPlaces() {
        Catalog from = catalog(mood("b", "d"), table("t", column("m", "mood", "'b'::mood")));
        Catalog to = catalog(mood("a", "b", "c", "d", "e"), table("t", column("m", "mood", "'b'::mood")));
        List<Change> changes = diff(from, to);

        assertEquals(1, changes.size());
        TypeChanges.AlterEnumAddLabels add = assertInstanceOf(TypeChanges.AlterEnumAddLabels.class, changes.get(0));
        assertFalse(add.nonTransactional());
        assertEquals("""
                ALTER TYPE public.mood ADD VALUE 'a' BEFORE 'b';
                ALTER TYPE public.mood ADD VALUE 'c' BEFORE 'd';
                ALTER TYPE public.mood ADD VALUE 'e';""", sql(forward(changes)));
        assertTrue(forward(changes).stream().allMatch(Statement::transactional));

        try (ShadowDatabase db = TestPostgres.newDatabase("enum_add")) {
            TestPostgres.execute(db, "CREATE TYPE mood AS ENUM ('b', 'd'); CREATE TABLE t (m mood DEFAULT 'b');"
                    + "INSERT INTO t VALUES ('b'), ('d');");
            apply(db, forward(changes));
            assertEquals("a,b,c,d,e", queryOne(db, LABELS));
            apply(db, rollback(changes));
            assertEquals("b,d", queryOne(db, LABELS));
            assertEquals(List.of("b", "d"), query(db, "SELECT m::text FROM t ORDER BY t.m"));
            assertEquals("'b'::mood", queryOne(db, "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"));
        }
    }

    @Test
    void aLabelUsedByAnotherChangedObjectIsAddedOutsideTheTransaction() {
        Catalog from = catalog(mood("a"), table("t", column("m", "mood", null)));
        Catalog to = catalog(mood("a", "b"), table("t", column("m", "mood", "'b'::mood")));
        List<Change> changes = diff(from, to);
        TypeChanges.AlterEnumAddLabels add = assertInstanceOf(TypeChanges.AlterEnumAddLabels.class, changes.get(0));
        assertTrue(add.nonTransactional());
        assertEquals(List.of(Statement.nonTransactional("ALTER TYPE public.mood ADD VALUE 'b';")), forward(changes));

        try (ShadowDatabase db = TestPostgres.newDatabase("enum_add_used")) {
            TestPostgres.execute(db, "CREATE TYPE mood AS ENUM ('a'); CREATE TABLE t (m mood);");
            // the column default stands in for the table family's change that uses the new label
            apply(db, List.of(forward(changes).get(0), Statement.of("ALTER TABLE t ALTER m SET DEFAULT 'b';")));
            assertEquals("a,b", queryOne(db, LABELS));
        }
    }

    @Test
    void removedLabelRecreatesTheTypeUnderItsColumnsAndRollsBack() {
        Catalog from = catalog(mood("a", "b", "c"),
                table("t", column("m", "mood", "'a'::mood"), column("ms", "mood[]", null), column("x", "text", null)));
        Catalog to = catalog(mood("a", "c"),
                table("t", column("m", "mood", "'a'::mood"), column("ms", "mood[]", null), column("x", "text", null)));
        List<Change> changes = diff(from, to);
        TypeChanges.RecreateEnum recreate = assertInstanceOf(TypeChanges.RecreateEnum.class, changes.get(0));
        assertEquals(1, changes.size());
        assertEquals(2, recreate.columns().size());
        assertEquals("""
                ALTER TYPE public.mood RENAME TO mood_automigrate_old;
                CREATE TYPE public.mood AS ENUM ('a', 'c');
                ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT;
                ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
                ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'a'::mood;
                ALTER TABLE public.t ALTER COLUMN ms TYPE public.mood[] USING ms::text[]::public.mood[];
                DROP TYPE public.mood_automigrate_old;""", sql(forward(changes)));
        assertEquals(recreate.columns().stream().map(TypeChanges.ColumnUse::ref).collect(
                java.util.stream.Collectors.toSet()), recreate.invalidates());

        try (ShadowDatabase db = TestPostgres.newDatabase("enum_remove")) {
            TestPostgres.execute(db, "CREATE TYPE mood AS ENUM ('a', 'b', 'c');"
                    + "CREATE TABLE t (m mood DEFAULT 'a', ms mood[], x text);"
                    + "INSERT INTO t VALUES ('a', '{a,c}', 'one'), ('c', NULL, 'two');");
            apply(db, forward(changes));
            assertEquals("a,c", queryOne(db, LABELS));
            assertEquals(List.of("a|{a,c}|one", "c||two"),
                    query(db, "SELECT m || '|' || coalesce(ms::text, '') || '|' || x FROM t ORDER BY m"));
            apply(db, rollback(changes));
            assertEquals("a,b,c", queryOne(db, LABELS));
            assertEquals(List.of("mood", "mood[]"), query(db, "SELECT format_type(atttypid, atttypmod) FROM "
                    + "pg_attribute WHERE attrelid = 't'::regclass AND attname IN ('m', 'ms') ORDER BY attnum"));
            assertEquals("'a'::mood", queryOne(db, "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"));
            assertEquals(0, query(db, "SELECT 1 FROM pg_type WHERE typname LIKE '%automigrate%'").size());
        }
    }

    @Test
    void reorderedLabelsRecreateTheType() {
        Catalog from = catalog(mood("a", "b"), table("t", column("m", "mood", null)));
        Catalog to = catalog(mood("b", "a"), table("t", column("m", "mood", null)));
        List<Change> changes = diff(from, to);
        assertInstanceOf(TypeChanges.RecreateEnum.class, changes.get(0));
        try (ShadowDatabase db = TestPostgres.newDatabase("enum_reorder")) {
            TestPostgres.execute(db, "CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TABLE t (m mood);"
                    + "INSERT INTO t VALUES ('a'), ('b');");
            apply(db, forward(changes));
            assertEquals("b,a", queryOne(db, LABELS));
            assertEquals(List.of("b", "a"), query(db, "SELECT m::text FROM t ORDER BY t.m"));
            apply(db, rollback(changes));
            assertEquals("a,b", queryOne(db, LABELS));
        }
    }

    @Test
    void createDropAndCommentAreExactInverses() {
        EnumType commented = new EnumType("public", "Mood", List.of("it's", "b\\c"), "feelings");
        List<Change> create = diff(catalog(), catalog(commented));
        assertEquals("""
                CREATE TYPE public."Mood" AS ENUM ('it''s', E'b\\\\c');
                COMMENT ON TYPE public."Mood" IS 'feelings';""", sql(forward(create)));
        assertEquals("DROP TYPE public.\"Mood\";", sql(rollback(create)));
        EnumType recommented = new EnumType("public", "Mood", List.of("it's", "b\\c"), null);
        List<Change> uncomment = diff(catalog(commented), catalog(recommented));
        assertEquals("COMMENT ON TYPE public.\"Mood\" IS NULL;", sql(forward(uncomment)));
        assertEquals("COMMENT ON TYPE public.\"Mood\" IS 'feelings';", sql(rollback(uncomment)));
        assertEquals(List.of(), diff(catalog(commented), catalog(commented)));
    }

    @Test
    void forcedEnumIsDroppedAndCreatedAgain() {
        Catalog same = catalog(mood("a"));
        List<Change> changes = diff(same, same, DiffOptions.defaults(), java.util.Set.of(mood("a").ref()));
        assertEquals("DROP TYPE public.mood;\nCREATE TYPE public.mood AS ENUM ('a');", sql(forward(changes)));
    }

    @Test
    void anAddedLabelLeavesTheViewsOfTheTypeAloneForwardAndMovesThemInTheRollbackOnly() {
        io.automigrate.catalog.View view = new io.automigrate.catalog.View("public", "sad_rows", false,
                " SELECT m FROM t WHERE m = 'a'::mood;", List.of(), List.of(), true, null, List.of());
        io.automigrate.catalog.Dependency uses = new io.automigrate.catalog.Dependency(view.ref(),
                TableChanges.column(io.automigrate.catalog.QualifiedName.of("public", "t"), "m"));
        Catalog from = catalog(mood("a"), table("t", column("m", "mood", null)), view, uses);
        Catalog to = catalog(mood("a", "b"), table("t", column("m", "mood", null)), view, uses);

        SchemaDiff diff = SchemaDiffer.diff(from, to, DiffOptions.defaults());
        // Before the fix the view was dropped and created again around the ADD VALUE, forward too.
        assertEquals(List.of(RecreateOnRollback.class, TypeChanges.AlterEnumAddLabels.class, RecreateOnRollback.class),
                diff.changes().stream().map(Object::getClass).toList());
        io.automigrate.sql.RenderedMigration m = io.automigrate.sql.MigrationRenderer.render(diff);
        assertEquals("ALTER TYPE public.mood ADD VALUE 'b';\n", m.forwardSql());
        List<String> rollback = m.rollback().stream().map(Statement::sql).toList();
        assertTrue(rollback.get(0).startsWith("DROP VIEW public.sad_rows"), rollback.toString());
        assertTrue(rollback.get(1).startsWith("ALTER TYPE public.mood RENAME TO"), rollback.toString());
        assertTrue(rollback.get(rollback.size() - 1).startsWith("CREATE VIEW public.sad_rows"), rollback.toString());
        assertTrue(diff.changes().get(0).describe().endsWith("(in the rollback only)"));
    }
}
