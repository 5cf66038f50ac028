package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.db.DatabaseUrl;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The database a deploy-side command works on: an environment of {@code automigrate.yml} (its URL read from the
 * variable it names) or a URL given directly. {@code name} is null for a URL that matches no environment; then the
 * environment's rules are the defaults. {@code url} is null when the environment's variable is unset.
 */
public record Target(String name, EnvironmentConfig environment, DatabaseUrl url) {

    public Target {
        Objects.requireNonNull(environment, "environment");
    }

    public boolean production() {
        return environment.production();
    }

    /** "environment 'staging'" or "the database at host:port/db", for messages. */
    public String describe() {
        if (name != null) return "environment '" + name + "'";
        return url == null ? "no database" : "the database at " + url.display();
    }

    /**
     * The URL once the database accepts a connection, tried with the environment's retry limits as apply does:
     * a command run while its database starts (a CI service container, a restarted server) waits instead of failing.
     * {@code who} labels the session ({@code application_name}); {@code log} gets the retry lines.
     */
    public DatabaseUrl awaitReachable(String who, java.util.function.Consumer<String> log) {
        DatabaseUrl reachable = requireUrl();
        io.automigrate.db.Connections.closeQuietly(DatabaseAccess.of(reachable, environment.retry(), log).open(who));
        return reachable;
    }

    /** The command line that baselines this database (see {@link Baseline#initCommand}). */
    public String initCommand() {
        return Baseline.initCommand(name == null ? null : environment.urlEnv(), url, describe());
    }

    /** The URL, or exit 2 saying which variable to set. */
    public DatabaseUrl requireUrl() {
        if (url == null) {
            throw AutomigrateException.badInput("no database URL for " + describe() + ": set the environment variable "
                    + environment.urlEnv() + " (see 'url-env' in " + Config.FILE_NAME + "), or pass --url");
        }
        return url;
    }

    /**
     * Exactly one of {@code environmentName} and {@code url} is given. A URL that points at the same database as a
     * configured environment takes that environment's rules (so {@code --url} cannot sidestep production's).
     */
    public static Target resolve(Config config, String environmentName, String url, Map<String, String> variables) {
        if ((environmentName == null) == (url == null)) {
            throw AutomigrateException.badInput("give exactly one of --env NAME and --url URL");
        }
        if (environmentName != null) {
            EnvironmentConfig environment = config.environments().get(environmentName);
            if (environment == null) {
                throw AutomigrateException.badInput(Config.FILE_NAME + ": unknown environment '" + environmentName + "': "
                        + (config.environments().isEmpty() ? "no environments are defined; add one under 'environments:'"
                        : "defined are " + String.join(", ", config.environments().keySet())));
            }
            return new Target(environmentName, environment, urlOf(environmentName, environment, variables));
        }
        DatabaseUrl given = DatabaseUrl.parse(url);
        for (Map.Entry<String, EnvironmentConfig> entry : config.environments().entrySet()) {
            DatabaseUrl configured = urlOf(entry.getKey(), entry.getValue(), variables);
            if (configured != null && sameDatabase(configured, given)) {
                return new Target(entry.getKey(), entry.getValue(), given);
            }
        }
        return new Target(null, EnvironmentConfig.defaults(), given);
    }

    /** The environment whose {@code branches} match {@code branch} (globs such as {@code release/*}), if any. */
    public static String environmentForBranch(Config config, String branch) {
        String plain = branch.startsWith("refs/heads/") ? branch.substring("refs/heads/".length()) : branch;
        List<String> matches = new ArrayList<>();
        for (Map.Entry<String, EnvironmentConfig> entry : config.environments().entrySet()) {
            for (String pattern : entry.getValue().branches()) {
                if (pattern.equals(plain) || FileSystems.getDefault().getPathMatcher("glob:" + pattern)
                        .matches(Path.of(plain))) {
                    matches.add(entry.getKey());
                    break;
                }
            }
        }
        if (matches.size() > 1) {
            throw AutomigrateException.badInput(Config.FILE_NAME + ": branch '" + plain + "' is mapped to more than one "
                    + "environment (" + String.join(", ", matches) + "): give each branch to one environment");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    /**
     * Warnings for a production environment and another one whose URLs point at the same database: a development
     * deploy would then change production.
     */
    public static List<String> sharedDatabaseWarnings(Config config, Map<String, String> variables) {
        List<String> warnings = new ArrayList<>();
        List<Map.Entry<String, EnvironmentConfig>> entries = new ArrayList<>(config.environments().entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                var a = entries.get(i);
                var b = entries.get(j);
                if (a.getValue().production() == b.getValue().production()) continue;
                DatabaseUrl urlA = urlOf(a.getKey(), a.getValue(), variables);
                DatabaseUrl urlB = urlOf(b.getKey(), b.getValue(), variables);
                if (urlA != null && urlB != null && sameDatabase(urlA, urlB)) {
                    warnings.add("environments '" + a.getKey() + "' and '" + b.getKey() + "' point at the same "
                            + "database (" + urlA.display() + "), and only one of them is production: check "
                            + a.getValue().urlEnv() + " and " + b.getValue().urlEnv());
                }
            }
        }
        return warnings;
    }

    /** Same server and database; users and passwords do not matter. */
    public static boolean sameDatabase(DatabaseUrl a, DatabaseUrl b) {
        return hostKey(a).equals(hostKey(b)) && a.port() == b.port() && a.database().equals(b.database());
    }

    private static String hostKey(DatabaseUrl url) {
        String host = url.host().toLowerCase(Locale.ROOT);
        return host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1") ? "localhost" : host;
    }

    static DatabaseUrl urlOf(String name, EnvironmentConfig environment, Map<String, String> variables) {
        String value = variables.get(environment.urlEnv());
        if (value == null || value.isBlank()) return null;
        try {
            return DatabaseUrl.parse(value.strip());
        } catch (AutomigrateException e) {
            throw AutomigrateException.badInput("environment '" + name + "': the URL in " + environment.urlEnv()
                    + " is not a PostgreSQL URL: " + e.getMessage());
        }
    }
}
