package io.automigrate.deploy;

import io.automigrate.config.ConfigLoader;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production guard decides by facts, not by the URL's spelling (issue 11, items 6 and 13): what the database
 * remembers, and whether two URLs reach the same server and database. Every database here lives on the one test
 * server; {@code 0.0.0.0} reaches it as {@code localhost} does (Linux), a spelling no string comparison can match.
 */
class ProductionIdentityTest {
    private static final String CONFIG = """
            environments:
              staging:
                branches: [develop]
                url-env: STAGING_DATABASE_URL
              production:
                branches: [main]
                url-env: PROD_DATABASE_URL
                production: true
                errors: [AM401]
            """;
    private static final String USERS = """
            --liquibase formatted sql

            --changeset automigrate:20260101000000_add_users_table
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
            --rollback DROP TABLE users;
            """;
    private static final String USERS_EMAIL_INDEX = """
            --liquibase formatted sql

            --changeset automigrate:20260102000000_add_users_email_idx_index
            CREATE INDEX users_email_idx ON users (email);
            --rollback DROP INDEX users_email_idx;
            """;

    @TempDir
    Path dir;

    /** The same database under a host spelling no configured URL uses. */
    private static String alias(ShadowDatabase database) {
        return "postgresql://postgres@0.0.0.0:" + database.url().port() + "/" + database.name();
    }

    private Project project() {
        return new Project(dir).schema("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n")
                .file("automigrate.yml", CONFIG)
                .file("db/migrations/20260101000000_add_users_table.sql", USERS);
    }

    @Test
    void aDatabaseThatServedProductionRefusesPushWhateverUrlOrVariableReachesIt() {
        Project project = project();
        try (ShadowDatabase prod = TestPostgres.newDatabase("prod")) {
            project.variables.put("PROD_DATABASE_URL", prod.url().display());
            project.expect(0, "apply", "--env", "production");
            assertEquals(List.of("production|true|apply"), query(prod,
                    "SELECT environment || '|' || production || '|' || last_command FROM automigrate_environments"));

            // The variable is gone (another shell, a laptop): the database itself still says it is production.
            project.variables.remove("PROD_DATABASE_URL");
            project.schema("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, nickname text);\n");
            var before = Project.snapshot(prod);
            for (String url : List.of(prod.url().display(), alias(prod))) {
                Project.Run refused = project.expect(2, "push", "--url", url, "--accept-data-loss");
                assertTrue(refused.err().contains("push refuses environment 'production': the database at " + url
                        + " says it is production: it recorded serving environment 'production' (apply, "), refused.err());
            }
            assertEquals(before, Project.snapshot(prod), "production untouched");

            // Its own table is no part of its schema: no drift, nothing for status to report.
            project.schema("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n");
            Project.Run drift = project.expect(0, "drift", "--url", prod.url().display());
            assertTrue(drift.out().startsWith("no drift"), drift.out());
            assertFalse(drift.out().contains("automigrate_environments"), drift.out());
        }
    }

    @Test
    void aHostAliasOfTheProductionDatabaseIsProductionForPushAndApply() {
        Project project = project();
        try (ShadowDatabase prod = TestPostgres.newDatabase("prod")) {
            project.variables.put("PROD_DATABASE_URL", prod.url().display());
            project.applyDirectly(prod);
            var before = Project.snapshot(prod);

            Project.Run push = project.expect(2, "push", "--url", alias(prod));
            assertTrue(push.err().contains("push refuses environment 'production': the database at " + alias(prod)
                    + " is the database of environment 'production', reached under another URL: both are database "
                    + prod.name()), push.err());
            assertTrue(push.err().contains("system identifier"), push.err());
            assertEquals(before, Project.snapshot(prod), "production untouched");

            // apply under the alias gets production's policy: errors: [AM401] blocks a plain CREATE INDEX.
            project.file("db/migrations/20260102000000_add_users_email_idx_index.sql", USERS_EMAIL_INDEX);
            Project.Run apply = project.expect(1, "apply", "--url", alias(prod));
            assertTrue(apply.err().contains("is the database of environment 'production'"), apply.err());
            assertTrue(apply.err().contains("AM401") && apply.err().contains("not allowed in environment "
                    + "'production'"), apply.err());
            assertEquals(before, Project.snapshot(prod), "nothing applied");

            // The decision the confirmation prompt rests on.
            ProductionGuard.Decision decision = ProductionGuard.decide(
                    Target.resolve(ConfigLoader.load(dir, Map.of()), null, alias(prod), project.variables),
                    ConfigLoader.load(dir, Map.of()), project.variables);
            assertTrue(decision.target().production());
            assertEquals("production", decision.target().name());
        }
    }

    @Test
    void anotherDatabaseOnTheSameServerIsNotProduction() {
        Project project = project();
        try (ShadowDatabase prod = TestPostgres.newDatabase("prod");
             ShadowDatabase dev = TestPostgres.newDatabase("dev")) {
            project.variables.put("PROD_DATABASE_URL", prod.url().display());
            project.expect(0, "apply", "--env", "production");
            var config = ConfigLoader.load(dir, Map.of());
            ProductionGuard.Decision decision = ProductionGuard.decide(
                    Target.resolve(config, null, alias(dev), project.variables), config, project.variables);
            assertFalse(decision.target().production());
            assertNull(decision.reason());
            Project.Run push = project.expect(0, "push", "--url", alias(dev));
            assertTrue(push.out().startsWith("pushed the schema"), push.all());
        }
    }

    @Test
    void aDatabaseThatCannotBeToldApartFromProductionGetsTheStrictestRules() {
        Project project = project();
        try (ShadowDatabase dev = TestPostgres.newDatabase("dev")) {
            // Production's URL is known but nothing answers there: the two servers cannot be compared.
            project.variables.put("PROD_DATABASE_URL", "postgresql://postgres@localhost:1/shop");
            var before = Project.snapshot(dev);
            Project.Run push = project.expect(2, "push", "--url", dev.url().display());
            assertTrue(push.err().contains("cannot be decided") && push.err().contains("PROD_DATABASE_URL")
                    && push.err().contains("production's rules, the strictest"), push.err());
            assertEquals(before, Project.snapshot(dev));
        }
    }

    @Test
    void pushWarnsBeforeChangingADatabaseWithAMigrationHistory() {
        Project project = new Project(dir).schema("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, "
                + "nickname text);\n").file("db/migrations/20260101000000_add_users_table.sql", USERS);
        try (ShadowDatabase dev = TestPostgres.newDatabase("dev")) {
            project.applyDirectly(dev);
            Project.Run push = project.expect(0, "push", "--url", dev.url().display());
            assertTrue(push.err().contains("warning: the database at " + dev.url().display() + " has a migration "
                    + "history (1 changeset(s) in databasechangelog): after this push it no longer matches that "
                    + "history"), push.all());
        }
    }

    private static List<String> query(ShadowDatabase database, String sql) {
        try (var c = database.connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) rows.add(rs.getString(1));
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
