package io.automigrate.config;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.shadow.ShadowKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
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

    @Test
    void missingFileGivesDefaults() {
        Config config = ConfigLoader.load(root, Map.of());
        assertEquals("db/schema.sql", config.schema());
        assertEquals("db/migrations", config.migrations());
        assertEquals(ShadowKind.EMBEDDED, config.shadow().kind());
        assertEquals(17, config.shadow().pgVersion());
        assertTrue(config.environments().isEmpty());
        assertEquals("automigrate", config.naming().author());
        assertFalse(config.commit().enabled());
        assertEquals(ColumnOrder.KEEP, config.columnOrder());
        assertFalse(config.rewriteColumnOrder());
    }

    @Test
    void fullFileParses() throws IOException {
        Config config = load("""
                schema: database/schema
                migrations: database/migrations
                schemas: [public, billing]
                shadow:
                  provider: url
                  pg-version: 16
                  url: postgresql://shadow@localhost/postgres
                environments:
                  staging:
                    branches: develop
                    url-env: STAGING_DATABASE_URL
                  production:
                    branches: [main]
                    production: true
                    allow: [AM102]
                    backup: true
                    lock-timeout: 3s
                    statement-timeout: 10m
                    lock-wait: 90s
                naming:
                  author: release-bot
                commit:
                  enabled: true
                column-order: rewrite
                """);
        assertEquals("database/schema", config.schema());
        assertEquals(List.of("public", "billing"), config.schemas());
        assertEquals(ShadowKind.URL, config.shadow().kind());
        assertEquals(16, config.shadow().pgVersion());
        EnvironmentConfig staging = config.environments().get("staging");
        assertEquals(List.of("develop"), staging.branches());
        assertEquals("STAGING_DATABASE_URL", staging.urlEnv());
        assertFalse(staging.production());
        assertFalse(staging.online());
        EnvironmentConfig production = config.environments().get("production");
        assertTrue(production.production());
        assertTrue(production.online(), "production defaults to online-safe forms");
        assertEquals("DATABASE_URL", production.urlEnv());
        assertEquals(List.of("AM102"), production.allow());
        assertEquals(Duration.ofSeconds(3), production.lockTimeout());
        assertEquals(Duration.ofMinutes(10), production.statementTimeout());
        assertEquals(Duration.ofSeconds(90), production.lockWait());
        assertEquals("production", io.automigrate.deploy.Target.environmentForBranch(config, "main"));
        assertNull(io.automigrate.deploy.Target.environmentForBranch(config, "feature/x"));
        assertEquals("release-bot", config.naming().author());
        assertTrue(config.commit().enabled());
        assertTrue(config.rewriteColumnOrder());
    }

    @Test
    void unknownTopLevelKeyNamesFileLineAndKey() throws IOException {
        String message = failure("schema: db/schema.sql\nshadw:\n  provider: embedded\n");
        assertTrue(message.startsWith("automigrate.yml:2:"), message);
        assertTrue(message.contains("unknown key 'shadw'"), message);
        assertTrue(message.contains("shadow"), "lists the known keys: " + message);
    }

    @Test
    void unknownNestedKeyNamesItsParent() throws IOException {
        String message = failure("environments:\n  staging:\n    branches: [develop]\n    urlenv: X\n");
        assertTrue(message.startsWith("automigrate.yml:4:"), message);
        assertTrue(message.contains("unknown key 'urlenv' under 'environments.staging'"), message);
        assertTrue(message.contains("url-env"), message);
    }

    @Test
    void wrongTypesNameTheKeyAndTheExpectedType() throws IOException {
        String version = failure("shadow:\n  pg-version: seventeen\n");
        assertTrue(version.startsWith("automigrate.yml:2:"), version);
        assertTrue(version.contains("'shadow.pg-version'") && version.contains("whole number"), version);

        String flag = failure("environments:\n  prod:\n    production: maybe\n");
        assertTrue(flag.contains("'environments.prod.production'") && flag.contains("true or false"), flag);

        String duration = failure("environments:\n  prod:\n    lock-timeout: soon\n");
        assertTrue(duration.contains("lock-timeout") && duration.contains("duration"), duration);

        String provider = failure("shadow:\n  provider: docker\n");
        assertTrue(provider.contains("embedded, url or testcontainers"), provider);

        String order = failure("schema: db/schema.sql\ncolumn-order: sorted\n");
        assertTrue(order.startsWith("automigrate.yml:2:"), order);
        assertTrue(order.contains("'column-order'") && order.contains("keep or rewrite"), order);

        String mapping = failure("environments: [staging]\n");
        assertTrue(mapping.contains("'environments'"), mapping);
    }

    @Test
    void invalidValuesAreExplained() throws IOException {
        String version = failure("shadow:\n  pg-version: 11\n");
        assertTrue(version.contains("13 to 18"), version);
        String code = failure("environments:\n  prod:\n    allow: [drop-column]\n");
        assertTrue(code.contains("not a finding code"), code);
        String name = failure("environments:\n  \"prod env\":\n    branches: [main]\n");
        assertTrue(name.contains("prod env"), name);
    }

    @Test
    void branchMappedToTwoEnvironmentsIsAnErrorOfTheFile() throws IOException {
        String message = failure("environments:\n  a:\n    branches: [main]\n  b:\n    branches: [develop, main]\n");
        assertTrue(message.startsWith("automigrate.yml:5:") && message.contains(
                "branch 'main' is mapped to two environments, 'a' and 'b'"), message);
        Config globs = load("environments:\n  a:\n    branches: [main]\n  b:\n    branches: ['ma*']\n");
        AutomigrateException e = assertThrows(AutomigrateException.class,
                () -> io.automigrate.deploy.Target.environmentForBranch(globs, "main"));
        assertTrue(e.getMessage().contains("a, b"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsAnErrorWithItsLine() throws IOException {
        String top = failure("schema: db/schema.sql\nmigrations: db/migrations\nschema: db/other.sql\n");
        assertTrue(top.startsWith("automigrate.yml:3:") && top.contains("duplicate key 'schema'"), top);
        String nested = failure("environments:\n  production:\n    production: true\n    url-env: A\n"
                + "    production: false\n");
        assertTrue(nested.startsWith("automigrate.yml:5:") && nested.contains("duplicate key 'production'"), nested);
        String environment = failure("environments:\n  prod:\n    branches: [main]\n  prod:\n    branches: [x]\n");
        assertTrue(environment.startsWith("automigrate.yml:4:") && environment.contains("duplicate key 'prod'"),
                environment);
    }

    @Test
    void environmentVariablesOverrideTheFile() throws IOException {
        Files.writeString(root.resolve("automigrate.yml"), "schema: a.sql\nshadow:\n  pg-version: 15\n");
        Config config = ConfigLoader.load(root, Map.of("AUTOMIGRATE_SCHEMA", "b.sql",
                "AUTOMIGRATE_PG_VERSION", "16", "AUTOMIGRATE_SHADOW", "url",
                "AUTOMIGRATE_SHADOW_URL", "postgresql://u@h/db", "AUTOMIGRATE_MIGRATIONS", "m"));
        assertEquals("b.sql", config.schema());
        assertEquals("m", config.migrations());
        assertEquals(16, config.shadow().pgVersion());
        assertEquals(ShadowKind.URL, config.shadow().kind());
        assertEquals("postgresql://u@h/db", config.shadow().url());

        AutomigrateException e = assertThrows(AutomigrateException.class,
                () -> ConfigLoader.load(root, Map.of("AUTOMIGRATE_PG_VERSION", "twelve")));
        assertTrue(e.getMessage().contains("AUTOMIGRATE_PG_VERSION"), e.getMessage());
    }

    @Test
    void nonUtf8AndEmptyFiles() throws IOException {
        Files.write(root.resolve("automigrate.yml"), new byte[]{'s', ':', ' ', (byte) 0xff, (byte) 0xfe});
        AutomigrateException e = assertThrows(AutomigrateException.class, () -> ConfigLoader.load(root, Map.of()));
        assertTrue(e.getMessage().contains("automigrate.yml") && e.getMessage().contains("UTF-8"), e.getMessage());
        Files.writeString(root.resolve("automigrate.yml"), "\n# only a comment\n");
        assertEquals(Config.defaults(), ConfigLoader.load(root, Map.of()));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), ConfigLoader.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(5), ConfigLoader.parseDuration("5s"));
        assertEquals(Duration.ofMinutes(2), ConfigLoader.parseDuration("2m"));
        assertEquals(Duration.ofHours(1), ConfigLoader.parseDuration("1h"));
        assertEquals(Duration.ofSeconds(30), ConfigLoader.parseDuration("30"));
        assertEquals(Duration.ofSeconds(5), ConfigLoader.parseDuration("PT5S"));
        assertEquals(null, ConfigLoader.parseDuration("soon"));
    }
}
