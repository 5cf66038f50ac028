package io.automigrate.shadow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.automigrate.AutomigrateException;

/**
 * How to get a throwaway server: the {@code shadow:} key of automigrate.yml, with the {@code AUTOMIGRATE_SHADOW*}
 * variables and the {@code --shadow*} flags over it. {@code pgVersion} is the PostgreSQL major version (13 to 18,
 * checked here only) for the embedded and testcontainers providers; {@code url} the server for the url provider;
 * {@code image} an optional container image (for example one with PostGIS).
 */
public record ShadowOptions(
        @JsonProperty("provider") ShadowKind kind,
        @JsonProperty("pg-version") int pgVersion,
        @JsonProperty("url") String url,
        @JsonProperty("image") String image) {
    public static final int DEFAULT_PG_VERSION = PostgresBinaries.BUNDLED_MAJOR;
    private static final String RANGE = "expected a PostgreSQL major version from 13 to 18";

    public ShadowOptions {
        kind = kind == null ? ShadowKind.EMBEDDED : kind;
        if (!PostgresBinaries.VERSIONS.containsKey(pgVersion)) {
            throw new IllegalArgumentException(RANGE);
        }
    }

    /** automigrate.yml's {@code shadow:}, every key optional. */
    @JsonCreator
    static ShadowOptions read(@JsonProperty("provider") ShadowKind kind, @JsonProperty("pg-version") Integer pgVersion,
                              @JsonProperty("url") String url, @JsonProperty("image") String image) {
        return new ShadowOptions(kind, pgVersion == null ? DEFAULT_PG_VERSION : pgVersion, url, image);
    }

    public static ShadowOptions embedded() {
        return embedded(DEFAULT_PG_VERSION);
    }

    public static ShadowOptions embedded(int pgVersion) {
        return new ShadowOptions(ShadowKind.EMBEDDED, pgVersion, null, null);
    }

    public ShadowOptions withKind(ShadowKind value) {
        return new ShadowOptions(value, pgVersion, url, image);
    }

    /** {@code source} names where the version was given ({@code --pg-version 12}), for the error when out of range. */
    public ShadowOptions withPgVersion(int value, String source) {
        try {
            return new ShadowOptions(kind, value, url, image);
        } catch (IllegalArgumentException e) {
            throw AutomigrateException.badInput(source + ": " + e.getMessage());
        }
    }

    public ShadowOptions withUrl(String value) {
        return new ShadowOptions(kind, pgVersion, value, image);
    }

    /**
     * The options for a throwaway server next to a live database of major version {@code liveMajor}: the embedded
     * and container providers run that version (catalog texts such as view definitions differ between versions, so
     * both sides of a comparison must come from the same one); an existing server ({@code url}) and an explicit
     * image stay as they are.
     */
    public ShadowOptions following(int liveMajor) {
        boolean follows = kind == ShadowKind.EMBEDDED || (kind == ShadowKind.TESTCONTAINERS && image == null);
        if (!follows || liveMajor == pgVersion || !PostgresBinaries.VERSIONS.containsKey(liveMajor)) return this;
        return new ShadowOptions(kind, liveMajor, url, image);
    }
}
