package io.automigrate.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.automigrate.shadow.ShadowOptions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole configuration, every key optional: {@code automigrate.yml} at the repository root, overridden by
 * {@code AUTOMIGRATE_*} environment variables, overridden by command-line flags. Paths are relative to the
 * repository root.
 */
public record Config(
        @JsonProperty("schema") SchemaSource schemaSource,
        @JsonProperty("migrations") MigrationsConfig migrationFolder,
        @JsonProperty("changelog") String changelog,
        @JsonProperty("schemas") List<String> schemas,
        @JsonProperty("exclude-schemas") List<String> excludeSchemas,
        @JsonProperty("shadow") ShadowOptions shadow,
        @JsonProperty("environments") Map<String, EnvironmentConfig> environments,
        @JsonProperty("naming") NamingConfig naming,
        @JsonProperty("commit") CommitConfig commit,
        @JsonProperty("column-order") ColumnOrder columnOrder) {

    public static final String FILE_NAME = "automigrate.yml";

    public Config {
        schemaSource = schemaSource == null ? SchemaSource.path(null) : schemaSource;
        migrationFolder = migrationFolder == null ? MigrationsConfig.defaults() : migrationFolder;
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        excludeSchemas = excludeSchemas == null ? List.of() : List.copyOf(excludeSchemas);
        shadow = shadow == null ? ShadowOptions.embedded() : shadow;
        environments = environments == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(environments));
        for (Map.Entry<String, EnvironmentConfig> env : environments.entrySet()) {
            if (!env.getKey().matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("environment name '" + env.getKey()
                        + "' may only hold letters, digits, '-' and '_'");
            }
            if (env.getValue() == null) {
                throw new IllegalArgumentException("environment '" + env.getKey() + "' is empty: give it at least "
                        + "'branches' or 'url-env'");
            }
        }
        naming = naming == null ? NamingConfig.defaults() : naming;
        commit = commit == null ? CommitConfig.defaults() : commit;
        columnOrder = columnOrder == null ? ColumnOrder.KEEP : columnOrder;
    }

    public static Config defaults() {
        return new Config(null, null, null, null, null, null, null, null, null, null);
    }

    /** The migrations folder, relative to the repository root. */
    @JsonIgnore
    public String migrations() {
        return migrationFolder.dir();
    }

    /** The format of the migrations folder ({@code migrations.format}); Liquibase formatted SQL by default. */
    @JsonIgnore
    public io.automigrate.migrate.MigrationFormat migrationFormat() {
        return migrationFolder.format();
    }

    /** The schema's path, or its command (see {@link SchemaSource#shown()}). */
    public String schema() {
        return schemaSource.shown();
    }

    /** A schema path given by the environment or a flag: replaces a command too. */
    public Config withSchema(String value) {
        return new Config(schemaSource.withPath(value), migrationFolder, changelog, schemas, excludeSchemas, shadow, environments, naming, commit, columnOrder);
    }

    public Config withMigrations(String value) {
        return new Config(schemaSource, migrationFolder.withDir(value), changelog, schemas, excludeSchemas, shadow, environments, naming, commit, columnOrder);
    }

    public Config withChangelog(String value) {
        return new Config(schemaSource, migrationFolder, value, schemas, excludeSchemas, shadow, environments, naming, commit, columnOrder);
    }

    /** Whether tables whose column order would differ from the schema's are re-created in it. */
    @JsonIgnore
    public boolean rewriteColumnOrder() {
        return columnOrder == ColumnOrder.REWRITE;
    }

    /** A column order given by a flag ({@code --rewrite-column-order}). */
    public Config withColumnOrder(ColumnOrder value) {
        return new Config(schemaSource, migrationFolder, changelog, schemas, excludeSchemas, shadow, environments, naming, commit, value);
    }

    public Config withShadow(ShadowOptions value) {
        return new Config(schemaSource, migrationFolder, changelog, schemas, excludeSchemas, value, environments, naming, commit, columnOrder);
    }
}
