package io.automigrate.deploy;

import java.util.List;

/**
 * {@code automigrate init}: the schema file and baseline migration written (paths relative to the project), how many
 * statements they hold, the earlier migration files replaced with {@code --force}, and the diff's notes.
 * {@code adopted}: nothing was written; the database matched the existing history ({@code migrationFile} is then the
 * migrations directory and {@code statements} its number of files), which was recorded as applied there.
 */
public record BaselineResult(String database, String schemaFile, String migrationFile, int statements,
                             List<String> replacedMigrations, List<String> notes, boolean adopted) {
    public BaselineResult {
        replacedMigrations = List.copyOf(replacedMigrations);
        notes = List.copyOf(notes);
    }
}
