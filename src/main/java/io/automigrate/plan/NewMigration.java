package io.automigrate.plan;

import io.automigrate.AutomigrateException;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationFormat;
import io.automigrate.migrate.MigrationHistory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The generated migration, before it is written: kept in a temporary project folder at the same relative path it
 * will have, so Liquibase applies and records it exactly as it will in a real deploy. {@code history} holds it
 * alone, read back in the folder's format.
 */
record NewMigration(Path tempRoot, MigrationHistory history) implements AutoCloseable {

    static NewMigration write(String relativePath, MigrationFile file, String text) {
        try {
            Path root = Files.createTempDirectory("automigrate-plan");
            Path target = root.resolve(relativePath);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
            String directory = relativePath.substring(0, relativePath.lastIndexOf('/'));
            return new NewMigration(root, new MigrationHistory(root, directory, List.of(file), ""));
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot write a temporary migration file: " + e.getMessage());
        }
    }

    /**
     * A migration in another tool's format: the folder is copied with {@code files} (relative to the project root)
     * added and read back as that tool's folder, so the proof runs what the files will say. Where the format has no
     * place for a rollback, the one written as a comment ({@code rollback}) is proven as if it ran.
     */
    static NewMigration write(MigrationHistory existing, Map<String, String> files, String rollback) {
        Path root;
        try {
            root = Files.createTempDirectory("automigrate-plan");
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot write a temporary migration file: " + e.getMessage());
        }
        try {
            Path from = existing.root().resolve(existing.directory());
            Path to = root.resolve(existing.directory());
            Files.createDirectories(to);
            if (Files.isDirectory(from)) {
                try (Stream<Path> walk = Files.walk(from)) {
                    for (Path p : walk.toList()) {
                        Path target = to.resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) Files.createDirectories(target);
                        else Files.copy(p, target);
                    }
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = root.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue());
            }
            MigrationHistory all = MigrationHistory.read(root, existing.directory(), existing.format(), false);
            Set<String> before = new HashSet<>(existing.fileNames());
            int index = -1;
            for (int i = 0; i < all.files().size(); i++) {
                if (!before.contains(all.files().get(i).fileName())) index = i;
            }
            if (index < 0) throw new IllegalStateException("the new migration is not read back from its folder");
            MigrationFormat.Migration m = all.migrations().get(index);
            if (m.rollback() == null && rollback != null && !rollback.isBlank()) {
                m = new MigrationFormat.Migration(m.id(), m.path(), m.sql(), rollback, m.runInTransaction(), m.line(),
                        m.path(), m.line());
            }
            MigrationHistory added = new MigrationHistory(root, existing.directory(), existing.format(),
                    List.of(new MigrationFile(m.path(), List.of(existing.format().changeset(m)))), List.of(m), "");
            return new NewMigration(root, added);
        } catch (IOException | RuntimeException e) {
            io.automigrate.TempFolders.deleteQuietly(root);
            if (e instanceof AutomigrateException a) throw a;
            throw AutomigrateException.badInput("cannot write a temporary copy of the migrations: " + e.getMessage());
        }
    }

    MigrationFile file() {
        return history.files().get(0);
    }

    LiquibaseRunner runner(Connection connection) {
        return LiquibaseRunner.forHistory(connection, history);
    }

    @Override
    public void close() {
        io.automigrate.TempFolders.deleteQuietly(tempRoot);
    }
}
