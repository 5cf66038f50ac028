package io.automigrate.plan;

import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.sql.RenderOptions;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Whether {@code plan} renders the online-safe forms: when an environment of {@code automigrate.yml} is production or
 * says {@code online: true} (one migration file serves every environment, so the most careful one decides), unless
 * {@code plan --online} or {@code --no-online} says otherwise.
 */
public final class OnlineForms {
    private OnlineForms() {
    }

    /** {@code override}: true or false from the command line, null to decide from the environments. */
    public static RenderOptions choose(Config config, Boolean override) {
        Collection<EnvironmentConfig> environments = config.environments().values();
        List<EnvironmentConfig> online = environments.stream().filter(EnvironmentConfig::online).toList();
        boolean on = override != null ? override : !online.isEmpty();
        if (!on) {
            return RenderOptions.offline();
        }
        return RenderOptions.online(shortestLockTimeout(online.isEmpty() ? environments : online));
    }

    /** The shortest positive lock-timeout (zero means none), or the default when no environment is defined. */
    private static Duration shortestLockTimeout(Collection<EnvironmentConfig> environments) {
        if (environments.isEmpty()) {
            return EnvironmentConfig.defaults().lockTimeout();
        }
        return environments.stream().map(EnvironmentConfig::lockTimeout).filter(t -> !t.isZero())
                .min(Duration::compareTo).orElse(Duration.ZERO);
    }
}
