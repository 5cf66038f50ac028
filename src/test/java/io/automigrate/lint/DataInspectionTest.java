package io.automigrate.lint;

import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --inspect-url}: a migration is linted on a throwaway copy of the schema, then its findings are checked
 * against a real "production" database holding rows that violate each new constraint.
 */
class DataInspectionTest {
    private static final String SCHEMA = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
            CREATE TABLE tags (id int PRIMARY KEY, label text);
            CREATE TABLE events (id int, payload text);
            """;
    private static final String ROWS = """
            INSERT INTO users VALUES (1, 'a@example.com', 'Ann'), (2, 'a@example.com', NULL), (3, NULL, 'Cy'),
                (4, NULL, 'Di');
            INSERT INTO orders VALUES (10, 1), (11, 99), (12, NULL);
            INSERT INTO tags VALUES (1, 'red'), (2, 'blue');
            INSERT INTO events SELECT g, 'event number ' || g FROM generate_series(1, 120000) g;
            ANALYZE events;
            """;
    private static final String MIGRATION = """
            --liquibase formatted sql
            --changeset dev:1
            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
            ALTER TABLE users ALTER COLUMN name SET NOT NULL;
            ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
            ALTER TABLE users ADD COLUMN plan text NOT NULL;
            ALTER TABLE tags ALTER COLUMN label SET NOT NULL;
            CREATE INDEX tags_label_idx ON tags (label);
            ALTER TABLE events ALTER COLUMN id TYPE bigint;
            """;

    private static List<Finding> lintAgainst(ShadowDatabase target) throws Exception {
        MigrationFile file = FormattedSql.read("20260101000000_x.sql", "m.sql", MIGRATION);
        List<Finding> findings;
        try (ShadowDatabase shadow = TestPostgres.newDatabase("lintshadow")) {
            TestPostgres.execute(shadow, SCHEMA);
            try (Connection c = shadow.connect()) {
                findings = FileLinter.lint(c, InspectOptions.all(), file, "m.sql", MIGRATION);
            }
        }
        return DataInspection.inspect(target.url(), findings, Duration.ofSeconds(30));
    }

    private static Finding find(List<Finding> findings, String code, String target) {
        return findings.stream().filter(f -> f.code().equals(code) && f.target().toString().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " on " + target + " in " + findings));
    }

    @Test
    void violatingRowsRaiseToErrorCleanDataAndTinyTablesDropToInfo() throws Exception {
        try (ShadowDatabase production = TestPostgres.newDatabase("production")) {
            TestPostgres.execute(production, SCHEMA + ROWS);
            List<Finding> findings = lintAgainst(production);

            Finding unique = find(findings, "AM301", "constraint public.users.users_email_key");
            assertEquals(Severity.ERROR, unique.severity());
            assertTrue(unique.detail().contains("1 duplicate values of (email)"), unique.detail());

            Finding nulls = find(findings, "AM302", "column public.users.name");
            assertEquals(Severity.ERROR, nulls.severity());
            assertTrue(nulls.detail().contains("1 rows hold NULL in name"), nulls.detail());

            Finding orphans = find(findings, "AM303", "constraint public.orders.orders_user_fk");
            assertEquals(Severity.ERROR, orphans.severity());
            assertTrue(orphans.detail().contains("1 rows point at no row of public.users"), orphans.detail());

            Finding notNullColumn = find(findings, "AM204", "column public.users.plan");
            assertEquals(Severity.ERROR, notNullColumn.severity());
            assertTrue(notNullColumn.detail().contains("adding the column fails"), notNullColumn.detail());

            Finding clean = find(findings, "AM302", "column public.tags.label");
            assertEquals(Severity.INFO, clean.severity());
            assertTrue(clean.detail().contains("0 rows hold NULL"), clean.detail());

            Finding tiny = find(findings, "AM401", "index public.tags_label_idx");
            assertEquals(Severity.INFO, tiny.severity());
            assertTrue(tiny.detail().contains("~2 rows"), tiny.detail());

            Finding rewrite = find(findings, "AM406", "column public.events.id");
            assertEquals(Severity.WARNING, rewrite.severity());
            assertTrue(rewrite.detail().contains("locked for about"), rewrite.detail());
            assertTrue(rewrite.detail().contains("assumed 50.0 MB/s"), rewrite.detail());
        }
    }

    @Test
    void tablesMissingOnTheTargetAreSaidNotChecked() throws Exception {
        try (ShadowDatabase empty = TestPostgres.newDatabase("behind")) {
            List<Finding> findings = lintAgainst(empty);
            Finding unique = find(findings, "AM301", "constraint public.users.users_email_key");
            assertEquals(Severity.WARNING, unique.severity());
            assertTrue(unique.detail().contains("Not checked: public.users does not exist"), unique.detail());
        }
    }

    @Test
    void theInspectionSessionIsReadOnly() throws Exception {
        try (ShadowDatabase production = TestPostgres.newDatabase("production")) {
            TestPostgres.execute(production, SCHEMA + "INSERT INTO tags VALUES (1, NULL);");
            try (Connection c = io.automigrate.db.Connections.openReadOnly(production.url());
                 java.sql.Statement st = c.createStatement()) {
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        java.sql.SQLException.class, () -> st.execute("DELETE FROM tags"));
                assertEquals("25006", refused.getSQLState());
            }
        }
    }
}
