package io.automigrate.lint;

import io.automigrate.catalog.Catalog;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.MigrationBuilder;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderOptions;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lint of a generated migration ({@link Linter#plan}): the plain form raises the locking findings, the online form
 * (CONCURRENTLY, NOT VALID + VALIDATE, USING INDEX, SET NOT NULL through a validated check) does not, and the
 * data-dependent findings stay in both.
 */
class PlanLintTest {
    private static final String BEFORE = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text, score int);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
            """;
    private static final String AFTER = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, score int);
            CREATE INDEX users_score_idx ON users (score);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
            CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
            CREATE INDEX invoices_user_idx ON invoices (user_id);
            """;
    private static Catalog before;
    private static Catalog after;

    @BeforeAll
    static void catalogs() throws Exception {
        before = load(BEFORE);
        after = load(AFTER);
    }

    private static Catalog load(String sql) throws Exception {
        try (ShadowDatabase db = TestPostgres.newDatabase("planlint")) {
            TestPostgres.execute(db, sql);
            try (Connection c = db.connect()) {
                return CatalogInspector.inspect(c, InspectOptions.all());
            }
        }
    }

    private static List<String> lint(RenderOptions options) {
        SchemaDiff diff = SchemaDiffer.diff(before, after, DiffOptions.defaults());
        RenderedMigration rendered = MigrationRenderer.render(diff, before, options);
        MigrationFile file = MigrationBuilder.build("20260101000000_x.sql", rendered, "dev", "test");
        return LintFiles.codes(Linter.plan(before, after, diff, rendered, file));
    }

    @Test
    void plainFormRaisesLockingAndDataFindings() {
        List<String> codes = lint(RenderOptions.offline());
        assertEquals(List.of("AM301", "AM302", "AM303", "AM401", "AM403", "AM405", "AM409"), codes);
    }

    @Test
    void onlineFormKeepsOnlyTheDataFindings() {
        List<String> codes = lint(RenderOptions.online(Duration.ofSeconds(5)));
        assertEquals(List.of("AM301", "AM302", "AM303"), codes);
    }

    @Test
    void aTableRenamedUnderForeignKeysIsOnlyARenameWithNoKeyFindings() throws Exception {
        Catalog staff = load("""
                CREATE TABLE staff (id bigint PRIMARY KEY, name text NOT NULL);
                CREATE INDEX staff_name_idx ON staff (name);
                CREATE TABLE tasks (id bigint PRIMARY KEY, staff_id bigint NOT NULL REFERENCES staff (id));
                """);
        Catalog employees = load("""
                CREATE TABLE employees (id bigint PRIMARY KEY, name text NOT NULL);
                CREATE INDEX employees_name_idx ON employees (name);
                CREATE TABLE tasks (id bigint PRIMARY KEY, staff_id bigint NOT NULL CONSTRAINT tasks_staff_id_fkey
                    REFERENCES employees (id));
                """);
        DiffOptions options = new DiffOptions(false, new io.automigrate.diff.RenameHints(List.of(
                new io.automigrate.diff.RenameHints.TableRename(io.automigrate.catalog.QualifiedName.of("public",
                        "employees"), "staff", "db/schema.sql", 1)), List.of()));
        SchemaDiff diff = SchemaDiffer.diff(staff, employees, options);
        assertEquals(List.of("rename table public.staff to employees", "rename constraint staff_pkey on "
                        + "public.employees to employees_pkey", "rename index public.staff_name_idx to employees_name_idx"),
                diff.changes().stream().map(c -> c.describe()).toList());
        RenderedMigration rendered = MigrationRenderer.render(diff, staff, RenderOptions.offline());
        MigrationFile file = MigrationBuilder.build("20260101000000_x.sql", rendered, "dev", "test");
        assertEquals(List.of("AM201"), LintFiles.codes(Linter.plan(staff, employees, diff, rendered, file)));
    }
}
