package io.automigrate.deploy;

import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.shadow.ShadowOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One apply or rollback. {@code environmentName} is null for a database that matches no environment (then
 * {@code environment} holds the defaults). {@code allow} adds finding codes to the environment's; {@code log} takes
 * progress lines (retries, lock waits), which go to stderr on the command line. {@code backups} is the folder for
 * {@code backup: true}, never the work tree unless git ignores it ({@link Backup#folder}).
 */
public record DeployRequest(Path root, Config config, String environmentName, EnvironmentConfig environment,
                            DatabaseAccess access, ShadowOptions shadow, boolean dryRun, boolean allowDrift,
                            List<String> allow, Consumer<String> log, Path backups) {
    public DeployRequest {
        allow = List.copyOf(allow);
    }

    /** {@code backups}: where backups go ({@link Backup#folder}), from the process environment. */
    public DeployRequest(Path root, Config config, String environmentName, EnvironmentConfig environment,
                         DatabaseAccess access, ShadowOptions shadow, boolean dryRun, boolean allowDrift,
                         List<String> allow, Consumer<String> log) {
        this(root, config, environmentName, environment, access, shadow, dryRun, allowDrift, allow, log,
                Backup.folder(root, System.getenv()));
    }

    /** "environment 'production' (postgresql://app@db:5432/shop)" or just the database, for messages. */
    public String describe() {
        return environmentName == null ? access.display()
                : "environment '" + environmentName + "' (" + access.display() + ")";
    }
}
