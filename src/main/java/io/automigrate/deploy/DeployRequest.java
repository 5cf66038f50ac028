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

    /**
     * The request for {@code target}, the one way the CLI and the GitHub Action build it: the target's database
     * awaited with its environment's retries ({@code command} labels the session, e.g. "apply"), then judged by
     * {@link ProductionGuard#decide} (a database that is production's gets production's rules, said in
     * {@code log}); backups where {@code variables} say ({@link Backup#folder}). The request's environment is the
     * one whose rules apply.
     */
    public static DeployRequest of(String command, Path root, Config config, Target target, ShadowOptions shadow,
                                   boolean dryRun, boolean allowDrift, List<String> allow, Consumer<String> log,
                                   java.util.Map<String, String> variables) {
        target.awaitReachable("automigrate " + command, log);
        ProductionGuard.Decision decision = ProductionGuard.decide(target, config, variables);
        if (decision.reason() != null) log.accept("note: " + decision.reason() + "; production's rules apply");
        Target decided = decision.target();
        DatabaseAccess access = DatabaseAccess.of(decided.requireUrl(), decided.environment().retry(), log);
        return new DeployRequest(root, config, decided.name(), decided.environment(), access, shadow, dryRun,
                allowDrift, allow, log, Backup.folder(root, variables));
    }

    /** This request with drift allowed, everything else as it is. */
    public DeployRequest allowingDrift() {
        return new DeployRequest(root, config, environmentName, environment, access, shadow, dryRun, true, allow, log,
                backups);
    }

    /** The target whose rules this request deploys under (production's, when the guard decided so). */
    public Target target() {
        return new Target(environmentName, environment, access.url());
    }

    /** "environment 'production' (postgresql://app@db:5432/shop)" or just the database, for messages. */
    public String describe() {
        return environmentName == null ? access.display()
                : "environment '" + environmentName + "' (" + access.display() + ")";
    }
}
