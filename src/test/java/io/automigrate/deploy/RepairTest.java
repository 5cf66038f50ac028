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
    @TempDir
    Path outside;

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

    static final String SHOP = """
            --changeset t:20260101000000_shop
            CREATE TABLE customers (
                id bigint PRIMARY KEY,
                email text NOT NULL,
                name text DEFAULT 'x',
                CONSTRAINT customers_email_key UNIQUE (email)
            );
            CREATE TABLE orders (
                id bigint PRIMARY KEY,
                customer_id bigint REFERENCES customers (id),
                total numeric NOT NULL CONSTRAINT orders_total_check CHECK (total >= 0)
            );
            CREATE INDEX orders_customer_id_idx ON orders (customer_id);
            CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
            --rollback SELECT 1;
            """;

    private static DeployFixture shop(Path project, String purpose) throws Exception {
        DeployFixture f = new DeployFixture(project, purpose);
        f.migration("20260101000000_shop.sql", SHOP);
        DeployFixture.Outcome applied = f.apply();
        assertEquals(0, applied.exit(), applied.all());
        f.execute("INSERT INTO customers (id, email) VALUES (1, 'a@x'), (2, 'b@x');"
                + "INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 10), (2, 2, 200), (3, 1, 5);");
        return f;
    }

    @Test
    void driftThatIsNotMissingIsLeftAloneAndReportedWithItsSql() throws Exception {
        try (DeployFixture f = shop(project, "repairleft")) {
            f.execute("""
                    DROP INDEX orders_customer_id_idx;
                    CREATE TABLE scratch (id int);
                    ALTER TABLE customers ALTER COLUMN name SET DEFAULT 'y';
                    CREATE OR REPLACE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 500;
                    ALTER TABLE customers ALTER COLUMN email TYPE varchar(200);
                    """);
            String before = f.snapshot();
            DeployFixture.Outcome dry = f.run("repair", "--url", f.url(), "--dry-run");
            assertEquals(1, dry.exit(), dry.all());
            assertEquals(before, f.snapshot(), "a dry run touches nothing");

            DeployFixture.Outcome refused = f.run("repair", "--url", f.url());
            assertEquals(1, refused.exit(), refused.all());
            String out = refused.out();
            assertTrue(out.startsWith("repaired ") && out.contains("re-created 1 index"), out);
            assertTrue(out.contains("drift repair leaves alone (it never drops, narrows or rewrites):"), out);
            assertTrue(out.contains("drop table public.scratch") && out.contains("set default of column "
                    + "public.customers.name") && out.contains("change type of column public.customers.email"), out);
            assertTrue(out.contains("DROP TABLE public.scratch;"), out);
            assertTrue(out.contains("view public.big_orders"), out);
            assertFalse(out.replaceAll("(?s)drift repair leaves alone.*", "").contains("DROP"),
                    "nothing dropped is run: " + out);
            // What was left alone is still there; only the index came back.
            assertTrue(f.tableExists("scratch") && f.tableExists("orders_customer_id_idx"));
            assertEquals(List.of("'y'::text"), f.query("SELECT column_default FROM information_schema.columns "
                    + "WHERE table_name = 'customers' AND column_name = 'name'"));
            assertEquals(List.of("character varying(200)"), f.query("SELECT format_type(atttypid, atttypmod) FROM "
                    + "pg_attribute WHERE attrelid = 'customers'::regclass AND attname = 'email'"));

            DeployFixture.Outcome accepted = f.run("repair", "--url", f.url(), "--allow-remaining-drift",
                    "--format", "json");
            assertEquals(0, accepted.exit(), accepted.all());
            assertTrue(accepted.out().contains("\"status\" : \"nothing-to-repair\"")
                    && accepted.out().contains("\"remaining_drift_accepted\" : true"), accepted.all());

            DeployFixture.Outcome apply = f.apply("--repair");
            assertEquals(1, apply.exit(), apply.all());
            assertTrue(apply.err().contains("nothing was applied"), apply.all());
        }
    }

    @Test
    void aMissingConstraintThatRowsViolateIsNotAddedAndItsRowsAreCounted() throws Exception {
        try (DeployFixture f = shop(project, "repairblocked")) {
            f.execute("""
                    ALTER TABLE customers DROP CONSTRAINT customers_email_key;
                    ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;
                    ALTER TABLE orders DROP CONSTRAINT orders_total_check;
                    DROP INDEX orders_customer_id_idx;
                    INSERT INTO customers (id, email) VALUES (3, 'a@x'), (4, 'a@x'), (5, 'b@x');
                    INSERT INTO orders (id, customer_id, total) VALUES (4, 99, 1), (5, 98, -1), (6, 1, -2);
                    """);
            String data = f.query("SELECT md5(string_agg(id || email, ',' ORDER BY id)) FROM customers").get(0);
            DeployFixture.Outcome run = f.run("repair", "--url", f.url());
            assertEquals(1, run.exit(), run.all());
            String out = run.out();
            assertTrue(out.contains("not added: existing rows violate it"), out);
            assertTrue(out.contains("add constraint customers_email_key on public.customers: 2 rows violate it"), out);
            assertTrue(out.contains("add constraint orders_customer_id_fkey on public.orders: 2 rows violate it"), out);
            assertTrue(out.contains("add constraint orders_total_check on public.orders: 2 rows violate it"), out);
            assertTrue(out.contains("ALTER TABLE public.customers ADD CONSTRAINT customers_email_key UNIQUE (email);"),
                    out);
            assertTrue(out.contains("re-created 1 index"), out);
            assertEquals(List.of("0"), f.query("SELECT count(*) FROM pg_constraint WHERE conname IN "
                    + "('customers_email_key', 'orders_customer_id_fkey', 'orders_total_check')"));
            assertEquals(data, f.query("SELECT md5(string_agg(id || email, ',' ORDER BY id)) FROM customers").get(0));
        }
    }

    @Test
    void aFailureInTheMiddleLeavesNothingChanged() throws Exception {
        try (DeployFixture f = shop(project, "repairatomic")) {
            f.execute("""
                    ALTER TABLE customers DROP COLUMN name;
                    DROP VIEW big_orders;
                    DROP INDEX orders_customer_id_idx;
                    CREATE SCHEMA hooks;
                    CREATE FUNCTION hooks.no_indexes() RETURNS event_trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX') THEN
                            RAISE EXCEPTION 'injected failure: no index today';
                        END IF;
                    END $$;
                    CREATE EVENT TRIGGER no_indexes ON ddl_command_end EXECUTE FUNCTION hooks.no_indexes();
                    """);
            String before = f.snapshot();
            DeployFixture.Outcome failed = f.run("repair", "--url", f.url(), "--allow-remaining-drift");
            assertEquals(1, failed.exit(), failed.all());
            assertTrue(failed.err().contains("failed at create index public.orders_customer_id_idx")
                    && failed.err().contains("injected failure: no index today")
                    && failed.err().contains("nothing was changed"), failed.all());
            assertTrue(failed.err().contains("re-creating: add column public.customers.name"), failed.all());
            assertEquals(before, f.snapshot(), "the column and view re-created before the failure were rolled back");
            assertFalse(f.tableExists("automigrate_repairs"), "no record of a repair that did not happen");

            f.execute("DROP EVENT TRIGGER no_indexes");
            DeployFixture.Outcome repaired = f.run("repair", "--url", f.url(), "--allow-remaining-drift");
            assertEquals(0, repaired.exit(), repaired.all());
            assertTrue(repaired.out().contains("1 column") && repaired.out().contains("1 view")
                    && repaired.out().contains("1 index"), repaired.all());
        }
    }

    @Test
    void applyRefusesNamingRepairAndWithRepairRepairsFirstThenApplies() throws Exception {
        try (DeployFixture f = shop(project, "repairapply")) {
            f.execute("DROP INDEX orders_customer_id_idx; ALTER TABLE customers DROP COLUMN name;");
            f.migration("20260102000000_add_tags_table.sql", """
                    --changeset t:20260102000000_add_tags_table
                    CREATE TABLE tags (id bigint PRIMARY KEY);
                    --rollback DROP TABLE tags;
                    """);
            DeployFixture.Outcome refused = f.apply();
            assertEquals(1, refused.exit(), refused.all());
            assertTrue(refused.err().contains("run 'automigrate repair' (or apply --repair"), refused.all());

            DeployFixture.Outcome dry = f.apply("--repair", "--dry-run");
            assertEquals(0, dry.exit(), dry.all());
            assertTrue(dry.out().contains("dry run: 1 column, 1 index would be re-created")
                    && dry.out().contains("dry run: 1 changeset(s) would be applied"), dry.all());
            assertFalse(f.tableExists("tags") || f.tableExists("orders_customer_id_idx"), "a dry run changes nothing");

            DeployFixture.Outcome applied = f.apply("--repair");
            assertEquals(0, applied.exit(), applied.all());
            assertTrue(applied.out().contains("re-created 1 column, 1 index") && applied.out().contains(
                    "applied 1 changeset(s)"), applied.all());
            assertTrue(f.tableExists("tags") && f.tableExists("orders_customer_id_idx"));
            assertTrue(applied.out().contains("verified after applying"), applied.all());
        }
    }

    @Test
    void anIndexOnALargeTableIsBuiltConcurrentlyAfterTheTransaction() throws Exception {
        try (DeployFixture f = shop(project, "repairlarge")) {
            f.execute("INSERT INTO orders (id, customer_id, total) SELECT g, 1, g FROM generate_series(10, 30009) g;"
                    + "ANALYZE orders; DROP INDEX orders_customer_id_idx; ALTER TABLE customers DROP COLUMN name;");
            DeployFixture.Outcome repaired = f.run("repair", "--url", f.url());
            assertEquals(0, repaired.exit(), repaired.all());
            String out = repaired.out();
            assertTrue(out.contains("-- after it, outside a transaction (large tables)\n"
                    + "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders"), out);
            assertFalse(out.contains("DROP"), out);
            assertEquals(List.of("t"), f.query("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                    + "'orders_customer_id_idx'::regclass"));
            assertTrue(f.run("status", "--url", f.url()).out().contains("no drift"));
        }
    }

    @Test
    void autoMigrateFalseSwitchesItOff() throws Exception {
        try (DeployFixture f = shop(project, "repairoff")) {
            f.execute("DROP INDEX orders_customer_id_idx");
            String before = f.snapshot();
            f.environment.put("AUTO_MIGRATE", "false");
            DeployFixture.Outcome off = f.run("repair", "--url", f.url());
            assertEquals(0, off.exit(), off.all());
            assertTrue(off.out().startsWith("repair is switched off (AUTO_MIGRATE=false)"), off.all());
            assertEquals(before, f.snapshot());
            DeployFixture.Outcome applyOff = f.apply("--repair");
            assertEquals(0, applyOff.exit(), applyOff.all());
            assertEquals(before, f.snapshot());
        }
    }

    @Test
    void theEnvironmentsBackupComesFirstAndItsLockTimeoutHolds() throws Exception {
        try (DeployFixture f = shop(project, "repairsafety")) {
            Path failing = project.resolve("failing-pg-dump.sh");
            java.nio.file.Files.writeString(failing, "#!/bin/sh\necho 'pg_dump: error: disk full' >&2\nexit 1\n");
            assertTrue(failing.toFile().setExecutable(true));
            Path working = project.resolve("pg-dump.sh");
            java.nio.file.Files.writeString(working, "#!/bin/sh\nwhile [ $# -gt 0 ]; do [ \"$1\" = --file ] "
                    + "&& out=\"$2\"; shift; done\necho 'PGDMP stand-in' > \"$out\"\n");
            assertTrue(working.toFile().setExecutable(true));
            String config = """
                    environments:
                      staging:
                        url-env: STAGING_URL
                        backup: true
                        pg-dump: %s
                        lock-timeout: 300ms
                    """;
            f.environment.put("STAGING_URL", f.url());
            f.environment.put("XDG_STATE_HOME", outside.resolve("state").toString());
            f.execute("ALTER TABLE customers DROP COLUMN name; DROP INDEX orders_customer_id_idx;");
            String before = f.snapshot();

            f.config(config.formatted(failing));
            DeployFixture.Outcome noBackup = f.run("repair", "--env", "staging");
            assertEquals(3, noBackup.exit(), noBackup.all());
            assertTrue(noBackup.err().contains("backup failed") && noBackup.err().contains("disk full"), noBackup.all());
            assertEquals(before, f.snapshot(), "no backup, no repair");

            f.config(config.formatted(working));
            try (java.sql.Connection writer = f.target.connect(); java.sql.Statement st = writer.createStatement()) {
                writer.setAutoCommit(false);
                st.execute("UPDATE orders SET total = total WHERE id = 1");
                // A writer holds the table: the index waits lock-timeout (300ms), then the whole repair rolls back.
                DeployFixture.Outcome locked = f.run("repair", "--env", "staging");
                assertEquals(3, locked.exit(), locked.all());
                assertTrue(locked.err().contains("failed at create index public.orders_customer_id_idx")
                        && locked.err().contains("lock-timeout (300ms)")
                        && locked.err().contains("nothing was changed"), locked.all());
                writer.rollback();
            }
            assertEquals(before, f.snapshot(), "the column added before the lock timeout was rolled back");

            DeployFixture.Outcome repaired = f.run("repair", "--env", "staging");
            assertEquals(0, repaired.exit(), repaired.all());
            assertTrue(repaired.out().contains("backup: " + outside.resolve("state")), repaired.all());
            assertTrue(repaired.out().contains("re-created 1 column, 1 index"), repaired.all());
            assertEquals(List.of("staging"), f.query("SELECT environment FROM automigrate_repairs"));
        }
    }
}
