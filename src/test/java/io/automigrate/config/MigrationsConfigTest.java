package io.automigrate.config;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.migrate.MigrationFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code migrations}: a path, or {@code {dir, format}}; an unknown format or a folder of another look is exit 2. */
class MigrationsConfigTest {
    @TempDir
    Path root;

    private Config load(String yaml) throws IOException {
        Files.writeString(root.resolve("automigrate.yml"), yaml);
        return ConfigLoader.load(root, Map.of());
    }

    private String failure(String yaml) throws IOException {
        Files.writeString(root.resolve("automigrate.yml"), yaml);
        AutomigrateException e = assertThrows(AutomigrateException.class, () -> ConfigLoader.load(root, Map.of()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }

    private void file(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void aPathIsLiquibaseAndAMappingNamesTheFormat() throws IOException {
        Config plain = load("migrations: database/migrations\n");
        assertEquals("database/migrations", plain.migrations());
        assertEquals(MigrationFormat.LIQUIBASE, plain.migrationFormat());

        Config prisma = load("schema: prisma/schema.prisma\nmigrations:\n  dir: prisma/migrations\n  format: prisma\n");
        assertEquals("prisma/migrations", prisma.migrations());
        assertEquals(MigrationFormat.PRISMA, prisma.migrationFormat());

        Config flow = load("migrations: {format: golang-migrate}\n");
        assertEquals("db/migrations", flow.migrations());
        assertEquals(MigrationFormat.GOLANG_MIGRATE, flow.migrationFormat());

        // The environment overrides the folder and keeps the format.
        Config overridden = ConfigLoader.applyEnvironment(prisma, Map.of("AUTOMIGRATE_MIGRATIONS", "other"));
        assertEquals("other", overridden.migrations());
        assertEquals(MigrationFormat.PRISMA, overridden.migrationFormat());
    }

    @Test
    void anUnknownFormatNamesTheLineAndTheKnownOnes() throws IOException {
        String message = failure("schema: db/schema.sql\nmigrations:\n  dir: db/migrations\n  format: alembic\n");
        assertTrue(message.startsWith("automigrate.yml:4:"), message);
        assertTrue(message.contains("'migrations.format' has an invalid value 'alembic'"), message);
        assertTrue(message.contains("liquibase, prisma, flyway, golang-migrate, dbmate, drizzle, plain"), message);
    }

    @Test
    void anUnknownKeyUnderMigrations() throws IOException {
        String message = failure("migrations:\n  directory: db/migrations\n");
        assertTrue(message.startsWith("automigrate.yml:2:"), message);
        assertTrue(message.contains("unknown key 'directory'"), message);
        assertTrue(message.contains("dir, format"), message);
    }

    @Test
    void aFolderThatLooksLikeAnotherToolsIsRefusedAtTheSetting() throws IOException {
        file("db/migration/V1__init.sql", "CREATE TABLE a (id int);\n");
        String message = failure("migrations:\n  dir: db/migration\n  format: prisma\n");
        assertTrue(message.startsWith("automigrate.yml:1:1: 'migrations' is in format prisma, but db/migration looks "
                + "like a flyway folder"), message);
        assertTrue(message.contains("format: flyway"), message);

        file("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE a (id int);\n");
        String prisma = failure("schema: db/schema.sql\nmigrations: prisma/migrations\n");
        assertTrue(prisma.startsWith("automigrate.yml:2:1: 'migrations' is in format liquibase, but prisma/migrations "
                + "looks like a prisma folder"), prisma);

        file("db/migrations/000001_init.up.sql", "CREATE TABLE a (id int);\n");
        assertEquals(MigrationFormat.GOLANG_MIGRATE,
                load("migrations: {dir: db/migrations, format: golang-migrate}\n").migrationFormat());
    }
}
