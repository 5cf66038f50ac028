package io.automigrate.shadow;

import java.util.Locale;

/** Where throwaway databases come from. */
public enum ShadowKind {
    /** PostgreSQL binaries from a Maven artifact, started in a temporary folder (the default; no Docker). */
    EMBEDDED,
    /** An existing server on which uniquely named databases are created and always dropped. */
    URL,
    /** A PostgreSQL container, where a Docker engine is reachable. */
    TESTCONTAINERS;

    public static ShadowKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw io.automigrate.AutomigrateException.badInput("unknown shadow provider '" + text
                    + "': use embedded, url or testcontainers");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
