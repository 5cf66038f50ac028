package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code automigrate repair} and {@code apply --repair} through the CLI, against real databases. */
class RepairTest {
    @TempDir
    Path project;

    /** One migration holding every kind of object repair re-creates. */
    static final String EVERYTHING = """
            --changeset t:20260101000000_everything
            DO $r$ BEGIN CREATE ROLE repair_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $r$;
            CREATE SCHEMA billing;
            CREATE EXTENSION citext;
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
            CREATE TYPE address AS (street text, city text);
            CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
            CREATE SEQUENCE invoice_numbers START 1000;
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email citext NOT NULL,
                display_name text NOT NULL DEFAULT 'anonymous',
                mood mood,
                score positive_int,
                CONSTRAINT users_email_key UNIQUE (email)
            );
            CREATE TABLE billing.invoices (
                id bigint PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES users (id),
                number bigint NOT NULL DEFAULT nextval('invoice_numbers'),
                amount numeric NOT NULL CONSTRAINT invoices_amount_check CHECK (amount >= 0),
                addr address
            );
            CREATE INDEX invoices_user_id_idx ON billing.invoices (user_id);
            CREATE VIEW billing.big_invoices AS SELECT id, amount FROM billing.invoices WHERE amount > 100;
            COMMENT ON TABLE users IS 'people';
            COMMENT ON COLUMN users.email IS 'login';
            ALTER TABLE billing.invoices ENABLE ROW LEVEL SECURITY;
            CREATE POLICY invoices_owner ON billing.invoices USING (user_id > 0);
            GRANT SELECT ON users TO repair_reader;
            --rollback SELECT 1;

            --changeset t:20260101000000_everything-2 splitStatements:false
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            --rollback SELECT 1;

            --changeset t:20260101000000_everything-3
            CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
            --rollback SELECT 1;
            """;

    static final String ROWS = """
            INSERT INTO users (email, mood, score) VALUES ('a@x', 'ok', 1), ('b@x', 'sad', 2), ('c@x', NULL, 3);
            INSERT INTO billing.invoices (id, user_id, amount) SELECT g, 1 + g % 3, g * 10 FROM generate_series(1, 50) g;
            """;

    /** The data of the columns that exist throughout: row counts and an md5 of every value. */
    static String data(DeployFixture f) {
        return f.query("SELECT (SELECT count(*) FROM users) || ' ' || (SELECT count(*) FROM billing.invoices) || ' '"
                + " || (SELECT md5(string_agg(id || email::text || coalesce(mood::text, '-') || score, ',' ORDER BY id))"
                + " FROM users) || ' ' || (SELECT md5(string_agg(id || '/' || user_id || '/' || number || '/' || amount,"
                + " ',' ORDER BY id)) FROM billing.invoices)").get(0);
    }

    @Test
    void reCreatesEveryKindOfMissingObjectAndTheDatabaseThenEqualsItsHistory() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "repairall")) {
            f.migration("20260101000000_everything.sql", EVERYTHING);
            assertEquals(0, f.apply().exit());
            // Everything is lost but the history; the enum comes back short of a value.
            f.execute("""
                    DROP VIEW billing.big_invoices;
                    DROP TABLE billing.invoices;
                    DROP TABLE users;
                    DROP FUNCTION touch();
                    DROP TYPE mood;
                    DROP TYPE address;
                    DROP DOMAIN positive_int;
                    DROP SEQUENCE invoice_numbers;
                    DROP SCHEMA billing;
                    DROP EXTENSION citext;
                    CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                    """);
            DeployFixture.Outcome drifted = f.run("status", "--url", f.url());
            assertTrue(drifted.out().contains("drift found"), drifted.all());

            DeployFixture.Outcome repaired = f.run("repair", "--url", f.url());
            assertEquals(0, repaired.exit(), repaired.all());
            for (String kind : List.of("1 schema", "1 extension", "2 types", "1 enum value", "1 sequence", "2 tables",
                    "1 constraint", "1 index", "1 view", "1 function", "1 trigger", "1 policy")) {
                assertTrue(repaired.out().contains(kind), kind + "\n" + repaired.all());
            }
            assertTrue(repaired.err().contains("re-creating: add ecstatic to enum type public.mood"), repaired.all());

            DeployFixture.Outcome status = f.run("status", "--url", f.url());
            assertTrue(status.out().contains("1 applied; no drift"), status.all());
            assertTrue(status.out().matches("(?s).*note: repaired on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC by "
                    + "\\S+ on .+: 1 schema.*"), status.all());
            assertEquals(List.of("t"), f.query("SELECT has_table_privilege('repair_reader', 'users', 'SELECT')"));
            assertEquals(List.of("people"), f.query("SELECT obj_description('users'::regclass)"));
            assertEquals(List.of("t"), f.query("SELECT relrowsecurity FROM pg_class WHERE oid = 'billing.invoices'::regclass"));

            DeployFixture.Outcome again = f.run("repair", "--url", f.url());
            assertEquals(0, again.exit(), again.all());
            assertTrue(again.out().contains("nothing to repair"), again.all());
            assertEquals(List.of("1"), f.query("SELECT count(*) FROM automigrate_repairs"));
        }
    }

    @Test
    void reCreatesMissingPartsOfTablesThatHoldDataWithoutTouchingTheData() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "repairdata")) {
            f.migration("20260101000000_everything.sql", EVERYTHING);
            assertEquals(0, f.apply().exit());
            f.execute(ROWS);
            f.execute("""
                    ALTER TABLE users DROP COLUMN display_name;
                    ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
                    ALTER TABLE users DROP CONSTRAINT users_email_key;
                    COMMENT ON TABLE users IS NULL;
                    REVOKE SELECT ON users FROM repair_reader;
                    DROP TRIGGER users_touch ON users;
                    DROP INDEX billing.invoices_user_id_idx;
                    ALTER TABLE billing.invoices DROP CONSTRAINT invoices_amount_check;
                    ALTER TABLE billing.invoices DROP CONSTRAINT invoices_user_id_fkey;
                    ALTER TABLE billing.invoices ALTER COLUMN number DROP DEFAULT;
                    DROP POLICY invoices_owner ON billing.invoices;
                    """);
            String before = data(f);

            DeployFixture.Outcome dry = f.run("repair", "--url", f.url(), "--dry-run");
            assertEquals(0, dry.exit(), dry.all());
            assertTrue(dry.out().contains("-- SQL that would run (one transaction)"), dry.all());
            assertTrue(dry.out().contains("ALTER TABLE public.users ADD COLUMN display_name text DEFAULT 'anonymous'"
                    + "::text NOT NULL"), dry.all());
            assertFalse(f.tableExists("automigrate_repairs"), "a dry run writes nothing");
            assertEquals(List.of("0"), f.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'invoices_user_id_idx'"));

            DeployFixture.Outcome repaired = f.run("repair", "--url", f.url());
            assertEquals(0, repaired.exit(), repaired.all());
            String headline = repaired.out().lines().findFirst().orElseThrow();
            for (String kind : List.of("1 column", "1 NOT NULL", "3 constraints", "1 comment", "1 grant", "1 trigger",
                    "1 index", "1 default", "1 policy")) {
                assertTrue(headline.contains(kind), kind + "\n" + repaired.all());
            }
            assertEquals(before, data(f), "the data of existing columns is untouched");
            assertEquals(List.of("anonymous", "anonymous", "anonymous"), f.query("SELECT display_name FROM users"));
            DeployFixture.Outcome status = f.run("status", "--url", f.url());
            assertTrue(status.out().contains("1 applied; no drift"), status.all());
        }
    }
}
