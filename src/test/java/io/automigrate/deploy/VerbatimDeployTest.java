package io.automigrate.deploy;

import io.automigrate.config.Config;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowKind;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.testing.TestPostgres;
import io.automigrate.testing.VerbatimCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verbatim corpus through the deploy side: apply, rollback and apply again through the CLI, and the start-up
 * API; each leaves what the same texts sent directly leave. And a changeset outside a transaction that fails halfway
 * says what ran, and the documented way to continue works.
 */
class VerbatimDeployTest {
    @TempDir
    Path project;

    private static String reference(Path root) throws Exception {
        MigrationHistory history = VerbatimCorpus.copyTo(root);
        try (ShadowDatabase direct = TestPostgres.newDatabase("direct"); Connection c = reference(history, direct)) {
            return VerbatimCorpus.fingerprint(c);
        }
    }

    private static Connection reference(MigrationHistory history, ShadowDatabase db) {
        VerbatimCorpus.applyDirectly(history, db);
        return db.connect();
    }

    private static String fingerprint(ShadowDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return VerbatimCorpus.fingerprint(c);
        }
    }

    @Test
    void applyRollbackAndTheStartUpApiRunTheCorpusAsWritten(@TempDir Path elsewhere) throws Exception {
        String reference = reference(elsewhere);
        try (DeployFixture f = new DeployFixture(project, "verbatimapply")) {
            VerbatimCorpus.copyTo(project);
            DeployFixture.Outcome applied = f.apply();
            assertEquals(0, applied.exit(), applied.all());
            assertEquals(reference, fingerprint(f.target));

            DeployFixture.Outcome back = f.run("rollback", "--url", f.url(), "--to", "do-block");
            assertEquals(0, back.exit(), back.all());
            assertEquals(List.of("functions-with-comments", "do-block"), f.changelogIds());
            assertEquals(List.of("0"), f.query("SELECT count(*) FROM pg_proc WHERE proname = 'has_key'"));

            DeployFixture.Outcome again = f.apply();
            assertEquals(0, again.exit(), again.all());
            assertEquals(reference, fingerprint(f.target));
        }
        try (DeployFixture f = new DeployFixture(project.resolve("api"), "verbatimapi")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {f.target.url().host()});
            ds.setPortNumbers(new int[] {f.target.url().port()});
            ds.setDatabaseName(f.target.name());
            ds.setUser(f.target.url().user());
            DeployResult result = Migrator.builder().dataSource(ds).classpathMigrations("verbatim-corpus/db/migrations")
                    .config(Config.defaults().withShadow(new ShadowOptions(ShadowKind.URL, ShadowOptions.DEFAULT_PG_VERSION,
                            f.shadowAdmin.url().display(), null))).log(line -> { }).migrate();
            assertEquals(DeployResult.Status.APPLIED, result.status());
            assertEquals(reference, fingerprint(f.target));
        }
    }

    static final String INDEXES = """
            --changeset dev:20260102000000_indexes runInTransaction:false
            CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
            CREATE UNIQUE INDEX CONCURRENTLY users_name_key ON users (name);
            CREATE INDEX CONCURRENTLY users_created_idx ON users (created);
            --rollback DROP INDEX CONCURRENTLY users_created_idx;
            --rollback DROP INDEX CONCURRENTLY users_name_key;
            --rollback DROP INDEX CONCURRENTLY users_email_idx;
            """;

    @Test
    void aChangesetOutsideATransactionThatFailsSaysWhatRanAndCanBeContinued() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "verbatimhalf")) {
            f.migration("20260101000000_users.sql", """
                    --changeset dev:20260101000000_users
                    CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, created timestamptz);
                    --rollback DROP TABLE users;
                    """);
            assertEquals(0, f.apply().exit());
            f.execute("INSERT INTO users VALUES (1, 'a@x', 'same', now()), (2, 'b@x', 'same', now())");
            f.migration("20260102000000_indexes.sql", INDEXES);

            DeployFixture.Outcome failed = f.apply();
            assertEquals(1, failed.exit(), failed.all());
            String message = failed.err();
            assertTrue(message.contains("db/migrations/20260102000000_indexes.sql:5:1: changeset "
                    + "dev:20260102000000_indexes, statement 2 of 3: ERROR: could not create unique index "
                    + "\"users_name_key\""), message);
            assertTrue(message.contains("statement 1 (line 4) ran and is committed; statement 2 (line 5) failed; "
                    + "statement 3 (line 6) did not run"), message);
            assertFalse(message.contains("connection"), message);
            assertFalse(message.contains("\tat "), "no stack trace: " + message);
            assertFalse(message.contains("SEVERE"), message);
            assertEquals(List.of("20260101000000_users"), f.changelogIds());

            // The documented way to continue (docs/troubleshooting.md): undo what ran, drop the INVALID index the
            // failed build left, fix the cause, run apply again.
            f.execute("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx");
            f.execute("DROP INDEX CONCURRENTLY IF EXISTS users_name_key");
            f.execute("UPDATE users SET name = 'other' WHERE id = 2");
            DeployFixture.Outcome continued = f.apply();
            assertEquals(0, continued.exit(), continued.all());
            assertEquals(List.of("20260101000000_users", "20260102000000_indexes"), f.changelogIds());
            assertEquals(List.of("3"), f.query("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    + "WHERE c.relname IN ('users_email_idx', 'users_name_key', 'users_created_idx') AND i.indisvalid"));
        }
    }
}
