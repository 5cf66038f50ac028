package io.automigrate.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;

/**
 * One deploy target under {@code environments:}. {@code urlEnv} names the environment variable holding its
 * database URL (never the URL itself: it carries a password). {@code allow} lists finding codes accepted there;
 * {@code errors} lists codes raised to {@code error} there.
 */
public record EnvironmentConfig(
        @JsonProperty("branches") List<String> branches,
        @JsonProperty("url-env") String urlEnv,
        @JsonProperty("production") Boolean production,
        @JsonProperty("online") Boolean online,
        @JsonProperty("allow") List<String> allow,
        @JsonProperty("errors") List<String> errors,
        @JsonProperty("backup") Boolean backup,
        @JsonProperty("pg-dump") String pgDump,
        @JsonProperty("lock-timeout") Duration lockTimeout,
        @JsonProperty("statement-timeout") Duration statementTimeout,
        @JsonProperty("lock-wait") Duration lockWait,
        @JsonProperty("retry") RetryConfig retry) {

    public static final String DEFAULT_URL_ENV = "DATABASE_URL";

    public EnvironmentConfig {
        branches = branches == null ? List.of() : List.copyOf(branches);
        urlEnv = urlEnv == null ? DEFAULT_URL_ENV : urlEnv;
        production = production != null && production;
        // Production gets the online-safe forms unless it says otherwise.
        online = online == null ? production : online;
        allow = findingCodes(allow, "allow");
        errors = findingCodes(errors, "errors");
        backup = backup != null && backup;
        pgDump = pgDump == null ? "pg_dump" : pgDump;
        lockTimeout = lockTimeout == null ? Duration.ofSeconds(5) : lockTimeout;
        statementTimeout = statementTimeout == null ? Duration.ZERO : statementTimeout;
        lockWait = lockWait == null ? Duration.ofMinutes(5) : lockWait;
        retry = retry == null ? RetryConfig.defaults() : retry;
    }

    /** Without retry settings (the defaults apply). */
    public EnvironmentConfig(List<String> branches, String urlEnv, Boolean production, Boolean online, List<String> allow,
                             List<String> errors, Boolean backup, String pgDump, Duration lockTimeout,
                             Duration statementTimeout, Duration lockWait) {
        this(branches, urlEnv, production, online, allow, errors, backup, pgDump, lockTimeout, statementTimeout,
                lockWait, null);
    }

    private static final java.util.regex.Pattern FINDING_CODE = java.util.regex.Pattern.compile("AM[1-5][0-9]{2}");

    private static List<String> findingCodes(List<String> codes, String key) {
        if (codes == null) {
            return List.of();
        }
        for (String code : codes) {
            if (code == null || !FINDING_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("'" + key + "' lists '" + code
                        + "', which is not a finding code: expected codes such as AM102 (see docs/lint.md)");
            }
        }
        return List.copyOf(codes);
    }

    public static EnvironmentConfig defaults() {
        return new EnvironmentConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
