package io.automigrate.lint;

import io.automigrate.config.EnvironmentConfig;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what counts, in one place for plan, lint and apply: an environment's {@code errors} raise codes to
 * {@code error}; inline {@code -- automigrate:allow CODE reason} comments (already on the findings), an environment's
 * {@code allow} list and {@code --allow CODE} suppress them. A suppressed finding is still reported, with who
 * allowed it and why, but never blocks.
 */
public final class LintPolicy {
    private LintPolicy() {
    }

    /**
     * Applies the policy. {@code environment} and {@code environmentName} may be null (no environment named);
     * {@code cliAllows} are the codes given with {@code --allow}.
     */
    public static List<Finding> apply(List<Finding> findings, String environmentName, EnvironmentConfig environment,
                                      Collection<String> cliAllows) {
        Set<String> allowed = codes(cliAllows, "--allow");
        Set<String> environmentAllows = environment == null ? Set.of() : Set.copyOf(environment.allow());
        Set<String> raised = environment == null ? Set.of() : Set.copyOf(environment.errors());
        String where = "environment " + (environmentName == null ? "" : environmentName + " ") + "in automigrate.yml";
        return findings.stream().map(f -> {
            Finding out = raised.contains(f.code()) ? f.withSeverity(Severity.ERROR) : f;
            if (out.isSuppressed()) return out;
            if (allowed.contains(f.code())) return out.suppressed(new Finding.Suppression("--allow " + f.code(), null));
            if (environmentAllows.contains(f.code())) {
                return out.suppressed(new Finding.Suppression("allowed by " + where, null));
            }
            return out;
        }).toList();
    }

    /**
     * Marks findings allowed inline: {@code allowances} maps each code allowed in a changeset to the reason written
     * after it.
     */
    public static List<Finding> allowInline(List<Finding> findings, Map<String, String> allowances) {
        return findings.stream().map(f -> allowances.containsKey(f.code()) && !f.isSuppressed()
                ? f.suppressed(new Finding.Suppression("-- automigrate:allow " + f.code(), allowances.get(f.code())))
                : f).toList();
    }

    /** True when an error finding nobody allowed remains. */
    public static boolean blocks(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::blocks);
    }

    /** high: an error nobody allowed; medium: a warning; low: nothing else. Allowed findings do not count. */
    public static String risk(List<Finding> findings) {
        if (blocks(findings)) return "high";
        return findings.stream().anyMatch(f -> !f.isSuppressed() && f.severity() == Severity.WARNING) ? "medium" : "low";
    }

    /** Codes as given on the command line, checked against the catalogue (a typo must not allow nothing silently). */
    public static Set<String> codes(Collection<String> given, String option) {
        Set<String> codes = new TreeSet<>();
        for (String code : given == null ? List.<String>of() : given) {
            for (String part : code.split(",")) {
                String normal = part.strip().toUpperCase(Locale.ROOT);
                if (normal.isEmpty()) continue;
                if (Rule.byCode(normal).isEmpty()) {
                    throw io.automigrate.AutomigrateException.badInput(option + " " + part.strip()
                            + ": not a finding code: expected a code such as AM102 (see docs/lint.md)");
                }
                codes.add(normal);
            }
        }
        return codes;
    }
}
