package io.automigrate.migrate;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.migrate.MigrationFormat.Migration;
import io.automigrate.migrate.MigrationFormat.NewFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each migration folder format read as the tool applies it, and the next migration written in its naming. */
class MigrationFormatTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    @TempDir
    Path dir;

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> ids(List<Migration> migrations) {
        return migrations.stream().map(Migration::id).toList();
    }

    @Test
    void prisma_folders_in_timestamp_order_without_rollback() throws Exception {
        write("20240102000000_add_posts/migration.sql", "CREATE TABLE posts (id int);\n");
        write("20240101000000_init/migration.sql", "-- CreateTable\nCREATE TABLE users (id int);\n");
        write("migration_lock.toml", "provider = \"postgresql\"\n");
        List<Migration> m = MigrationFormat.PRISMA.read(dir, "prisma/migrations");
        assertEquals(List.of("20240101000000_init", "20240102000000_add_posts"), ids(m));
        assertEquals("20240101000000_init/migration.sql", m.get(0).path());
        assertEquals("-- CreateTable\nCREATE TABLE users (id int);\n", m.get(0).sql());
        assertNull(m.get(0).rollback());
        assertTrue(m.get(0).runInTransaction());

        List<NewFile> next = MigrationFormat.PRISMA.write(dir, "add_tags", NOW, "CREATE TABLE tags (id int);",
                "DROP TABLE tags;");
        assertEquals(1, next.size());
        assertEquals("20261203101530_add_tags/migration.sql", next.get(0).path());
        assertTrue(next.get(0).text().startsWith("CREATE TABLE tags (id int);\n"));
        assertTrue(next.get(0).text().contains("-- DROP TABLE tags;"), next.get(0).text());
    }

    @Test
    void prisma_folder_with_a_stray_file_or_a_missing_migration_sql_is_refused() throws Exception {
        Files.createDirectories(dir.resolve("20240101000000_init"));
        var e = assertThrows(AutomigrateException.class, () -> MigrationFormat.PRISMA.read(dir, "prisma/migrations"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("prisma/migrations/20240101000000_init/migration.sql: missing: each Prisma migration folder "
                + "holds migration.sql", e.getMessage());
    }

    @Test
    void flyway_versions_compare_numerically_with_undo_and_repeatables_last() throws Exception {
        write("V10__later.sql", "CREATE TABLE c (id int);");
        write("V2__second.sql", "CREATE TABLE b (id int);");
        write("V1.1__first_fix.sql", "CREATE TABLE a2 (id int);");
        write("V1__first.sql", "CREATE TABLE a (id int);");
        write("U2__second.sql", "DROP TABLE b;");
        write("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        write("README.md", "notes");
        List<Migration> m = MigrationFormat.FLYWAY.read(dir, "db/migration");
        assertEquals(List.of("V1__first", "V1.1__first_fix", "V2__second", "V10__later", "R__views"), ids(m));
        assertEquals("DROP TABLE b;", m.get(2).rollback());
        assertNull(m.get(0).rollback());

        List<NewFile> next = MigrationFormat.FLYWAY.write(dir, "add_d", NOW, "CREATE TABLE d (id int);", "DROP TABLE d;");
        assertEquals(List.of("V11__add_d.sql", "U11__add_d.sql"), next.stream().map(NewFile::path).toList());
    }

    @Test
    void flyway_file_with_a_bad_name_is_refused() throws Exception {
        write("create_users.sql", "CREATE TABLE users (id int);");
        var e = assertThrows(AutomigrateException.class, () -> MigrationFormat.FLYWAY.read(dir, "db/migration"));
        assertTrue(e.getMessage().startsWith("db/migration/create_users.sql: Flyway files are named"), e.getMessage());
    }

    @Test
    void golang_migrate_pairs_up_and_down_by_version() throws Exception {
        write("000002_add_email.up.sql", "ALTER TABLE users ADD COLUMN email text;");
        write("000002_add_email.down.sql", "ALTER TABLE users DROP COLUMN email;");
        write("000001_create_users.up.sql", "CREATE TABLE users (id int);");
        write("000010_index.up.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);");
        List<Migration> m = MigrationFormat.GOLANG_MIGRATE.read(dir, "migrations");
        assertEquals(List.of("000001_create_users", "000002_add_email", "000010_index"), ids(m));
        assertEquals("ALTER TABLE users DROP COLUMN email;", m.get(1).rollback());
        assertFalse(m.get(2).runInTransaction(), "CREATE INDEX CONCURRENTLY cannot run in a transaction");

        List<NewFile> next = MigrationFormat.GOLANG_MIGRATE.write(dir, "add_name", NOW, "ALTER TABLE users ADD name text;",
                "ALTER TABLE users DROP name;");
        assertEquals(List.of("000011_add_name.up.sql", "000011_add_name.down.sql"),
                next.stream().map(NewFile::path).toList());
        assertEquals("ALTER TABLE users DROP name;\n", next.get(1).text());
    }

    @Test
    void golang_migrate_down_without_up_is_refused() throws Exception {
        write("000001_x.down.sql", "DROP TABLE x;");
        var e = assertThrows(AutomigrateException.class, () -> MigrationFormat.GOLANG_MIGRATE.read(dir, "migrations"));
        assertTrue(e.getMessage().contains("a down migration without its up migration"), e.getMessage());
    }

    @Test
    void dbmate_sections_and_transaction_option() throws Exception {
        write("20240101000000_users.sql", """
                -- migrate:up
                CREATE TABLE users (id int);

                -- migrate:down
                DROP TABLE users;
                """);
        write("20240102000000_index.sql", """
                -- migrate:up transaction:false
                CREATE INDEX CONCURRENTLY users_id ON users (id);

                -- migrate:down
                """);
        List<Migration> m = MigrationFormat.DBMATE.read(dir, "db/migrations");
        assertEquals(List.of("20240101000000_users", "20240102000000_index"), ids(m));
        assertEquals("CREATE TABLE users (id int);\n\n", m.get(0).sql());
        assertEquals(2, m.get(0).line());
        assertEquals("DROP TABLE users;\n\n", m.get(0).rollback());
        assertFalse(m.get(1).runInTransaction());
        assertNull(m.get(1).rollback());

        List<NewFile> next = MigrationFormat.DBMATE.write(dir, "add_email", NOW, "ALTER TABLE users ADD email text;",
                "ALTER TABLE users DROP email;");
        assertEquals("20261203101530_add_email.sql", next.get(0).path());
        assertEquals("-- migrate:up\nALTER TABLE users ADD email text;\n\n-- migrate:down\nALTER TABLE users DROP email;\n",
                next.get(0).text());
    }

    @Test
    void dbmate_file_without_up_section_is_refused_at_line_one() throws Exception {
        write("20240101000000_users.sql", "CREATE TABLE users (id int);\n");
        var e = assertThrows(AutomigrateException.class, () -> MigrationFormat.DBMATE.read(dir, "db/migrations"));
        assertEquals("db/migrations/20240101000000_users.sql:1: no '-- migrate:up' section: dbmate migrations start "
                + "with it", e.getMessage());
    }

    @Test
    void drizzle_follows_its_journal_and_appends_to_it() throws Exception {
        write("meta/_journal.json", """
                {"version": "7", "dialect": "postgresql", "entries": [
                  {"idx": 1, "version": "7", "when": 1700000001000, "tag": "0001_tidy_posts", "breakpoints": true},
                  {"idx": 0, "version": "7", "when": 1700000000000, "tag": "0000_init", "breakpoints": true}
                ]}
                """);
        write("0000_init.sql", "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY);\n--> statement-breakpoint\n"
                + "CREATE TABLE \"posts\" (\"id\" serial PRIMARY KEY);\n");
        write("0001_tidy_posts.sql", "ALTER TABLE \"posts\" ADD COLUMN \"title\" text;\n");
        List<Migration> m = MigrationFormat.DRIZZLE.read(dir, "drizzle");
        assertEquals(List.of("0000_init", "0001_tidy_posts"), ids(m));

        List<NewFile> next = MigrationFormat.DRIZZLE.write(dir, "add_body", NOW,
                "ALTER TABLE posts ADD body text;\nCREATE INDEX posts_body ON posts (body);", null);
        assertEquals("0002_add_body.sql", next.get(0).path());
        assertEquals("ALTER TABLE posts ADD body text;\n--> statement-breakpoint\nCREATE INDEX posts_body ON posts (body);\n",
                next.get(0).text());
        assertEquals("meta/_journal.json", next.get(1).path());
        assertTrue(next.get(1).text().contains("\"tag\" : \"0002_add_body\""), next.get(1).text());
    }

    @Test
    void drizzle_without_journal_says_what_to_do() {
        var e = assertThrows(AutomigrateException.class, () -> MigrationFormat.DRIZZLE.read(dir, "drizzle"));
        assertTrue(e.getMessage().startsWith("drizzle/meta/_journal.json: missing"), e.getMessage());
    }

    @Test
    void plain_numbered_files_in_name_order() throws Exception {
        write("002_posts.sql", "CREATE TABLE posts (id int);");
        write("001_users.sql", "CREATE TABLE users (id int);");
        List<Migration> m = MigrationFormat.PLAIN.read(dir, "sql");
        assertEquals(List.of("001_users", "002_posts"), ids(m));
        List<NewFile> next = MigrationFormat.PLAIN.write(dir, "add_tags", NOW, "CREATE TABLE tags (id int);", null);
        assertEquals("003_add_tags.sql", next.get(0).path());
    }

    @Test
    void an_empty_folder_gets_timestamped_names() {
        assertEquals("20261203101530_init.sql",
                MigrationFormat.PLAIN.write(dir, "init", NOW, "SELECT 1;", null).get(0).path());
        assertEquals("V20261203101530__init.sql",
                MigrationFormat.FLYWAY.write(dir, "init", NOW, "SELECT 1;", null).get(0).path());
    }

    @Test
    void each_migration_becomes_a_changeset_named_after_its_file_with_the_format_as_author() throws Exception {
        write("000001_create_users.up.sql", "CREATE TABLE users (id int);");
        Changeset c = MigrationFormat.GOLANG_MIGRATE.changeset(MigrationFormat.GOLANG_MIGRATE.read(dir, "m").get(0));
        assertEquals("golang-migrate", c.author());
        assertEquals("000001_create_users", c.id());
    }

    @Test
    void unknown_format_names_the_known_ones() {
        var e = assertThrows(AutomigrateException.class, () -> MigrationFormat.named("rails", "automigrate.yml:3"));
        assertEquals("automigrate.yml:3: unknown migrations format 'rails': expected one of liquibase, prisma, flyway, "
                + "golang-migrate, dbmate, drizzle, plain", e.getMessage());
    }
}
