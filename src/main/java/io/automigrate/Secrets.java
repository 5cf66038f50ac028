package io.automigrate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps passwords and tokens out of every message, log and report. URLs are redacted by shape; values that were
 * read from secret sources (passwords, tokens) are registered once and replaced wherever they appear.
 */
public final class Secrets {
    /** {@code scheme://user:password@host} → {@code scheme://user:***@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/@\\s]*:)([^@\\s]*)(@)");
    /** {@code password=...} in query strings, JDBC properties and key=value connection strings. */
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)\\b(password|passwd|pwd|sslpassword|token)=([^&\\s;]*)");
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** Remembers a secret value so that {@link #redact(String)} removes it from any text. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 3) {
            KNOWN.add(secret);
        }
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = URL_PASSWORD.matcher(text).replaceAll("$1***$3");
        result = PASSWORD_PARAM.matcher(result).replaceAll("$1=***");
        for (String secret : KNOWN) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
