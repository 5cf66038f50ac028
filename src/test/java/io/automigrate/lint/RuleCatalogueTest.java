package io.automigrate.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.automigrate.lint.LintFiles.codes;
import static io.automigrate.lint.LintFiles.lint;
import static io.automigrate.lint.LintFiles.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every code of the catalogue: a hand-written migration that triggers it, and the safe form that does not. Each
 * migration runs on a real throwaway database holding {@code setup}.
 */
class RuleCatalogueTest {
    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(20), name text, "
            + "score int, region text DEFAULT 'eu');\n";
    private static final String NON_TX = "--changeset test:1 runInTransaction:false\n";

    /** {@code risky} raises {@code code} (not suppressed); {@code safe} does not raise it at all. */
    private static Finding check(String code, String setup, String risky, String safe) {
        List<Finding> found = lint(setup, risky);
        assertTrue(codes(found).contains(code), code + " expected from:\n" + risky + "\ngot " + codes(found));
        List<Finding> quiet = lint(setup, safe);
        assertFalse(codes(quiet).contains(code), code + " not expected from:\n" + safe + "\ngot " + codes(quiet));
        Finding finding = only(found, code);
        Rule rule = Rule.byCode(code).orElseThrow();
        assertEquals(rule.title(), finding.title());
        assertEquals(rule.why(), finding.why());
        assertTrue(finding.line() > 1, "a line in the file: " + finding);
        assertFalse(finding.isSuppressed());
        return finding;
    }

    /** For losses whose safe way is deliberate: the allow comment that records the decision suppresses it. */
    private static void checkAllowed(String code, String setup, String risky, String... schemas) {
        List<Finding> found = lint(setup, risky, List.of(schemas));
        assertTrue(only(found, code).blocks() || only(found, code).severity() != Severity.ERROR, code);
        List<Finding> allowed = lint(setup, "-- automigrate:allow " + code + " reviewed: kept a backup\n" + risky,
                List.of(schemas));
        Finding finding = only(allowed, code);
        assertTrue(finding.isSuppressed());
        assertFalse(finding.blocks());
        assertEquals("reviewed: kept a backup", finding.suppression().reason());
    }

    @Test
    void am101TableDropped() {
        Finding f = check("AM101", USERS, "DROP TABLE users;", "ALTER TABLE users RENAME TO members;");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.target().toString().matches("table case\\d+\\.users"), f.target().toString());
        assertEquals(3, f.line());
        assertEquals("DROP TABLE users;", f.statement());
    }

    @Test
    void am102ColumnDropped() {
        Finding f = check("AM102", USERS, "ALTER TABLE users DROP COLUMN name;",
                "ALTER TABLE users RENAME COLUMN name TO full_name;");
        assertTrue(f.detail().contains("-- automigrate:renamed-from name"), f.detail());
    }

    @Test
    void am103SchemaDropped() {
        checkAllowed("AM103", "CREATE SCHEMA billing;", "DROP SCHEMA billing;", "billing");
    }

    @Test
    void am104NarrowingAndRemovedEnumValue() {
        check("AM104", USERS, "ALTER TABLE users ALTER COLUMN email TYPE varchar(10);",
                "ALTER TABLE users ALTER COLUMN email TYPE varchar(50);");
        Finding f = check("AM104", "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');", """
                ALTER TYPE mood RENAME TO mood_old;
                CREATE TYPE mood AS ENUM ('sad', 'happy');
                DROP TYPE mood_old;
                """, "ALTER TYPE mood ADD VALUE 'glad';");
        assertTrue(f.detail().contains("ok"), f.detail());
    }

    @Test
    void am105ViewWithDependantsDropped() {
        String setup = USERS + "CREATE VIEW active AS SELECT id, email FROM users;\n"
                + "CREATE VIEW active_emails AS SELECT email FROM active;\n";
        Finding f = check("AM105", setup, "DROP VIEW active CASCADE;", "DROP VIEW active_emails;");
        assertTrue(f.detail().contains("active_emails"), f.detail());
    }

    @Test
    void am106SequenceDropped() {
        checkAllowed("AM106", "CREATE SEQUENCE invoice_numbers;", "DROP SEQUENCE invoice_numbers;");
    }

    @Test
    void am107TypeDropped() {
        check("AM107", "CREATE TYPE mood AS ENUM ('sad', 'ok');", "DROP TYPE mood;", "ALTER TYPE mood ADD VALUE 'glad';");
    }

    @Test
    void am108Truncate() {
        Finding f = check("AM108", USERS, "TRUNCATE users;", "DELETE FROM users WHERE id < 0;");
        assertEquals("table users", f.target().toString());
    }

    @Test
    void am109MaterializedViewDropped() {
        String setup = USERS + "CREATE MATERIALIZED VIEW stats AS SELECT count(*) AS n FROM users;\n"
                + "CREATE VIEW plain AS SELECT 1 AS one;\n";
        check("AM109", setup, "DROP MATERIALIZED VIEW stats;", "DROP VIEW plain;");
    }

    @Test
    void am201TableRenamed() {
        check("AM201", USERS, "ALTER TABLE users RENAME TO members;", "CREATE TABLE members (id bigint);");
    }

    @Test
    void am202ColumnRenamed() {
        check("AM202", USERS, "ALTER TABLE users RENAME COLUMN name TO full_name;",
                "ALTER TABLE users ADD COLUMN full_name text;");
    }

    @Test
    void am203ColumnTypeChanged() {
        check("AM203", USERS, "ALTER TABLE users ALTER COLUMN score TYPE bigint;",
                "ALTER TABLE users ALTER COLUMN email TYPE varchar(50);");
    }

    @Test
    void am204NotNullColumnWithoutDefault() {
        check("AM204", USERS, "ALTER TABLE users ADD COLUMN plan text NOT NULL;",
                "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';");
    }

    @Test
    void am205DefaultDropped() {
        check("AM205", USERS, "ALTER TABLE users ALTER COLUMN region DROP DEFAULT;",
                "ALTER TABLE users ALTER COLUMN region SET DEFAULT 'us';");
    }

    @Test
    void am206PrimaryKeyChanged() {
        check("AM206", USERS, """
                ALTER TABLE users DROP CONSTRAINT users_pkey;
                ALTER TABLE users ADD PRIMARY KEY (id, region);
                """, "CREATE TABLE logins (id bigint);\nALTER TABLE logins ADD PRIMARY KEY (id);");
    }

    @Test
    void am207PossibleRenameCarriesTheHintLine() {
        Finding f = check("AM207", USERS, "ALTER TABLE users DROP COLUMN name;\nALTER TABLE users ADD COLUMN full_name text;",
                "ALTER TABLE users RENAME COLUMN name TO full_name;");
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.detail().contains("-- automigrate:renamed-from name"), f.detail());
        assertTrue(f.target().toString().matches("column case\\d+\\.users\\.name"), f.target().toString());
    }

    @Test
    void am301NewUniqueConstraint() {
        check("AM301", USERS + "CREATE UNIQUE INDEX users_email_key ON users (email);",
                "ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);",
                "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;");
    }

    @Test
    void am302SetNotNull() {
        check("AM302", USERS + "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);",
                "ALTER TABLE users ALTER COLUMN name SET NOT NULL;",
                "ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
    }

    @Test
    void am303NewForeignKey() {
        check("AM303", USERS + "CREATE TABLE orders (id bigint, user_id bigint);",
                "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);",
                "CREATE TABLE invoices (id bigint, user_id bigint REFERENCES users (id));");
    }

    @Test
    void am304NewCheck() {
        check("AM304", USERS, "ALTER TABLE users ADD CONSTRAINT score_positive CHECK (score > 0);",
                "CREATE TABLE ratings (score int CHECK (score > 0));");
    }

    @Test
    void am305NewExclusionConstraint() {
        String setup = "CREATE TABLE bookings (room int, during int4range);";
        check("AM305", setup, "ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);",
                "CREATE TABLE slots (during int4range, EXCLUDE USING gist (during WITH &&));");
    }

    @Test
    void am306TypeChangeNeedingACast() {
        check("AM306", USERS, "ALTER TABLE users ALTER COLUMN name TYPE integer USING name::integer;",
                "ALTER TABLE users ALTER COLUMN email TYPE text;");
    }

    @Test
    void am401IndexWithoutConcurrently() {
        check("AM401", USERS, "CREATE INDEX users_name_idx ON users (name);",
                NON_TX + "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);");
    }

    @Test
    void am402IndexDroppedWithoutConcurrently() {
        String setup = USERS + "CREATE INDEX users_name_idx ON users (name);";
        check("AM402", setup, "DROP INDEX users_name_idx;", NON_TX + "DROP INDEX CONCURRENTLY users_name_idx;");
    }

    @Test
    void am403ForeignKeyWithoutNotValid() {
        String setup = USERS + "CREATE TABLE orders (id bigint, user_id bigint);";
        check("AM403", setup, "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);",
                """
                --changeset test:1
                ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
                --changeset test:2
                ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
                """);
    }

    @Test
    void am404CheckWithoutNotValid() {
        check("AM404", USERS, "ALTER TABLE users ADD CONSTRAINT score_positive CHECK (score > 0);", """
                --changeset test:1
                ALTER TABLE users ADD CONSTRAINT score_positive CHECK (score > 0) NOT VALID;
                --changeset test:2
                ALTER TABLE users VALIDATE CONSTRAINT score_positive;
                """);
    }

    @Test
    void am405SetNotNullWithoutValidatedCheck() {
        check("AM405", USERS, "ALTER TABLE users ALTER COLUMN name SET NOT NULL;", """
                --changeset test:1
                ALTER TABLE users ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID;
                --changeset test:2
                ALTER TABLE users VALIDATE CONSTRAINT name_nn;
                --changeset test:3
                ALTER TABLE users ALTER COLUMN name SET NOT NULL;
                ALTER TABLE users DROP CONSTRAINT name_nn;
                """);
    }

    @Test
    void am406TypeChangeRewrites() {
        check("AM406", USERS, "ALTER TABLE users ALTER COLUMN score TYPE bigint;",
                "ALTER TABLE users ALTER COLUMN email TYPE varchar(200);");
    }

    @Test
    void am407CollationChanged() {
        check("AM407", USERS, "ALTER TABLE users ALTER COLUMN name TYPE text COLLATE \"C\";",
                "ALTER TABLE users ALTER COLUMN email TYPE text;");
    }

    @Test
    void am408VolatileDefaultRewrites() {
        Finding f = check("AM408", USERS, "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
                "ALTER TABLE users ADD COLUMN created timestamptz DEFAULT now();");
        assertTrue(f.detail().contains("gen_random_uuid"), f.detail());
    }

    @Test
    void am409UniqueWithoutPrebuiltIndex() {
        check("AM409", USERS + "CREATE UNIQUE INDEX users_email_key ON users (email);",
                "ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);",
                "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;");
    }

    @Test
    void am410TriggerOnExistingTable() {
        String setup = USERS + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;";
        check("AM410", setup, "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();",
                "CREATE TABLE audit (id int);\n"
                        + "CREATE TRIGGER audit_touch BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION touch();");
    }

    @Test
    void am411SetLoggedOrUnlogged() {
        check("AM411", USERS, "ALTER TABLE users SET UNLOGGED;", "CREATE UNLOGGED TABLE scratch (id int);");
    }

    @Test
    void am412RefreshWithoutConcurrently() {
        String setup = USERS + "CREATE MATERIALIZED VIEW stats AS SELECT 1 AS id, count(*) AS n FROM users;\n"
                + "CREATE UNIQUE INDEX stats_id ON stats (id);";
        check("AM412", setup, "REFRESH MATERIALIZED VIEW stats;", "REFRESH MATERIALIZED VIEW CONCURRENTLY stats;");
    }

    @Test
    void am413TableRecreatedToChangeItsPartitioning() {
        String setup = "CREATE TABLE events (id bigint, created_on date);";
        Finding f = check("AM413", setup, """
                        CREATE TABLE events_new (id bigint, created_on date) PARTITION BY RANGE (created_on);
                        CREATE TABLE events_2026 PARTITION OF events_new FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        INSERT INTO events_new SELECT * FROM events;
                        DROP TABLE events;
                        ALTER TABLE events_new RENAME TO events;""",
                "CREATE TABLE visits (id bigint, created_on date) PARTITION BY RANGE (created_on);");
        assertTrue(f.detail().contains("is dropped and created again, partitioned by RANGE (created_on)"), f.detail());
    }

    @Test
    void am501NonTransactionalStatementMixedWithOthers() {
        check("AM501", USERS, NON_TX + "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n"
                        + "ALTER TABLE users ADD COLUMN plan text;",
                NON_TX + "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n"
                        + "--changeset test:2\nALTER TABLE users ADD COLUMN plan text;");
    }

    @Test
    void am502NonTransactionalStatementInsideATransaction() {
        Finding f = check("AM502", USERS, "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);",
                NON_TX + "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);");
        assertEquals(Severity.ERROR, f.severity());
    }

    @Test
    void eachFindingNamesTheStatementThatMakesItsChange() {
        List<Finding> found = lint(USERS, """
                CREATE INDEX users_email_idx ON users (email);
                ALTER TABLE users ALTER COLUMN score TYPE bigint;
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                """);
        assertEquals("ALTER TABLE users ALTER COLUMN email SET NOT NULL;", only(found, "AM302").statement());
        assertEquals(5, only(found, "AM302").line());
        assertEquals("ALTER TABLE users ALTER COLUMN score TYPE bigint;", only(found, "AM406").statement());
        assertEquals(4, only(found, "AM406").line());
        assertEquals(3, only(found, "AM401").line());
    }

    @Test
    void stringsAndCommentsAreNotMatched() {
        List<Finding> found = lint(USERS, """
                -- TRUNCATE users; would be bad
                /* REFRESH MATERIALIZED VIEW x; */
                UPDATE users SET name = 'TRUNCATE users; DROP INDEX x' WHERE id = 0;
                """);
        assertEquals(List.of(), codes(found));
    }

    @Test
    void everyCodeIsTestedHere() throws Exception {
        java.util.Set<String> tested = new java.util.TreeSet<>();
        for (java.lang.reflect.Method m : RuleCatalogueTest.class.getDeclaredMethods()) {
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("^am(\\d{3})").matcher(m.getName());
            if (code.find()) tested.add("AM" + code.group(1));
        }
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (Rule r : Rule.values()) all.add(r.code());
        assertEquals(all, tested);
        assertTrue(all.size() >= 30, "at least 30 codes: " + all.size());
    }
}
