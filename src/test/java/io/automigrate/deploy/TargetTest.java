package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TargetTest {
    private static EnvironmentConfig env(List<String> branches, String urlEnv, boolean production) {
        return new EnvironmentConfig(branches, urlEnv, production, null, null, null, null, null, null, null, null);
    }

    private static final Config CONFIG = new Config(null, null, null, null, null, null, Map.of(
            "staging", env(List.of("develop"), "STAGING_URL", false),
            "production", env(List.of("main", "release/*"), "PROD_URL", true)), null, null, null);

    @Test
    void anEnvironmentTakesItsUrlFromItsVariable() {
        Target target = Target.resolve(CONFIG, "staging", null,
                Map.of("STAGING_URL", "postgresql://app:s3cret@db.internal:6543/app"));
        assertEquals("staging", target.name());
        assertFalse(target.production());
        assertEquals("db.internal", target.requireUrl().host());
        assertEquals(6543, target.requireUrl().port());
    }

    @Test
    void anUnknownEnvironmentNamesTheDefinedOnes() {
        AutomigrateException e = assertThrows(AutomigrateException.class,
                () -> Target.resolve(CONFIG, "qa", null, Map.of()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("unknown environment 'qa'"), e.getMessage());
        assertTrue(e.getMessage().contains("production, staging"), e.getMessage());
    }

    @Test
    void aMissingVariableIsReportedOnlyWhenTheUrlIsNeeded() {
        Target target = Target.resolve(CONFIG, "production", null, Map.of());
        assertNull(target.url());
        AutomigrateException e = assertThrows(AutomigrateException.class, target::requireUrl);
        assertTrue(e.getMessage().contains("PROD_URL"), e.getMessage());
    }

    @Test
    void aUrlOfAProductionDatabaseTakesProductionsRules() {
        Map<String, String> vars = Map.of("PROD_URL", "postgresql://deploy:pw@127.0.0.1:5432/shop");
        Target target = Target.resolve(CONFIG, null, "postgresql://other:x@localhost/shop", vars);
        assertEquals("production", target.name());
        assertTrue(target.production());
        Target elsewhere = Target.resolve(CONFIG, null, "postgresql://other:x@localhost/shop_dev", vars);
        assertNull(elsewhere.name());
        assertFalse(elsewhere.production());
    }

    @Test
    void exactlyOneOfEnvironmentAndUrl() {
        assertThrows(AutomigrateException.class, () -> Target.resolve(CONFIG, null, null, Map.of()));
        assertThrows(AutomigrateException.class,
                () -> Target.resolve(CONFIG, "staging", "postgresql://localhost/x", Map.of()));
    }

    @Test
    void branchesMapToEnvironmentsWithGlobs() {
        assertEquals("staging", Target.environmentForBranch(CONFIG, "refs/heads/develop"));
        assertEquals("production", Target.environmentForBranch(CONFIG, "main"));
        assertEquals("production", Target.environmentForBranch(CONFIG, "release/2.1"));
        assertNull(Target.environmentForBranch(CONFIG, "feature/login"));
    }

    @Test
    void aDevelopmentAndAProductionUrlOnOneDatabaseAreWarnedAbout() {
        List<String> warnings = Target.sharedDatabaseWarnings(CONFIG, Map.of(
                "STAGING_URL", "postgresql://a:1@db:5432/shop", "PROD_URL", "postgresql://b:2@DB:5432/shop"));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("'production' and 'staging'"), warnings.get(0));
        assertFalse(warnings.get(0).contains(":1@") || warnings.get(0).contains(":2@"), warnings.get(0));
        assertTrue(Target.sharedDatabaseWarnings(CONFIG, Map.of(
                "STAGING_URL", "postgresql://a:1@db:5432/shop_staging", "PROD_URL", "postgresql://b:2@db:5432/shop")).isEmpty());
    }
}
