package io.automigrate.cli;

import io.automigrate.Secrets;
import io.automigrate.config.Config;
import io.automigrate.deploy.Target;
import picocli.CommandLine.Option;

/** {@code --env NAME | --url URL}: the database a deploy-side command works on (see {@link Target}). */
final class TargetFlags {
    @Option(names = "--env", paramLabel = "NAME", description = "An environment of automigrate.yml; its URL is read "
            + "from the variable it names ('url-env', default DATABASE_URL).")
    String environment;

    @Option(names = "--url", paramLabel = "URL", description = "The database, postgresql://user:password@host:5432/db "
            + "(a URL of a configured environment takes that environment's rules).")
    String url;

    /** The target; warns on stderr when a production and another environment share a database. */
    Target resolve(Config config, CliContext context) {
        Target target = Target.resolve(config, environment, url, context.environment());
        Target.sharedDatabaseWarnings(config, context.environment())
                .forEach(w -> context.err().println("warning: " + Secrets.redact(w)));
        return target;
    }
}
