package io.automigrate.diff;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Linter;
import io.automigrate.migrate.MigrationBuilder;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table whose partitioning changes is re-created: the convergence corpus ({@code repartition-*}) proves the
 * schema; this proves the rows. They must all be there after the migration and after its rollback, identity
 * values unchanged and the identity's next value past them, and no holding table left behind.
 */
class TableRecreationTest {
    private static final String FROM = """
            CREATE TABLE public.readings (
                id bigint GENERATED ALWAYS AS IDENTITY,
                sensor text NOT NULL,
                taken_on date NOT NULL,
                value numeric,
                PRIMARY KEY (id, taken_on)
            );
            CREATE TABLE public.alarms (id serial PRIMARY KEY, reading_id bigint, taken_on date,
                FOREIGN KEY (reading_id, taken_on) REFERENCES public.readings (id, taken_on));
            INSERT INTO public.readings (sensor, taken_on, value) VALUES
                ('a', '2025-06-01', 1.5), ('b', '2026-02-03', NULL), ('c', '2026-11-30', 7);
            DELETE FROM public.readings WHERE sensor = 'c';
            INSERT INTO public.alarms (reading_id, taken_on) VALUES (2, '2026-02-03');
            """;
    private static final String TO = """
            CREATE TABLE public.readings (
                id bigint GENERATED ALWAYS AS IDENTITY,
                sensor text NOT NULL,
                taken_on date NOT NULL,
                value numeric,
                PRIMARY KEY (id, taken_on)
            ) PARTITION BY RANGE (taken_on);
            CREATE TABLE public.readings_2025 PARTITION OF public.readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE TABLE public.readings_2026 PARTITION OF public.readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE TABLE public.alarms (id serial PRIMARY KEY, reading_id bigint, taken_on date,
                FOREIGN KEY (reading_id, taken_on) REFERENCES public.readings (id, taken_on));
            """;
    private static final String ROWS = "SELECT string_agg(concat_ws('|', id, sensor, taken_on, value), ';' ORDER BY id)"
            + " FROM public.readings";

    @Test
    void rowsSurviveTheMigrationAndItsRollback() throws SQLException {
        try (ShadowDatabase current = TestPostgres.newDatabase("recreate");
             ShadowDatabase desired = TestPostgres.newDatabase("recreateto")) {
            TestPostgres.execute(current, FROM);
            TestPostgres.execute(desired, TO);
            Catalog before = inspect(current);
            Catalog after = inspect(desired);
            SchemaDiff diff = SchemaDiffer.diff(before, after, DiffOptions.defaults());
            RenderedMigration migration = MigrationRenderer.render(diff);
            // One finding for the re-creation; the indexes and keys it builds on the new table add none of their own,
            // the foreign key re-added on alarms (an existing table) is checked again.
            List<String> codes = Linter.plan(before, after, diff, migration,
                            MigrationBuilder.build("20260101000000_x.sql", migration, "dev", "test"))
                    .stream().map(Finding::code).sorted().toList();
            assertEquals(List.of("AM303", "AM403", "AM413"), codes);
            String rows = query(current, ROWS);
            assertEquals("1|a|2025-06-01|1.5;2|b|2026-02-03", rows);

            apply(current, migration.forward());
            assertEquals(rows, query(current, ROWS));
            assertEquals("1", query(current, "SELECT count(*) FROM ONLY public.readings_2025"));
            assertEquals("1", query(current, "SELECT count(*) FROM ONLY public.readings_2026"));
            assertEquals("2", query(current, "SELECT reading_id FROM public.alarms"));
            assertEquals("0", query(current, "SELECT count(*) FROM pg_class WHERE relname LIKE 'automigrate_rows%'"));
            // The next identity value is past every copied one (3 was used once, then deleted: 4 is also fine).
            TestPostgres.execute(current, "INSERT INTO public.readings (sensor, taken_on) VALUES ('d', '2026-05-05')");
            assertTrue(Integer.parseInt(query(current, "SELECT max(id) FROM public.readings")) > 2);
            TestPostgres.execute(current, "DELETE FROM public.readings WHERE sensor = 'd'");

            apply(current, migration.rollback());
            assertEquals(rows, query(current, ROWS));
            assertEquals("r", query(current, "SELECT relkind FROM pg_class WHERE oid = 'public.readings'::regclass"));
            assertEquals("0", query(current, "SELECT count(*) FROM pg_class WHERE relname LIKE 'automigrate_rows%'"));
        }
    }

    @Test
    void columnOrderRewriteKeepsTheRowsInTheDeclaredOrderAndOnlyWhenAsked() throws SQLException {
        try (ShadowDatabase current = TestPostgres.newDatabase("reorder");
             ShadowDatabase desired = TestPostgres.newDatabase("reorderto")) {
            TestPostgres.execute(current, """
                    CREATE TABLE public.shipments (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        weight_g integer NOT NULL,
                        sent_on date
                    );
                    INSERT INTO public.shipments (weight_g, sent_on) VALUES (1200, '2026-02-01'), (80, NULL);
                    """);
            TestPostgres.execute(desired, """
                    CREATE TABLE public.shipments (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        carrier text NOT NULL DEFAULT 'post',
                        sent_on date,
                        weight_g integer NOT NULL
                    );
                    """);
            Catalog before = inspect(current);
            Catalog after = inspect(desired);
            String attnums = "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
                    + " WHERE attrelid = 'public.shipments'::regclass AND attnum > 0 AND NOT attisdropped";
            String rows = "SELECT string_agg(concat_ws('|', id, carrier, sent_on, weight_g), ';' ORDER BY id)"
                    + " FROM public.shipments";

            // Without the option: the column is added last, the difference noted, nothing re-created.
            SchemaDiff plain = SchemaDiffer.diff(before, after, DiffOptions.defaults());
            assertTrue(plain.changes().stream().noneMatch(c -> c instanceof TableChanges.RecreateTableRows),
                    plain.changes().toString());
            assertTrue(plain.notes().stream().anyMatch(n -> n.startsWith("column order differs in public.shipments:")),
                    plain.notes().toString());

            SchemaDiff diff = SchemaDiffer.diff(before, after, DiffOptions.defaults().rewritingColumnOrder(true));
            assertTrue(diff.notes().stream().noneMatch(n -> n.startsWith("column order differs")),
                    diff.notes().toString());
            RenderedMigration migration = MigrationRenderer.render(diff);
            List<String> codes = Linter.plan(before, after, diff, migration,
                            MigrationBuilder.build("20260101000000_x.sql", migration, "dev", "test"))
                    .stream().map(Finding::code).sorted().toList();
            assertEquals(List.of("AM413"), codes);

            apply(current, migration.forward());
            assertEquals("id,carrier,sent_on,weight_g", query(current, attnums));
            assertEquals("1|post|2026-02-01|1200;2|post|80", query(current, rows));
            assertEquals("0", query(current, "SELECT count(*) FROM pg_class WHERE relname LIKE 'automigrate_rows%'"));
            TestPostgres.execute(current, "INSERT INTO public.shipments (weight_g) VALUES (5)");
            assertEquals("3", query(current, "SELECT max(id) FROM public.shipments"));
            TestPostgres.execute(current, "DELETE FROM public.shipments WHERE id = 3");

            apply(current, migration.rollback());
            assertEquals("id,weight_g,sent_on", query(current, attnums));
            assertEquals("1|1200|2026-02-01;2|80", query(current,
                    "SELECT string_agg(concat_ws('|', id, weight_g, sent_on), ';' ORDER BY id) FROM public.shipments"));
        }
    }

    @Test
    void aGeneratedColumnAddedAgainBeforePostgres17IsPlacedLast() {
        try (ShadowDatabase current = TestPostgres.newDatabase("genorder");
             ShadowDatabase desired = TestPostgres.newDatabase("genorderto")) {
            TestPostgres.execute(current, "CREATE TABLE public.boxes (w numeric NOT NULL, h numeric NOT NULL,"
                    + " area numeric GENERATED ALWAYS AS (w * h) STORED, label text);");
            TestPostgres.execute(desired, "CREATE TABLE public.boxes (w numeric NOT NULL, h numeric NOT NULL,"
                    + " area numeric GENERATED ALWAYS AS (w * h * 2) STORED, label text);");
            Catalog read = inspect(current);
            // As read from a PostgreSQL 16 server, which has no SET EXPRESSION: the column is dropped and added.
            Catalog before = new Catalog(read.schemas(), read.extensions(), read.enums(), read.compositeTypes(),
                    read.domains(), read.sequences(), read.tables(), read.indexes(), read.views(), read.routines(),
                    read.triggers(), read.policies(), read.dependencies(), read.collations(), read.rules(),
                    new io.automigrate.catalog.ServerFacts(160004, read.server().casts(), read.server().stringTypes()),
                    read.unmanaged());
            Catalog after = inspect(desired);
            SchemaDiff plain = SchemaDiffer.diff(before, after, DiffOptions.defaults());
            assertTrue(plain.notes().stream().anyMatch(n -> n.startsWith(
                    "column order differs in public.boxes: area is placed last")), plain.notes().toString());
            SchemaDiff rewritten = SchemaDiffer.diff(before, after, DiffOptions.defaults().rewritingColumnOrder(true));
            assertTrue(rewritten.changes().stream().anyMatch(c -> c instanceof TableChanges.RecreateTableRows),
                    rewritten.changes().toString());
            // On PostgreSQL 17 the expression changes in place: nothing moves, nothing is re-created.
            SchemaDiff inPlace = SchemaDiffer.diff(read, after, DiffOptions.defaults().rewritingColumnOrder(true));
            assertTrue(inPlace.changes().stream().noneMatch(c -> c instanceof TableChanges.RecreateTableRows),
                    inPlace.changes().toString());
            assertTrue(inPlace.notes().isEmpty(), inPlace.notes().toString());
        }
    }

    @Test
    void inheritanceRemovedIsNoInheritForwardAndItsRollbackRecreatesTheChildWithItsRows() throws SQLException {
        try (ShadowDatabase current = TestPostgres.newDatabase("noinherit");
             ShadowDatabase desired = TestPostgres.newDatabase("noinheritto")) {
            TestPostgres.execute(current, """
                    CREATE TABLE public.cities (name text NOT NULL, population integer);
                    CREATE TABLE public.capitals (state char(2) NOT NULL) INHERITS (public.cities);
                    CREATE VIEW public.capital_names AS SELECT name, state FROM public.capitals;
                    INSERT INTO public.cities VALUES ('Fresno', 540000);
                    INSERT INTO public.capitals VALUES ('Sacramento', 520000, 'CA'), ('Austin', 980000, 'TX');
                    """);
            TestPostgres.execute(desired, """
                    CREATE TABLE public.cities (name text NOT NULL, population integer);
                    CREATE TABLE public.capitals (name text NOT NULL, population integer, state char(2) NOT NULL);
                    CREATE VIEW public.capital_names AS SELECT name, state FROM public.capitals;
                    """);
            Catalog before = inspect(current);
            Catalog after = inspect(desired);
            SchemaDiff diff = SchemaDiffer.diff(before, after, DiffOptions.defaults());
            RenderedMigration migration = MigrationRenderer.render(diff);
            assertEquals("ALTER TABLE public.capitals NO INHERIT public.cities;\n", migration.forwardSql());
            // The forward migration copies nothing: no table rewrite to report.
            List<String> codes = Linter.plan(before, after, diff, migration,
                            MigrationBuilder.build("20260101000000_x.sql", migration, "dev", "test"))
                    .stream().map(Finding::code).toList();
            assertTrue(!codes.contains("AM413"), codes.toString());
            String capitals = "SELECT string_agg(concat_ws('|', name, population, state), ';' ORDER BY name)"
                    + " FROM ONLY public.capitals";
            String local = "SELECT string_agg(attname || ':' || attislocal, ',' ORDER BY attnum) FROM pg_attribute"
                    + " WHERE attrelid = 'public.capitals'::regclass AND attnum > 0 AND NOT attisdropped";

            apply(current, migration.forward());
            assertEquals("Austin|980000|TX;Sacramento|520000|CA", query(current, capitals));
            assertEquals("1", query(current, "SELECT count(*) FROM public.cities"));

            apply(current, migration.rollback());
            assertEquals("Austin|980000|TX;Sacramento|520000|CA", query(current, capitals));
            assertEquals("3", query(current, "SELECT count(*) FROM public.cities"));
            assertEquals("name:false,population:false,state:true", query(current, local));
            assertEquals("2", query(current, "SELECT count(*) FROM public.capital_names"));
            assertEquals("0", query(current, "SELECT count(*) FROM pg_class WHERE relname LIKE 'automigrate_rows%'"));
        }
    }

    @Test
    void refusesWhereDroppingTheTableWouldDropAnInheritingOne() {
        try (ShadowDatabase current = TestPostgres.newDatabase("recreateinh");
             ShadowDatabase desired = TestPostgres.newDatabase("recreateinhto")) {
            TestPostgres.execute(current, """
                    CREATE TABLE public.cities (name text NOT NULL, population integer);
                    CREATE TABLE public.capitals (country text) INHERITS (public.cities);
                    """);
            TestPostgres.execute(desired, """
                    CREATE TABLE public.cities (name text NOT NULL, population integer) PARTITION BY LIST (name);
                    CREATE TABLE public.capitals (name text NOT NULL, population integer, country text);
                    """);
            Catalog before = inspect(current);
            Catalog after = inspect(desired);
            AutomigrateException e = assertThrows(AutomigrateException.class,
                    () -> SchemaDiffer.diff(before, after, DiffOptions.defaults()));
            assertTrue(e.getMessage().contains("cannot change how table public.cities is partitioned: table"
                    + " public.capitals inherits from it"), e.getMessage());
            assertTrue(e.getMessage().contains("NO INHERIT public.cities"), e.getMessage());
        }
    }

    private static Catalog inspect(ShadowDatabase database) {
        try (Connection c = database.connect()) {
            return CatalogInspector.inspect(c, InspectOptions.all());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void apply(ShadowDatabase database, List<Statement> statements) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                for (Statement s : statements) {
                    st.execute(s.sql());
                }
            }
            c.commit();
        }
    }

    private static String query(ShadowDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect(); java.sql.Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
