package io.automigrate.plan;

import io.automigrate.cli.Main;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * plan of a desired schema holding what naive tooling breaks (comments in function bodies, tagged dollar quotes,
 * jsonb ? operators, BEGIN ATOMIC, triggers with bodies, comments with quotes): the generated migration is proven
 * (applied, rolled back, applied again, the history replayed) and a second plan finds nothing to do. And a history
 * that no longer replays is reported by file, changeset, line and PostgreSQL's message, without Liquibase's log.
 */
class VerbatimPlanTest {
    @TempDir
    Path repo;

    record Run(int exit, String out, String err) {
    }

    private Run plan() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShadowDatabase admin = TestPostgres.newDatabase("admin");
        try {
            int exit = Main.run(Stream.of("plan", "--shadow", "url", "--shadow-url", admin.url().display())
                            .toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AUTOMIGRATE_PROJECT_DIR", repo.toString()));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            admin.close();
        }
    }

    static final String SCHEMA = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, config jsonb NOT NULL DEFAULT '{}', balance numeric);
            CREATE TABLE audit_log (id bigserial PRIMARY KEY, note text NOT NULL);
            COMMENT ON TABLE accounts IS 'the accounts; it''s "quoted" -- not a comment /* nor this */ ?';

            CREATE FUNCTION add_interest(rate numeric) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                -- keep this comment
                UPDATE accounts SET balance = balance * (1 + rate);  /* and this; one */
            END;
            $$;

            CREATE FUNCTION label(id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $BODY$
            BEGIN
                RETURN 'account ' || id || ' $$ ; -- ?';  -- a tagged body
            END;
            $BODY$;

            CREATE FUNCTION account_count() RETURNS bigint LANGUAGE sql
            BEGIN ATOMIC
                SELECT count(*) FROM accounts;
            END;

            CREATE VIEW stripe_accounts AS
            SELECT id, config ? 'stripe' AS has_stripe, config ?| array['a', 'b'] AS has_any,
                   config ?& array['a', 'b'] AS has_all
              FROM accounts WHERE config -> 'stripe' ? 'subscriptionId';

            CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $trg$
            BEGIN
                -- one row per change; with a semicolon
                INSERT INTO audit_log (note) VALUES (TG_OP || E' on accounts\\t' || NEW.id);
                RETURN NEW;
            END;
            $trg$;
            CREATE TRIGGER accounts_audit AFTER INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION audit();
            """;

    @Test
    void aSchemaOfTrickyTextIsPlannedProvenAndConverges() throws Exception {
        Files.createDirectories(repo.resolve("db/migrations"));
        Files.writeString(repo.resolve("db/schema.sql"), SCHEMA);
        Run first = plan();
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().startsWith("wrote db/migrations/"), first.out());
        Run again = plan();
        assertEquals("schema and migrations agree\n", again.out(), again.out() + again.err());
    }

    @Test
    void aHistoryThatNoLongerReplaysNamesFileChangesetAndLineWithoutLiquibaseNoise() throws Exception {
        Files.createDirectories(repo.resolve("db/migrations"));
        Files.writeString(repo.resolve("db/schema.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(repo.resolve("db/migrations/20260101000000_broken.sql"), """
                --liquibase formatted sql

                --changeset dev:broken
                CREATE TABLE t (id int);
                INSERT INTO missing VALUES (1);
                --rollback DROP TABLE t;
                """);
        Run run = plan();
        assertEquals(1, run.exit(), run.out() + run.err());
        String all = run.out() + run.err();
        assertTrue(all.contains("db/migrations/20260101000000_broken.sql:5:13: changeset dev:broken, statement 2 of 2: "
                + "ERROR: relation \"missing\" does not exist"), all);
        assertFalse(all.contains("SEVERE"), all);
        assertFalse(all.contains("\tat "), all);
        assertFalse(all.contains("liquibase.exception"), all);
    }
}
