package io.automigrate.state;

import io.automigrate.source.SqlFile;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaStateTest {
    @TempDir
    Path dir;

    @Test
    void empty_and_urls() {
        assertInstanceOf(SchemaState.Empty.class, SchemaState.parse("empty"));
        var url = assertInstanceOf(SchemaState.Live.class,
                SchemaState.parse("postgres://app:pw123@db.example.com:6543/shop"));
        assertEquals("db.example.com", url.url().host());
        assertEquals(6543, url.url().port());
        assertEquals("postgresql://app@db.example.com:6543/shop", url.describe());
        assertInstanceOf(SchemaState.Live.class, SchemaState.parse("postgresql://localhost/x"));
    }

    /**
     * Prisma's own layout: the folder of a multi-file schema also holds prisma/migrations with migration.sql files,
     * which are not schema; the folder is still a Prisma schema, and it keeps what Prisma cannot express.
     */
    @Test
    void a_prisma_folder_beside_its_migrations_is_a_prisma_schema() throws Exception {
        Path prisma = dir.resolve("prisma");
        Files.createDirectories(prisma.resolve("migrations/20240101000000_init"));
        Files.createDirectories(prisma.resolve("models"));
        Files.writeString(prisma.resolve("schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n}\n");
        Files.writeString(prisma.resolve("models/user.prisma"), "model User {\n  id Int @id\n}\n");
        Files.writeString(prisma.resolve("migrations/20240101000000_init/migration.sql"),
                "CREATE TABLE \"Other\" (id int);\n");
        var source = assertInstanceOf(SchemaState.Files.class, SchemaState.parse(prisma.toString()));
        assertEquals(List.of(prisma + " (mapped to SQL)"), source.files().stream().map(SqlFile::displayName).toList());
        String sql = source.files().get(0).read();
        assertTrue(sql.contains("CREATE TABLE \"User\"") && !sql.contains("Other"), sql);
        assertTrue(source.kept() != null && source.kept().language().equals("schema.prisma"));
        assertEquals(null, source.keepingNothing().kept());
        // A .sql file outside migrations/ makes it a folder of SQL files, as before.
        Files.writeString(prisma.resolve("extra.sql"), "CREATE TABLE extra (id int);\n");
        var sqlFolder = assertInstanceOf(SchemaState.Files.class, SchemaState.parse(prisma.toString()));
        assertEquals(null, sqlFolder.kept());
    }

    @Test
    void file_and_directory_in_lexical_order_of_relative_paths() throws Exception {
        Path schema = dir.resolve("schema");
        Files.createDirectories(schema.resolve("b"));
        Files.createDirectories(schema.resolve("a"));
        for (String name : List.of("b/01.sql", "a/02.sql", "a/01.sql", "10.sql", "02.sql", "notes.txt")) {
            Files.writeString(schema.resolve(name), "");
        }
        var source = assertInstanceOf(SchemaState.Files.class, SchemaState.parse(schema.toString()));
        List<String> names = source.files().stream().map(SqlFile::displayName).toList();
        String p = schema + "/";
        assertEquals(List.of(p + "02.sql", p + "10.sql", p + "a/01.sql", p + "a/02.sql", p + "b/01.sql"), names);

        var file = assertInstanceOf(SchemaState.Files.class, SchemaState.parse(p + "a/01.sql"));
        assertEquals(List.of(new SqlFile(p + "a/01.sql", schema.resolve("a/01.sql"))), file.files());
    }

    @Test
    void anything_else_is_bad_input() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "");
        for (String given : List.of("mysql://localhost/db", text.toString(), "", "schema.yaml")) {
            var e = assertThrows(AutomigrateException.class, () -> SchemaState.parse(given));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertEquals("cannot read source '" + given + "': expected empty, a .sql file, a directory of .sql "
                    + "files, a .prisma schema or a postgresql:// URL", e.getMessage());
        }
    }

    @Test
    void directory_without_sql_files_is_refused() throws Exception {
        Files.writeString(dir.resolve("README.md"), "");
        var e = assertThrows(AutomigrateException.class, () -> SchemaState.parse(dir.toString()));
        assertEquals("cannot read source '" + dir + "': the directory holds no .sql files", e.getMessage());
    }

    @Test
    void missing_sql_file_is_named() {
        var e = assertThrows(AutomigrateException.class, () -> SchemaState.parse(dir + "/nope.sql"));
        assertEquals("cannot read source '" + dir + "/nope.sql': file not found", e.getMessage());
    }
}
