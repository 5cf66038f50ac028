package io.automigrate.plan;

import io.automigrate.AutomigrateException;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * The generated migration, before it is written: kept in a temporary project folder at the same relative path it
 * will have, so Liquibase applies and records it exactly as it will in a real deploy.
 */
record NewMigration(Path tempRoot, String relativePath, MigrationFile file) implements AutoCloseable {

    static NewMigration write(String relativePath, MigrationFile file, String text) {
        try {
            Path root = Files.createTempDirectory("automigrate-plan");
            Path target = root.resolve(relativePath);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
            return new NewMigration(root, relativePath, file);
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot write a temporary migration file: " + e.getMessage());
        }
    }

    LiquibaseRunner runner(Connection connection) {
        String directory = relativePath.substring(0, relativePath.lastIndexOf('/'));
        return LiquibaseRunner.forHistory(connection, new MigrationHistory(tempRoot, directory, List.of(file), ""));
    }

    @Override
    public void close() {
        io.automigrate.TempFolders.deleteQuietly(tempRoot);
    }
}
