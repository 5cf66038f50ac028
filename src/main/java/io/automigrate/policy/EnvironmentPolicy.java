package io.automigrate.policy;

import io.automigrate.config.Config;
import io.automigrate.config.EnvironmentConfig;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.lint.DataInspection;
import io.automigrate.lint.Finding;
import io.automigrate.lint.LintPolicy;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.sql.RenderOptions;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an environment allows: the one decision that plan, lint, apply and the GitHub Action all ask. An
 * environment's {@code errors} raise codes to error; inline {@code -- automigrate:allow CODE}, its {@code allow}
 * list and {@code --allow} (or the Action's {@code allow} input) suppress them; with an inspect URL, the target's
 * rows are counted first, so that a lock on a tiny table drops to info and rows that would break a new constraint
 * are named. {@code name} is null and {@code environment} the defaults when no environment applies.
 */
public record EnvironmentPolicy(String name, EnvironmentConfig environment, Set<String> allowed,
                                DatabaseUrl inspectUrl, Duration inspectTimeout) {

    public EnvironmentPolicy {
        allowed = Set.copyOf(allowed);
    }

    /** No environment: only the findings' own severities and inline allowances count. */
    public static EnvironmentPolicy none() {
        return new EnvironmentPolicy(null, EnvironmentConfig.defaults(), Set.of(), null, null);
    }

    /**
     * The rules of environment {@code name} (null: none applies) with the codes in {@code allow} (checked against
     * the catalogue; {@code option} names where they were given, for the error).
     */
    public static EnvironmentPolicy of(String name, EnvironmentConfig environment, Collection<String> allow,
                                       String option) {
        return new EnvironmentPolicy(name, environment == null ? EnvironmentConfig.defaults() : environment,
                LintPolicy.codes(allow, option), null, null);
    }

    /** The rules of the environment {@code name} of {@code config}, or of none when {@code name} is null. */
    public static EnvironmentPolicy of(Config config, String name, Collection<String> allow, String option) {
        return of(name, name == null ? null : config.environments().get(name), allow, option);
    }

    /**
     * Production's rules, for a database found to serve production under another name (deploy's ProductionGuard
     * finds that from facts; what then applies is decided here): those of the production environment {@code name}
     * when it is one, else of the first production environment, else {@code fallback}'s (or the defaults) with
     * production on, named {@code name} (or {@code fallbackName} when {@code name} is empty).
     */
    public static EnvironmentPolicy production(Config config, String name, String fallbackName,
                                               EnvironmentConfig fallback) {
        EnvironmentConfig named = config.environments().get(name);
        if (named != null && named.production()) return of(name, named, List.of(), null);
        for (Map.Entry<String, EnvironmentConfig> entry : config.environments().entrySet()) {
            if (entry.getValue().production()) return of(entry.getKey(), entry.getValue(), List.of(), null);
        }
        EnvironmentConfig base = named != null ? named : fallback == null ? EnvironmentConfig.defaults() : fallback;
        return of(name.isEmpty() ? fallbackName : name, new EnvironmentConfig(base.branches(), base.urlEnv(), true,
                base.online(), base.allow(), base.errors(), base.backup(), base.pgDump(), base.lockTimeout(),
                base.statementTimeout(), base.lockWait(), base.retry()), List.of(), null);
    }

    /** This policy, counting rows on {@code url} (read-only, each query under {@code timeout}) before judging. */
    public EnvironmentPolicy inspecting(DatabaseUrl url, Duration timeout) {
        return new EnvironmentPolicy(name, environment, allowed, url, timeout);
    }

    /** The findings as this environment sees them: a suppressed finding is kept, with who allowed it. */
    public List<Finding> judge(List<Finding> findings) {
        List<Finding> inspected = inspectUrl == null ? findings
                : DataInspection.inspect(inspectUrl, findings, inspectTimeout);
        return LintPolicy.apply(inspected, name, name == null ? null : environment, allowed);
    }

    /**
     * The findings of a migration file about to be deployed: an inline allowance anywhere in the file counts (its
     * findings are not tied to one changeset).
     */
    public List<Finding> judge(List<Finding> findings, MigrationFile file) {
        Map<String, String> inline = new LinkedHashMap<>();
        for (Changeset c : file.changesets()) inline.putAll(FormattedSql.allowances(c.sql()));
        return judge(LintPolicy.allowInline(findings, inline));
    }

    /** True when a finding that nobody allowed blocks this environment. */
    public static boolean blocks(List<Finding> judged) {
        return LintPolicy.blocks(judged);
    }

    public boolean production() {
        return environment.production();
    }

    /**
     * The forms {@code plan} writes: online-safe when an environment is production or says {@code online: true}
     * (one migration file serves every environment, so the most careful one decides), unless {@code override}
     * (true or false from the command line) says otherwise.
     */
    public static RenderOptions forms(Config config, Boolean override) {
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
