package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Grant;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Sequence;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderedMigration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.automigrate.diff.TestCatalogs.catalog;
import static io.automigrate.diff.TestCatalogs.check;
import static io.automigrate.diff.TestCatalogs.column;
import static io.automigrate.diff.TestCatalogs.foreignKey;
import static io.automigrate.diff.TestCatalogs.granted;
import static io.automigrate.diff.TestCatalogs.identity;
import static io.automigrate.diff.TestCatalogs.name;
import static io.automigrate.diff.TestCatalogs.notNull;
import static io.automigrate.diff.TestCatalogs.options;
import static io.automigrate.diff.TestCatalogs.primaryKey;
import static io.automigrate.diff.TestCatalogs.table;
import static io.automigrate.diff.TestCatalogs.withDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDifferTest {
    private static RenderedMigration migrate(Catalog from, Catalog to, DiffOptions options) {
        return MigrationRenderer.render(SchemaDiffer.diff(from, to, options));
    }

    @Test
    void newTableWithForeignKeyToAnotherNewTableAddsTheKeyAfterBoth() {
        Catalog to = catalog()
                .table(table("orders", List.of(notNull("id", "bigint"), notNull("user_id", "bigint")),
                        primaryKey("orders_pkey", "id"), foreignKey("orders_user_id_fkey", "user_id", "users", "id")))
                .table(table("users", List.of(notNull("id", "bigint")), primaryKey("users_pkey", "id")))
                .build();
        RenderedMigration m = migrate(Catalog.empty(), to, DiffOptions.defaults());
        assertEquals("""
                CREATE TABLE public.orders (
                    id bigint NOT NULL,
                    user_id bigint NOT NULL,
                    CONSTRAINT orders_pkey PRIMARY KEY (id)
                );
                CREATE TABLE public.users (
                    id bigint NOT NULL,
                    CONSTRAINT users_pkey PRIMARY KEY (id)
                );
                ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id);
                """, m.forwardSql());
        assertEquals("""
                ALTER TABLE public.orders DROP CONSTRAINT orders_user_id_fkey;
                DROP TABLE public.users;
                DROP TABLE public.orders;
                """, m.rollbackSql());
    }

    @Test
    void foreignKeyCycleIsCreatedAfterBothTablesAndDroppedBeforeThem() {
        Catalog to = catalog()
                .table(table("a", List.of(notNull("id", "integer"), column("b_id", "integer")),
                        primaryKey("a_pkey", "id"), foreignKey("a_b_fkey", "b_id", "b", "id")))
                .table(table("b", List.of(notNull("id", "integer"), column("a_id", "integer")),
                        primaryKey("b_pkey", "id"), foreignKey("b_a_fkey", "a_id", "a", "id")))
                .build();
        SchemaDiff create = SchemaDiffer.diff(Catalog.empty(), to, DiffOptions.defaults());
        assertTrue(create.notes().isEmpty(), create.notes().toString());
        List<String> forward = describe(create);
        assertEquals(List.of("create table public.a", "create table public.b", "add constraint a_b_fkey on public.a",
                "add constraint b_a_fkey on public.b"), forward);
        SchemaDiff drop = SchemaDiffer.diff(to, Catalog.empty(), DiffOptions.defaults());
        assertTrue(drop.notes().isEmpty(), drop.notes().toString());
        List<String> backward = describe(drop);
        assertEquals(List.of("drop constraint a_b_fkey on public.a", "drop constraint b_a_fkey on public.b",
                "drop table public.a", "drop table public.b"), backward);
    }

    @Test
    void droppingATableWithASerialColumnReleasesTheSequenceFirstAndDropsItLast() {
        Catalog from = catalog()
                .sequence(new Sequence("public", "t_id_seq", options("integer"),
                        ObjectRef.member(ObjectKind.COLUMN, name("t"), "id"), null, List.of()))
                .table(table("t", List.of(withDefault("id", "integer", "nextval('t_id_seq'::regclass)"))))
                .build();
        RenderedMigration m = migrate(from, Catalog.empty(), DiffOptions.defaults());
        assertEquals("""
                ALTER SEQUENCE public.t_id_seq OWNED BY NONE;
                DROP TABLE public.t;
                DROP SEQUENCE public.t_id_seq;
                """, m.forwardSql());
        assertEquals("""
                CREATE SEQUENCE public.t_id_seq AS integer;
                CREATE TABLE public.t (
                    id integer DEFAULT nextval('t_id_seq'::regclass) NOT NULL
                );
                ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
                """, m.rollbackSql());
    }

    @Test
    void serialToIdentityDropsTheDefaultThenTheSequenceThenAddsTheIdentity() {
        Catalog from = catalog()
                .sequence(new Sequence("public", "t_id_seq", options("integer"),
                        ObjectRef.member(ObjectKind.COLUMN, name("t"), "id"), null, List.of()))
                .table(table("t", List.of(withDefault("id", "integer", "nextval('t_id_seq'::regclass)"))))
                .build();
        Catalog to = catalog().table(table("t", List.of(identity("id", "integer", options("integer"))))).build();
        RenderedMigration m = migrate(from, to, DiffOptions.defaults());
        assertEquals("""
                ALTER SEQUENCE public.t_id_seq OWNED BY NONE;
                ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT;
                DROP SEQUENCE public.t_id_seq;
                ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
                """, m.forwardSql());
    }

    @Test
    void typeChangeUnderAnIndexAndACheckRecreatesThemAroundIt() {
        QualifiedName t = name("t");
        ObjectRef code = ObjectRef.member(ObjectKind.COLUMN, t, "code");
        ObjectRef index = ObjectRef.of(ObjectKind.INDEX, name("t_code_idx"));
        Catalog from = catalog()
                .table(table("t", List.of(column("code", "text")), check("t_code_check", "CHECK ((code <> ''::text))",
                        "code")))
                .index(new io.automigrate.catalog.Index("public", "t_code_idx", t,
                        "CREATE INDEX t_code_idx ON public.t USING btree (code)", false, null))
                .dependency(index, code)
                .build();
        Catalog to = catalog()
                .table(table("t", List.of(column("code", "integer")), check("t_code_check", "CHECK ((code > 0))",
                        "code")))
                .index(new io.automigrate.catalog.Index("public", "t_code_idx", t,
                        "CREATE INDEX t_code_idx ON public.t USING btree (code)", false, null))
                .dependency(index, code)
                .build();
        RenderedMigration m = migrate(from, to, DiffOptions.defaults());
        assertEquals("""
                DROP INDEX public.t_code_idx;
                ALTER TABLE public.t DROP CONSTRAINT t_code_check;
                ALTER TABLE public.t ALTER COLUMN code TYPE integer USING code::integer;
                ALTER TABLE public.t ADD CONSTRAINT t_code_check CHECK ((code > 0));
                CREATE INDEX t_code_idx ON public.t USING btree (code);
                """, m.forwardSql());
        assertEquals("""
                DROP INDEX public.t_code_idx;
                ALTER TABLE public.t DROP CONSTRAINT t_code_check;
                ALTER TABLE public.t ALTER COLUMN code TYPE text;
                ALTER TABLE public.t ADD CONSTRAINT t_code_check CHECK ((code <> ''::text));
                CREATE INDEX t_code_idx ON public.t USING btree (code);
                """, m.rollbackSql());
    }

    @Test
    void renameHintRenamesInsteadOfDropAndAdd() {
        Catalog from = catalog().table(table("people", List.of(column("id", "integer"), column("name", "text"))))
                .build();
        Catalog to = catalog().table(table("users", List.of(column("id", "integer"), column("full_name", "text"))))
                .build();
        RenameHints hints = new RenameHints(
                List.of(new RenameHints.TableRename(name("users"), "people", "db/schema.sql", 1)),
                List.of(new RenameHints.ColumnRename(name("users"), "full_name", "name", "db/schema.sql", 3)));
        SchemaDiff diff = SchemaDiffer.diff(from, to, new DiffOptions(false, hints));
        assertTrue(diff.notes().isEmpty(), diff.notes().toString());
        RenderedMigration m = MigrationRenderer.render(diff);
        assertEquals("""
                ALTER TABLE public.people RENAME TO users;
                ALTER TABLE public.users RENAME COLUMN name TO full_name;
                """, m.forwardSql());
        assertEquals("""
                ALTER TABLE public.users RENAME COLUMN full_name TO name;
                ALTER TABLE public.users RENAME TO people;
                """, m.rollbackSql());
    }

    @Test
    void dropAndAddOfTheSameTypeWithoutHintIsANoteNotARename() {
        Catalog from = catalog().table(table("users", List.of(column("id", "integer"), column("name", "text"))))
                .build();
        Catalog to = catalog().table(table("users", List.of(column("id", "integer"), column("full_name", "text"))))
                .build();
        SchemaDiff diff = SchemaDiffer.diff(from, to, DiffOptions.defaults());
        assertEquals(List.of("possible rename of public.users.name to full_name: add \"-- automigrate:renamed-from "
                + "name\" on the line of full_name in the schema file"), diff.notes());
        assertEquals(List.of("drop column public.users.name", "add column public.users.full_name"), describe(diff));
    }

    @Test
    void grantsAreComparedOnlyWithThePrivilegesFlag() {
        Grant select = new Grant("reporting", "SELECT", false);
        Catalog from = catalog().table(table("t", List.of(column("a", "integer")))).build();
        Catalog to = catalog().table(table("t", List.of(granted(column("a", "integer"), select)))).build();
        assertTrue(SchemaDiffer.diff(from, to, DiffOptions.defaults()).isEmpty());
        RenderedMigration m = migrate(from, to, new DiffOptions(true, RenameHints.none()));
        assertEquals("GRANT SELECT (a) ON TABLE public.t TO reporting;\n", m.forwardSql());
        assertEquals("REVOKE SELECT (a) ON TABLE public.t FROM reporting;\n", m.rollbackSql());
    }

    @Test
    void sameInputsGiveTheSameOutputWhateverTheirOrder() {
        Catalog to = catalog()
                .table(table("b", List.of(notNull("id", "integer"), column("a_id", "integer")),
                        primaryKey("b_pkey", "id"), foreignKey("b_a_fkey", "a_id", "a", "id")))
                .table(table("a", List.of(notNull("id", "integer")), primaryKey("a_pkey", "id")))
                .build();
        Catalog same = catalog()
                .table(table("a", List.of(notNull("id", "integer")), primaryKey("a_pkey", "id")))
                .table(table("b", List.of(notNull("id", "integer"), column("a_id", "integer")),
                        primaryKey("b_pkey", "id"), foreignKey("b_a_fkey", "a_id", "a", "id")))
                .build();
        String first = migrate(Catalog.empty(), to, DiffOptions.defaults()).forwardSql();
        assertEquals(first, migrate(Catalog.empty(), same, DiffOptions.defaults()).forwardSql());
        assertEquals(first, migrate(Catalog.empty(), to, DiffOptions.defaults()).forwardSql());
    }

    private static List<String> describe(SchemaDiff diff) {
        return diff.changes().stream().map(Change::describe).toList();
    }

    @Test
    void theSameSchemaIgnoresColumnOrderAndPrivilegesButNothingElse() {
        Catalog ordered = catalog().table(table("t", List.of(notNull("id", "bigint"), column("note", "text")))).build();
        Catalog reordered = catalog().table(table("t", List.of(column("note", "text"),
                granted(notNull("id", "bigint"), new Grant("reporting", "SELECT", false))))).build();
        Catalog retyped = catalog().table(table("t", List.of(notNull("id", "bigint"), column("note", "varchar(10)")))).build();
        assertTrue(SchemaDiffer.sameSchema(ordered, reordered));
        assertFalse(SchemaDiffer.sameSchema(ordered, retyped));
        assertFalse(SchemaDiffer.sameSchema(ordered, Catalog.empty()));
    }
}
