package io.automigrate.cli;

import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.deploy.Target;
import io.automigrate.policy.EnvironmentPolicy;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The options that decide what findings count, shared by {@code plan} and {@code lint}. */
final class LintFlags {
    @Option(names = "--allow", paramLabel = "CODE", split = ",",
            description = "Allow a finding code (repeatable, or comma-separated), e.g. --allow AM102.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME", description = "Apply this environment's lint policy from "
            + "automigrate.yml ('allow' and 'errors' under environments.NAME).")
    String environment;

    @Option(names = "--inspect-url", paramLabel = "URL", description = "Read-only URL of the target database: count "
            + "rows that would break new NOT NULL, unique and foreign-key constraints, and read table sizes so that "
            + "locks on tiny tables drop to info. A URL of a configured environment takes its policy.")
    String inspectUrl;

    @Option(names = "--inspect-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Statement timeout of each --inspect-url query (default: 30).")
    int inspectTimeoutSeconds;

    /**
     * The policy of the environment named or matched by --inspect-url, with --allow, counting rows on the target
     * first with --inspect-url.
     */
    EnvironmentPolicy policy(Config config, Map<String, String> variables) {
        Target target = environment != null ? Target.resolve(config, environment, null, variables)
                : inspectUrl != null ? Target.resolve(config, null, inspectUrl, variables) : null;
        EnvironmentPolicy policy = target == null ? EnvironmentPolicy.of(null, (EnvironmentConfig) null, allow, "--allow")
                : EnvironmentPolicy.of(target.name(), target.environment(), allow, "--allow");
        return inspectUrl == null ? policy
                : policy.inspecting(DatabaseUrl.parse(inspectUrl), Duration.ofSeconds(Math.max(1, inspectTimeoutSeconds)));
    }
}
