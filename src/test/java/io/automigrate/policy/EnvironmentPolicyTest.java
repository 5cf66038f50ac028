package io.automigrate.policy;

import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.sql.RenderOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvironmentPolicyTest {
    private static EnvironmentConfig environment(Boolean production, Boolean online, Duration lockTimeout) {
        return new EnvironmentConfig(null, null, production, online, null, null, null, null, lockTimeout, null, null);
    }

    private static Config config(Map<String, EnvironmentConfig> environments) {
        return new Config(null, null, null, null, null, null, environments, null, null, null);
    }

    @Test
    void theMostCarefulEnvironmentDecides() {
        Config config = config(Map.of("staging", environment(false, null, Duration.ofSeconds(1)),
                "production", environment(true, null, Duration.ofSeconds(3)),
                "eu", environment(false, true, Duration.ofSeconds(2))));
        assertEquals(RenderOptions.online(Duration.ofSeconds(2)), EnvironmentPolicy.forms(config, null),
                "online environments only: staging's shorter timeout does not count");
        assertEquals(RenderOptions.offline(), EnvironmentPolicy.forms(config, false));
    }

    @Test
    void productionCanOptOutAndTheFlagCanOptIn() {
        Config optedOut = config(Map.of("production", environment(true, false, null)));
        assertEquals(RenderOptions.offline(), EnvironmentPolicy.forms(optedOut, null));
        assertEquals(RenderOptions.online(Duration.ofSeconds(5)), EnvironmentPolicy.forms(optedOut, true));
        assertEquals(RenderOptions.offline(), EnvironmentPolicy.forms(config(Map.of()), null));
        assertEquals(RenderOptions.online(Duration.ofSeconds(5)), EnvironmentPolicy.forms(config(Map.of()), true),
                "no environment: the default lock-timeout");
    }

    @Test
    void aZeroLockTimeoutMeansNoneAndYieldsToAPositiveOne() {
        Config config = config(Map.of("a", environment(true, null, Duration.ZERO),
                "b", environment(true, null, Duration.ofSeconds(7))));
        assertEquals(RenderOptions.online(Duration.ofSeconds(7)), EnvironmentPolicy.forms(config, null));
        assertEquals(RenderOptions.online(Duration.ZERO),
                EnvironmentPolicy.forms(config(Map.of("a", environment(true, null, Duration.ZERO))), null));
    }
}
