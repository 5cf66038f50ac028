package io.automigrate.config;

import io.automigrate.migrate.MigrationFormat;

/**
 * {@code migrations}: the folder of the migration history and the tool whose format it is in. Written either as a
 * path ({@code migrations: db/migrations}, Liquibase formatted SQL) or as a mapping
 * ({@code migrations: {dir: prisma/migrations, format: prisma}}).
 */
public record MigrationsConfig(String dir, MigrationFormat format) {
    public static final String DEFAULT_DIR = "db/migrations";

    public MigrationsConfig {
        dir = dir == null ? DEFAULT_DIR : dir;
        format = format == null ? MigrationFormat.LIQUIBASE : format;
    }

    public static MigrationsConfig defaults() {
        return new MigrationsConfig(null, null);
    }

    public MigrationsConfig withDir(String value) {
        return new MigrationsConfig(value, format);
    }
}
