package io.automigrate.shadow;

/**
 * How to get a throwaway server. {@code pgVersion} is the PostgreSQL major version (13 to 18) for the embedded
 * and testcontainers providers; {@code url} the server for the url provider; {@code image} an optional container
 * image (for example one with PostGIS).
 */
public record ShadowOptions(ShadowKind kind, int pgVersion, String url, String image) {
    public static final int DEFAULT_PG_VERSION = PostgresBinaries.BUNDLED_MAJOR;

    public static ShadowOptions embedded() {
        return new ShadowOptions(ShadowKind.EMBEDDED, DEFAULT_PG_VERSION, null, null);
    }

    public static ShadowOptions embedded(int pgVersion) {
        return new ShadowOptions(ShadowKind.EMBEDDED, pgVersion, null, null);
    }
}
