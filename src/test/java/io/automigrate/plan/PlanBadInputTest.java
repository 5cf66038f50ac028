package io.automigrate.plan;

import io.automigrate.cli.Main;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input to {@code plan}: exit 2, a message naming the file (and line), and nothing written. */
class PlanBadInputTest {
    @TempDir
    Path repo;

    private static final String GOOD_MIGRATION = """
            --liquibase formatted sql

            --changeset automigrate:20260101000000_add_users_table
            CREATE TABLE users (id bigint PRIMARY KEY);
            --rollback DROP TABLE users;
            """;

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(repo.resolve("db/migrations"));
        Files.writeString(repo.resolve("db/schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Files.writeString(repo.resolve("db/migrations/20260101000000_add_users_table.sql"), GOOD_MIGRATION);
    }

    private String fails(String... extraArgs) throws Exception {
        List<String> before = files();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (ShadowDatabase admin = TestPostgres.newDatabase("admin")) {
            String[] args = Stream.concat(Stream.of("plan", "--shadow", "url", "--shadow-url", admin.url().display()),
                    Stream.of(extraArgs)).toArray(String[]::new);
            exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AUTOMIGRATE_PROJECT_DIR", repo.toString()));
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, "stdout: " + out + "\nstderr: " + message);
        assertEquals(before, files(), "bad input writes nothing");
        return message;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> walk = Files.walk(repo)) {
            return walk.filter(Files::isRegularFile).map(p -> repo.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void schemaWithASyntaxError() throws Exception {
        Files.writeString(repo.resolve("db/schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n\nCREATE TABLE tasks (\n  id bigint,,\n);\n");
        String message = fails();
        assertTrue(message.contains("db/schema.sql:4:13:") && message.contains("syntax error"), message);
    }

    @Test
    void typeChangeWithoutAnyCast() throws Exception {
        Files.writeString(repo.resolve("db/schema.sql"), "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n"
                + "  created_at timestamp with time zone\n);\n");
        Files.writeString(repo.resolve("db/migrations/20260102000000_add_users_created_at.sql"), """
                --liquibase formatted sql

                --changeset automigrate:20260102000000_add_users_created_at
                ALTER TABLE users ADD COLUMN created_at bigint;
                --rollback ALTER TABLE users DROP COLUMN created_at;
                """);
        String message = fails();
        assertTrue(message.contains("db/schema.sql:3: column public.users.created_at changes from bigint to "
                + "timestamp with time zone, and PostgreSQL has no cast between them"), message);
        assertTrue(message.contains("-- automigrate:using <expression of created_at giving timestamp with time zone>;"
                + " rollback <expression of created_at giving bigint>"), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void typeChangeWhoseRollbackHasNoCast() throws Exception {
        Files.writeString(repo.resolve("db/schema.sql"), "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n"
                + "  created_at timestamp with time zone -- automigrate:using to_timestamp(created_at)\n);\n");
        Files.writeString(repo.resolve("db/migrations/20260102000000_add_users_created_at.sql"), """
                --liquibase formatted sql

                --changeset automigrate:20260102000000_add_users_created_at
                ALTER TABLE users ADD COLUMN created_at bigint;
                --rollback ALTER TABLE users DROP COLUMN created_at;
                """);
        String message = fails();
        assertTrue(message.contains("db/schema.sql:3: column public.users.created_at changes from bigint to "
                + "timestamp with time zone with automigrate:using, but PostgreSQL has no cast back"), message);
        assertTrue(message.contains("; rollback <expression of created_at giving bigint>"), message);
    }

    @Test
    void schemaWithAnUnknownType() throws Exception {
        Files.writeString(repo.resolve("db/schema.sql"), "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  mood bogus\n);\n");
        String message = fails();
        assertTrue(message.contains("db/schema.sql:3:8:") && message.contains("type \"bogus\" does not exist"), message);
    }

    @Test
    void missingSchemaFile() throws Exception {
        Files.delete(repo.resolve("db/schema.sql"));
        String message = fails();
        assertTrue(message.contains("db/schema.sql: schema not found"), message);
    }

    @Test
    void emptySchema() throws Exception {
        Files.writeString(repo.resolve("db/schema.sql"), "-- nothing yet\n\n");
        String message = fails();
        assertTrue(message.contains("db/schema.sql: the schema is empty"), message);
    }

    @Test
    void migrationsDirectoryMissing() throws Exception {
        Files.delete(repo.resolve("db/migrations/20260101000000_add_users_table.sql"));
        Files.delete(repo.resolve("db/migrations"));
        String message = fails();
        assertTrue(message.contains("db/migrations: migrations directory not found"), message);
    }

    @Test
    void migrationThatIsNotFormattedSql() throws Exception {
        Files.writeString(repo.resolve("db/migrations/20260102000000_plain.sql"), "ALTER TABLE users ADD COLUMN x int;\n");
        String message = fails();
        assertTrue(message.contains("db/migrations/20260102000000_plain.sql:1: not a Liquibase formatted SQL file"), message);
    }

    @Test
    void duplicateChangesetIds() throws Exception {
        Files.writeString(repo.resolve("db/migrations/20260102000000_again.sql"), GOOD_MIGRATION);
        String message = fails();
        assertTrue(message.contains("db/migrations/20260102000000_again.sql:3: changeset id "
                + "'automigrate:20260101000000_add_users_table' is already used"), message);
    }

    @Test
    void nonUtf8File() throws Exception {
        Files.write(repo.resolve("db/schema.sql"), "CREATE TABLE caf\u00e9 (id int);\n".getBytes(StandardCharsets.ISO_8859_1));
        String message = fails();
        assertTrue(message.contains("db/schema.sql:1: not UTF-8"), message);
    }

    @Test
    void schemaFileWithNulBytesIsSaidToBeBinary() throws Exception {
        byte[] text = "CREATE TABLE users (id bigint PRIMARY KEY);\n".getBytes(StandardCharsets.UTF_8);
        byte[] binary = java.util.Arrays.copyOf(text, text.length + 4);
        binary[text.length + 1] = 1;
        Files.write(repo.resolve("db/schema.sql"), binary);
        String message = fails();
        assertTrue(message.contains("db/schema.sql:2: is a binary file"), message);
        assertFalse(message.contains("invalid message format"), message);
    }

    @Test
    void configWithAnUnknownKey() throws Exception {
        Files.writeString(repo.resolve("automigrate.yml"), "schema: db/schema.sql\nmigration: db/migrations\n");
        String message = fails();
        assertTrue(message.contains("automigrate.yml:2:1: unknown key 'migration'"), message);
    }

    @Test
    void configWithAWrongType() throws Exception {
        Files.writeString(repo.resolve("automigrate.yml"), "shadow:\n  pg-version: latest\n");
        String message = fails();
        assertTrue(message.contains("automigrate.yml:2:") && message.contains("'shadow.pg-version'"), message);
    }
}
