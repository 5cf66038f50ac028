package io.automigrate.plan;

import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.sql.RenderOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OnlineFormsTest {
    private static EnvironmentConfig environment(Boolean production, Boolean online, Duration lockTimeout) {
        return new EnvironmentConfig(null, null, production, online, null, null, null, null, lockTimeout, null, null);
    }

    private static Config config(Map<String, EnvironmentConfig> environments) {
        return new Config(null, null, null, null, null, null, environments, null, null);
    }

    @Test
    void theMostCarefulEnvironmentDecides() {
        Config config = config(Map.of("staging", environment(false, null, Duration.ofSeconds(1)),
                "production", environment(true, null, Duration.ofSeconds(3)),
                "eu", environment(false, true, Duration.ofSeconds(2))));
        assertEquals(RenderOptions.online(Duration.ofSeconds(2)), OnlineForms.choose(config, null),
                "online environments only: staging's shorter timeout does not count");
        assertEquals(RenderOptions.offline(), OnlineForms.choose(config, false));
    }

    @Test
    void productionCanOptOutAndTheFlagCanOptIn() {
        Config optedOut = config(Map.of("production", environment(true, false, null)));
        assertEquals(RenderOptions.offline(), OnlineForms.choose(optedOut, null));
        assertEquals(RenderOptions.online(Duration.ofSeconds(5)), OnlineForms.choose(optedOut, true));
        assertEquals(RenderOptions.offline(), OnlineForms.choose(config(Map.of()), null));
        assertEquals(RenderOptions.online(Duration.ofSeconds(5)), OnlineForms.choose(config(Map.of()), true),
                "no environment: the default lock-timeout");
    }

    @Test
    void aZeroLockTimeoutMeansNoneAndYieldsToAPositiveOne() {
        Config config = config(Map.of("a", environment(true, null, Duration.ZERO),
                "b", environment(true, null, Duration.ofSeconds(7))));
        assertEquals(RenderOptions.online(Duration.ofSeconds(7)), OnlineForms.choose(config, null));
        assertEquals(RenderOptions.online(Duration.ZERO),
                OnlineForms.choose(config(Map.of("a", environment(true, null, Duration.ZERO))), null));
    }
}
