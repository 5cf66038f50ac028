package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every refusal of apply and rollback: its exit code, a message that names what is wrong, and an untouched database. */
class DeployRefusalsTest {
    @TempDir
    Path project;

    private static final String DROP_EMAIL = """
            --changeset automigrate:20260103000000_drop_email
            ALTER TABLE users DROP COLUMN email;
            --rollback ALTER TABLE users ADD COLUMN email text;
            """;

    /** Runs {@code args}, expects {@code exit}, returns stderr, and checks the database did not change. */
    private static String refused(DeployFixture f, int exit, String... args) {
        String before = f.snapshot();
        DeployFixture.Outcome outcome = f.run(args);
        assertEquals(exit, outcome.exit(), outcome.all());
        assertEquals(before, f.snapshot(), "the database changed:\n" + outcome.all());
        return outcome.err();
    }

    private static DeployFixture applied(Path project, String purpose) throws Exception {
        DeployFixture f = new DeployFixture(project, purpose);
        f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
        DeployFixture.Outcome first = f.apply();
        assertEquals(0, first.exit(), first.all());
        return f;
    }

    @Test
    void migrationEditedAfterApply() throws Exception {
        try (DeployFixture f = applied(project, "edited")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS.replace("email text", "mail text"));
            String err = refused(f, 1, "apply", "--url", f.url());
            assertTrue(err.contains("db/migrations/20260101000000_add_users_table.sql:3: changeset "
                    + "automigrate:20260101000000_add_users_table was changed after it was applied"), err);
        }
    }

    @Test
    void outOfOrderMigration() throws Exception {
        try (DeployFixture f = applied(project, "order")) {
            f.migration("20260103000000_add_orders_table.sql", ApplyTest.ORDERS.replace("20260102", "20260103"));
            assertEquals(0, f.apply().exit());
            f.migration("20260102000000_add_tags_table.sql", """
                    --changeset automigrate:20260102000000_add_tags_table
                    CREATE TABLE tags (id bigint PRIMARY KEY);
                    --rollback DROP TABLE tags;
                    """);
            String err = refused(f, 1, "apply", "--url", f.url());
            assertTrue(err.contains("db/migrations/20260102000000_add_tags_table.sql:3") && err.contains("out of order")
                    && err.contains("20260103000000_add_orders_table.sql"), err);
        }
    }

    @Test
    void driftIsRefusedAndShownAsSqlUnlessAllowed() throws Exception {
        try (DeployFixture f = applied(project, "drift")) {
            f.execute("ALTER TABLE users ADD COLUMN nickname text");
            f.migration("20260102000000_add_tags_table.sql", """
                    --changeset automigrate:20260102000000_add_tags_table
                    CREATE TABLE tags (id bigint PRIMARY KEY);
                    --rollback DROP TABLE tags;
                    """);
            String err = refused(f, 1, "apply", "--url", f.url());
            assertTrue(err.contains("has drifted from its migration history") && err.contains("DROP COLUMN nickname"), err);
            assertTrue(err.contains("run 'automigrate repair' (or apply --repair"), err);
            DeployFixture.Outcome allowed = f.apply("--allow-drift");
            assertEquals(0, allowed.exit(), allowed.all());
            assertTrue(allowed.out().contains("drift accepted") && f.tableExists("tags"), allowed.all());
        }
    }

    @Test
    void aDatabaseWithTablesAndNoHistoryIsNotBaselinedAndNoDropIsSuggested() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "unbaselined")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            f.execute("CREATE TABLE legacy (id bigint PRIMARY KEY)");
            String before = f.snapshot();
            String err = refused(f, 1, "apply", "--url", f.url());
            assertTrue(err.contains("was never baselined: it holds tables (public.legacy) but no migration history")
                    && err.contains("automigrate init --url " + f.url()), err);
            assertFalse(err.contains("DROP"), err);
            String repair = refused(f, 1, "repair", "--url", f.url());
            assertTrue(repair.contains("never baselined"), repair);
            assertEquals(before, f.snapshot(), "nothing was touched");
        }
    }

    @Test
    void errorFindingNotAllowed() throws Exception {
        try (DeployFixture f = applied(project, "policy")) {
            f.migration("20260103000000_drop_email.sql", DROP_EMAIL);
            String err = refused(f, 1, "apply", "--url", f.url());
            assertTrue(err.contains("db/migrations/20260103000000_drop_email.sql: AM102 column dropped (column public.users.email)")
                    && err.contains("--allow AM102"), err);
            DeployFixture.Outcome allowed = f.apply("--allow", "AM102");
            assertEquals(0, allowed.exit(), allowed.all());
            assertTrue(allowed.out().contains("AM102"), allowed.all());
        }
    }

    @Test
    void inlineAllowInTheFileIsHonoured() throws Exception {
        try (DeployFixture f = applied(project, "inline")) {
            f.migration("20260103000000_drop_email.sql", DROP_EMAIL.replace("DROP COLUMN email;",
                    "DROP COLUMN email; -- automigrate:allow AM102 the app stopped using it in v42"));
            DeployFixture.Outcome outcome = f.apply();
            assertEquals(0, outcome.exit(), outcome.all());
        }
    }

    @Test
    void rollbackWithoutRollbackStatement() throws Exception {
        try (DeployFixture f = applied(project, "norollback")) {
            f.migration("20260102000000_seed.sql", """
                    --changeset automigrate:20260102000000_seed
                    INSERT INTO users (id, email) VALUES (1, 'root@example.com');
                    --rollback not required
                    """);
            assertEquals(0, f.apply().exit());
            String err = refused(f, 1, "rollback", "--url", f.url(), "--count", "2");
            assertTrue(err.contains("db/migrations/20260102000000_seed.sql:3: changeset automigrate:20260102000000_seed "
                    + "has no rollback statement"), err);
        }
    }

    @Test
    void unknownEnvironmentNoUrlSkipAndSwitchedOff() throws Exception {
        try (DeployFixture f = applied(project, "env")) {
            f.config("""
                    environments:
                      staging:
                        branches: [develop]
                        url-env: STAGING_DATABASE_URL
                    """);
            String unknown = refused(f, 2, "apply", "--env", "prod");
            assertTrue(unknown.contains("unknown environment 'prod'") && unknown.contains("staging"), unknown);
            String noUrl = refused(f, 2, "apply", "--env", "staging");
            assertTrue(noUrl.contains("set the environment variable STAGING_DATABASE_URL"), noUrl);

            f.migration("20260102000000_add_tags_table.sql", """
                    --changeset automigrate:20260102000000_add_tags_table
                    CREATE TABLE tags (id bigint PRIMARY KEY);
                    --rollback DROP TABLE tags;
                    """);
            DeployFixture.Outcome skipped = f.run("apply", "--env", "staging", "--skip-if-no-database");
            assertEquals(0, skipped.exit(), skipped.all());
            assertTrue(skipped.out().contains("skipped") && skipped.out().contains("STAGING_DATABASE_URL"), skipped.all());

            f.environment.put("STAGING_DATABASE_URL", f.url());
            f.environment.put("AUTO_MIGRATE", "false");
            DeployFixture.Outcome off = f.run("apply", "--env", "staging");
            assertEquals(0, off.exit(), off.all());
            assertTrue(off.out().contains("switched off"), off.all());
            assertFalse(f.tableExists("tags"));
        }
    }

    @Test
    void unreachableHostMissingDatabaseAndBadCredentials() throws Exception {
        try (DeployFixture f = applied(project, "connect")) {
            f.config("""
                    environments:
                      staging:
                        url-env: STAGING_DATABASE_URL
                        retry: {attempts: 3, initial-delay: 50ms, max-wait: 5s}
                    """);
            String password = "Pa55word-never-shown";
            // a port nobody listens on: connection refused, which is what a server still starting looks like
            int closed;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            f.environment.put("STAGING_DATABASE_URL", "postgresql://app:" + password + "@localhost:" + closed + "/shop");
            DeployFixture.Outcome badHost = f.run("apply", "--env", "staging");
            assertEquals(3, badHost.exit(), badHost.all());
            assertTrue(badHost.err().contains("cannot connect to postgresql://app@localhost:" + closed + "/shop")
                    && badHost.err().contains("connection attempt 1/3 failed") && badHost.err().contains("gave up after 3 "
                    + "attempts"), badHost.all());
            assertFalse(badHost.all().contains(password), badHost.all());

            String port = Integer.toString(f.target.url().port());
            String noDb = refused(f, 3, "apply", "--url", "postgresql://postgres@localhost:" + port + "/no_such_db");
            assertTrue(noDb.contains("no_such_db") && noDb.contains("the database does not exist"), noDb);

            String url = "postgresql://nobody:" + password + "@localhost:" + port + "/" + f.target.name();
            String badUser = refused(f, 3, "apply", "--url", url);
            assertTrue(badUser.contains("cannot connect to postgresql://nobody@localhost") && badUser.contains("check the "
                    + "user and password"), badUser);
            assertFalse(badUser.contains(password), badUser);
        }
    }

    @Test
    void backupThatCannotBeMadeStopsTheDeploy() throws Exception {
        try (DeployFixture f = applied(project, "backup")) {
            f.config("""
                    environments:
                      staging:
                        url-env: STAGING_DATABASE_URL
                        backup: true
                        pg-dump: /nonexistent/bin/pg_dump
                    """);
            f.environment.put("STAGING_DATABASE_URL", f.url());
            f.migration("20260102000000_add_tags_table.sql", """
                    --changeset automigrate:20260102000000_add_tags_table
                    CREATE TABLE tags (id bigint PRIMARY KEY);
                    --rollback DROP TABLE tags;
                    """);
            String err = refused(f, 2, "apply", "--env", "staging");
            assertTrue(err.contains("backup required") && err.contains("/nonexistent/bin/pg_dump")
                    && err.contains("nothing was applied"), err);

            Path failing = project.resolve("fake-pg-dump.sh");
            Files.writeString(failing, "#!/bin/sh\necho 'pg_dump: error: server version mismatch' >&2\nexit 1\n");
            assertTrue(failing.toFile().setExecutable(true));
            f.config(Files.readString(project.resolve("automigrate.yml")).replace("/nonexistent/bin/pg_dump", failing.toString()));
            String failed = refused(f, 3, "apply", "--env", "staging");
            assertTrue(failed.contains("backup failed") && failed.contains("server version mismatch"), failed);
        }
    }
}
