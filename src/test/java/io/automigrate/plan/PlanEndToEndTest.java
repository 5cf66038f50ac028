package io.automigrate.plan;

import io.automigrate.cli.Main;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code automigrate plan} as a user runs it, in real git repositories, against the embedded server: each edit of
 * the schema gives one proven migration, and the history replays from empty to the schema.
 */
class PlanEndToEndTest {
    @TempDir
    Path repo;

    record Run(int exit, String out, String err) {
    }

    private Run automigrate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The shadow shares the test server: plan starts its own server through the url provider on it.
        ShadowDatabase admin = TestPostgres.newDatabase("admin");
        String[] full = Stream.concat(Stream.of(args), Stream.of("--shadow", "url", "--shadow-url",
                admin.url().display())).toArray(String[]::new);
        try {
            int exit = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AUTOMIGRATE_PROJECT_DIR", repo.toString()));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            admin.close();
        }
    }

    private void schema(String sql) throws Exception {
        Files.createDirectories(repo.resolve("db/migrations"));
        Files.writeString(repo.resolve("db/schema.sql"), sql);
    }

    private List<String> migrations() throws Exception {
        try (Stream<Path> files = Files.list(repo.resolve("db/migrations"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String planWrites(String expectedName) throws Exception {
        List<String> before = migrations();
        Run run = automigrate("plan");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("wrote db/migrations/"), run.out());
        List<String> after = migrations();
        assertEquals(before.size() + 1, after.size(), "one new migration");
        String added = after.stream().filter(f -> !before.contains(f)).findFirst().orElseThrow();
        assertTrue(added.matches("\\d{14}_" + expectedName + "\\.sql"), added + " should be named " + expectedName);
        assertFalse(run.out().contains("FAIL"), run.out());
        Run again = automigrate("plan");
        assertEquals("schema and migrations agree\n", again.out(), "a second plan finds nothing to do");
        return Files.readString(repo.resolve("db/migrations").resolve(added));
    }

    @Test
    void successiveEditsEachGiveOneProvenMigration() throws Exception {
        schema("""
                CREATE TABLE users (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email text NOT NULL UNIQUE
                );
                """);
        String first = planWrites("add_users_table");
        assertTrue(first.startsWith("--liquibase formatted sql\n"), first);
        assertTrue(first.contains("--rollback DROP TABLE public.users;"), first);

        schema("""
                CREATE TYPE task_status AS ENUM ('todo', 'done');
                CREATE TABLE users (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email text NOT NULL UNIQUE
                );
                CREATE TABLE tasks (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    owner_id bigint NOT NULL REFERENCES users (id),
                    title varchar(100) NOT NULL,
                    status task_status NOT NULL DEFAULT 'todo'
                );
                CREATE VIEW open_tasks AS SELECT id, title FROM tasks WHERE status <> 'done';
                """);
        planWrites("auto_schema_update_\\d{14}");

        schema("""
                CREATE TYPE task_status AS ENUM ('todo', 'done');
                CREATE TABLE users (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email text NOT NULL UNIQUE,
                    display_name text
                );
                CREATE TABLE tasks (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    owner_id bigint NOT NULL REFERENCES users (id),
                    title varchar(100) NOT NULL,
                    status task_status NOT NULL DEFAULT 'todo'
                );
                CREATE VIEW open_tasks AS SELECT id, title FROM tasks WHERE status <> 'done';
                """);
        planWrites("add_users_display_name");

        // A column type changed under a view: the view is dropped and re-created around it.
        String tasksWithText = """
                CREATE TYPE task_status AS ENUM ('todo', 'doing', 'done');
                CREATE TABLE users (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email text NOT NULL UNIQUE,
                    display_name text
                );
                CREATE TABLE tasks (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    owner_id bigint NOT NULL REFERENCES users (id),
                    title text NOT NULL,
                    status task_status NOT NULL DEFAULT 'todo'
                );
                CREATE VIEW open_tasks AS SELECT id, title FROM tasks WHERE status <> 'done';
                """;
        schema(tasksWithText.replace("'todo', 'doing', 'done'", "'todo', 'done'"));
        String retyped = planWrites("modify_tasks_title");
        assertTrue(retyped.contains("DROP VIEW public.open_tasks"), retyped);

        schema(tasksWithText);
        String enumValue = planWrites("auto_schema_update_\\d{14}");
        assertTrue(enumValue.contains("ADD VALUE 'doing' BEFORE 'done'"), enumValue);

        schema(tasksWithText + "CREATE INDEX tasks_owner_idx ON tasks (owner_id);\n");
        planWrites("add_tasks_owner_idx_index");

        schema((tasksWithText + "CREATE INDEX tasks_owner_idx ON tasks (owner_id);\n")
                .replace("    display_name text\n", "    full_name text -- automigrate:renamed-from display_name\n"));
        String renamed = planWrites("modify_users_full_name");
        assertTrue(renamed.contains("RENAME COLUMN display_name TO full_name"), renamed);

        schema("""
                CREATE TABLE users (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email text NOT NULL UNIQUE,
                    full_name text
                );
                """);
        Run dropping = automigrate("plan", "--format", "json");
        assertEquals(0, dropping.exit(), dropping.err());
        assertTrue(dropping.out().contains("\"code\" : \"AM101\""), "dropping a table is reported: " + dropping.out());
        assertTrue(dropping.out().contains("\"risk\" : \"high\""), dropping.out());

        // The whole history replays from empty to the schema (the proof did it; do it once more by hand).
        try (ShadowDatabase fresh = TestPostgres.newDatabase("replay"); Connection c = fresh.connect();
             LiquibaseRunner runner = LiquibaseRunner.forHistory(c, MigrationHistory.read(repo, "db/migrations", false))) {
            runner.update();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'")) {
                rs.next();
                assertEquals("databasechangelog,databasechangeloglock,users", rs.getString(1));
            }
        }
    }

    @Test
    void checkFailsOnlyWhenTheSchemaChangedWithoutAMigration() throws Exception {
        schema("CREATE TABLE users (id bigint PRIMARY KEY);\n");
        planWrites("add_users_table");
        Run clean = automigrate("plan", "--check");
        assertEquals(0, clean.exit(), clean.err());
        assertEquals("schema and migrations agree\n", clean.out());

        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        List<String> before = migrations();
        Run dirty = automigrate("plan", "--check");
        assertEquals(1, dirty.exit(), dirty.out());
        assertTrue(dirty.err().contains("the schema has changes that no migration covers"), dirty.err());
        assertEquals(before, migrations(), "--check writes nothing");
    }

    @Test
    void aPossibleRenameIsReportedOnceAsAFindingWithItsHintLine() throws Exception {
        schema("CREATE TABLE users (id bigint PRIMARY KEY, display_name text);\n");
        planWrites("add_users_table");
        schema("CREATE TABLE users (id bigint PRIMARY KEY, full_name text);\n");
        for (String format : List.of("text", "markdown", "json")) {
            Run run = automigrate("plan", "--check", "--format", format);
            assertEquals(1, run.exit(), run.out() + run.err());
            String report = run.out();
            assertTrue(report.contains("AM207"), report);
            assertTrue(report.contains("Hint line for full_name: -- automigrate:renamed-from display_name"), report);
            assertFalse(report.contains("possible rename of"), "no note repeats the finding:\n" + report);
        }
    }

    @Test
    void aSchemaThatGrantsToTheApplicationsRolesPlansOnTheEmbeddedServer() throws Exception {
        // The embedded shadow has none of the application's roles: plan creates them there so the GRANTs load.
        String role = "reporting_" + System.nanoTime();
        schema("CREATE TABLE report (id bigint PRIMARY KEY);\nGRANT SELECT ON report TO " + role + ";\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"plan"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AUTOMIGRATE_PROJECT_DIR", repo.toString()));
        assertEquals(0, exit, out + "\n" + err);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("wrote db/migrations/"), out.toString());
        assertEquals(1, migrations().size());
    }

    @Test
    void anObjectNoMigrationIsGeneratedForIsNamedUntilAHandWrittenMigrationMakesIt() throws Exception {
        schema("CREATE TABLE orders (id bigint PRIMARY KEY, city text, zip text);\n");
        planWrites("add_orders_table");
        List<String> before = migrations();
        schema("CREATE TABLE orders (id bigint PRIMARY KEY, city text, zip text, note text);\n"
                + "CREATE STATISTICS orders_city_zip (dependencies) ON city, zip FROM orders;\n");
        Run refused = automigrate("plan");
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("statistics public.orders_city_zip is in the desired schema only")
                && refused.err().contains("CREATE STATISTICS public.orders_city_zip (dependencies) ON city, zip"
                + " FROM public.orders;") && refused.err().contains("db/migrations"), refused.err());
        assertFalse(refused.err().contains("\tat "), "no stack trace: " + refused.err());
        assertEquals(before, migrations(), "nothing written");

        Files.writeString(repo.resolve("db/migrations/20990101000000_orders_statistics.sql"), """
                --liquibase formatted sql

                --changeset alice:orders-statistics
                CREATE STATISTICS orders_city_zip (dependencies) ON city, zip FROM orders;
                --rollback DROP STATISTICS orders_city_zip;
                """);
        Run rest = automigrate("plan");
        assertEquals(0, rest.exit(), rest.out() + rest.err());
        assertTrue(rest.out().startsWith("wrote db/migrations/"), rest.out());
        Run again = automigrate("plan");
        assertEquals("schema and migrations agree\n", again.out(), again.err());
    }

    @Test
    void aHandWrittenMigrationThatCoversTheEditIsAccepted() throws Exception {
        schema("CREATE TABLE users (id bigint PRIMARY KEY);\n");
        planWrites("add_users_table");
        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL DEFAULT '');\n");
        Files.writeString(repo.resolve("db/migrations/20990101000000_add_email_by_hand.sql"), """
                --liquibase formatted sql

                --changeset alice:add-email
                ALTER TABLE users ADD COLUMN email text;
                UPDATE users SET email = '' WHERE email IS NULL;
                ALTER TABLE users ALTER COLUMN email SET DEFAULT '';
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                --rollback ALTER TABLE users DROP COLUMN email;
                """);
        Run run = automigrate("plan");
        assertEquals(0, run.exit(), run.err());
        assertEquals("schema and migrations agree\n", run.out());
    }

    @Test
    void detectionSkipsTheDatabaseWhenNothingRelevantChanged() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            schema("CREATE TABLE users (id bigint PRIMARY KEY);\n");
            planWrites("add_users_table");
            RevCommit base = commit(git, "schema");
            Files.writeString(repo.resolve("README.md"), "docs\n");
            RevCommit docs = commit(git, "docs");
            Run run = automigrate("plan", "--base", base.name(), "--head", docs.name());
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("no schema changes"), run.out());
        }
    }

    @Test
    void branchesMergedWithTheSameColumnAreReported() throws Exception {
        schema("CREATE TABLE users (id bigint PRIMARY KEY);\n");
        planWrites("add_users_table");
        String branchA = """
                --liquibase formatted sql

                --changeset automigrate:20990101000000_add_users_email splitStatements:false rollbackSplitStatements:false
                ALTER TABLE public.users ADD COLUMN email text;
                --rollback ALTER TABLE public.users DROP COLUMN email;
                """;
        Files.writeString(repo.resolve("db/migrations/20990101000000_add_users_email.sql"), branchA);
        Files.writeString(repo.resolve("db/migrations/20990102000000_add_users_email_2.sql"),
                branchA.replace("20990101000000_add_users_email", "20990102000000_add_users_email_2"));
        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Run run = automigrate("plan");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("does not replay"), run.err());
        assertTrue(run.err().contains("column \"email\" of relation \"users\" already exists"), run.err());
    }

    @Test
    void branchesMergedWithDifferentChangesStillConverge() throws Exception {
        schema("CREATE TABLE users (id bigint PRIMARY KEY);\n");
        planWrites("add_users_table");
        // Two branches each planned a column; after the merge both files are in the history.
        Files.writeString(repo.resolve("db/migrations/20990101000000_add_users_email.sql"), """
                --liquibase formatted sql

                --changeset automigrate:20990101000000_add_users_email splitStatements:false rollbackSplitStatements:false
                ALTER TABLE public.users ADD COLUMN email text;
                --rollback ALTER TABLE public.users DROP COLUMN email;
                """);
        Files.writeString(repo.resolve("db/migrations/20990102000000_add_users_name.sql"), """
                --liquibase formatted sql

                --changeset automigrate:20990102000000_add_users_name splitStatements:false rollbackSplitStatements:false
                ALTER TABLE public.users ADD COLUMN name text;
                --rollback ALTER TABLE public.users DROP COLUMN name;
                """);
        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n");
        Run merged = automigrate("plan");
        assertEquals("schema and migrations agree\n", merged.out(), merged.err());
        // The next edit converges from the merged history.
        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);\n");
        String next = planWrites("modify_users_email");
        assertTrue(next.contains("ALTER COLUMN email SET NOT NULL"), next);
    }

    @Test
    void anExistingLiquibaseChangelogIsReplayed() throws Exception {
        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Files.writeString(repo.resolve("db/changelog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                  <changeSet id="1" author="legacy">
                    <createTable tableName="users">
                      <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                    </createTable>
                  </changeSet>
                </databaseChangeLog>
                """);
        Files.writeString(repo.resolve("automigrate.yml"), "changelog: db/changelog.xml\n");
        Run run = automigrate("plan", "--check");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("ALTER TABLE public.users ADD COLUMN email text;"), run.out());
        assertFalse(run.out().contains("CREATE TABLE"), "the changelog's table is known: " + run.out());
    }

    @Test
    void aProductionEnvironmentGetsTheOnlineFormAndItsProofPasses() throws Exception {
        Files.writeString(repo.resolve("automigrate.yml"), """
                environments:
                  staging:
                    lock-timeout: 10s
                  production:
                    production: true
                    lock-timeout: 3s
                """);
        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text, team text);\n");
        String table = planWrites("add_users_table");
        assertTrue(table.contains("SET LOCAL lock_timeout = '3s';\nCREATE TABLE public.users"), table);

        schema("""
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, team text);
                CREATE INDEX users_email_idx ON users (email);
                """);
        Run findings = automigrate("plan", "--check", "--format", "json");
        assertTrue(findings.out().contains("\"code\" : \"AM302\""), "rows may still hold NULLs: " + findings.out());
        assertFalse(findings.out().contains("AM405") || findings.out().contains("AM401"),
                "the online form takes no long lock: " + findings.out());
        String online = planWrites("auto_schema_update_\\d{14}");
        assertTrue(online.contains("""
                runInTransaction:false rollbackSplitStatements:false splitStatements:true
                --comment: generated from db/schema.sql
                SET lock_timeout = 0;
                DROP INDEX CONCURRENTLY IF EXISTS public.users_email_idx;
                CREATE INDEX CONCURRENTLY users_email_idx ON public.users USING btree (email);
                --rollback DROP INDEX CONCURRENTLY public.users_email_idx;
                """), online);
        assertTrue(online.contains("ADD CONSTRAINT email_not_null CHECK (email IS NOT NULL) NOT VALID;"), online);
        assertTrue(online.contains("SET LOCAL lock_timeout = '3s';\nALTER TABLE public.users VALIDATE CONSTRAINT "
                + "email_not_null;\n--rollback"), "the validation runs in a changeset of its own: " + online);
        assertTrue(online.contains("ALTER COLUMN email SET NOT NULL;\nALTER TABLE public.users DROP CONSTRAINT "
                + "email_not_null;"), online);

        // --no-online writes the plain forms, without lock_timeout.
        schema("""
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, team text);
                CREATE INDEX users_email_idx ON users (email);
                CREATE INDEX users_team_idx ON users (team);
                """);
        Run plain = automigrate("plan", "--no-online");
        assertEquals(0, plain.exit(), plain.out() + plain.err());
        String added = migrations().stream().filter(f -> f.endsWith("_add_users_team_idx_index.sql")).findFirst()
                .orElseThrow();
        String plainText = Files.readString(repo.resolve("db/migrations").resolve(added));
        assertTrue(plainText.contains("\nCREATE INDEX users_team_idx ON public.users USING btree (team);\n"), plainText);
        assertFalse(plainText.contains("lock_timeout"), plainText);
    }

    @Test
    void onlineIsOffWithoutAProductionEnvironmentAndOnWithTheFlag() throws Exception {
        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        String table = planWrites("add_users_table");
        assertFalse(table.contains("lock_timeout"), table);
        schema("CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);\n");
        Run online = automigrate("plan", "--online", "--format", "json");
        assertEquals(0, online.exit(), online.out() + online.err());
        String file = migrations().stream().filter(f -> !f.endsWith("_add_users_table.sql")).findFirst().orElseThrow();
        String text = Files.readString(repo.resolve("db/migrations").resolve(file));
        assertTrue(text.contains("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users USING btree (email);"),
                text);
        assertTrue(text.contains("ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;"), text);
        assertTrue(text.contains("SET LOCAL lock_timeout = '5s';"), "the default lock-timeout: " + text);
    }

    @Test
    void aColumnDeclaredInTheMiddleIsNotedUnlessAutomigrateYmlAsksForTheRewrite() throws Exception {
        schema("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL);\n");
        planWrites("add_notes_table");
        schema("CREATE TABLE notes (id bigint PRIMARY KEY, title text, body text NOT NULL);\n");
        Run noted = automigrate("plan");
        assertEquals(0, noted.exit(), noted.out() + noted.err());
        assertTrue(noted.out().contains("column order differs in public.notes: title is placed last"), noted.out());
        String added = Files.readString(repo.resolve("db/migrations").resolve(migrations().get(1)));
        assertTrue(added.contains("ALTER TABLE public.notes ADD COLUMN title text;"), added);
        assertFalse(added.contains("automigrate_rows_of"), added);

        // Asked for, the next plan puts the columns in the declared order, proven like every plan; the plan after it
        // (in planWrites) says exactly "schema and migrations agree", so no column-order note is left.
        Files.writeString(repo.resolve("automigrate.yml"), "column-order: rewrite\n");
        Run check = automigrate("plan", "--check", "--no-rewrite-column-order");
        assertEquals(0, check.exit(), "the flag overrides automigrate.yml: " + check.out() + check.err());
        String rewrite = planWrites("\\w+");
        assertTrue(rewrite.contains("CREATE TABLE public.automigrate_rows_of_notes AS SELECT id, title, body FROM "
                + "public.notes;"), rewrite);
        assertTrue(rewrite.contains("INSERT INTO public.notes (id, title, body) SELECT * FROM "
                + "public.automigrate_rows_of_notes;"), rewrite);
        assertTrue(rewrite.contains("--rollback"), rewrite);
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }
}
