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

    public static ShadowOptions embedded(int pgVersion) {
        return new ShadowOptions(ShadowKind.EMBEDDED, pgVersion, null, null);
    }
}
