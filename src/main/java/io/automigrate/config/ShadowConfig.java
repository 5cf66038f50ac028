package io.automigrate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.automigrate.shadow.ShadowKind;
import io.automigrate.shadow.ShadowOptions;

/** {@code shadow:} — where throwaway databases come from. */
public record ShadowConfig(
        @JsonProperty("provider") ShadowKind provider,
        @JsonProperty("pg-version") Integer pgVersion,
        @JsonProperty("url") String url,
        @JsonProperty("image") String image) {

    public ShadowConfig {
        provider = provider == null ? ShadowKind.EMBEDDED : provider;
        pgVersion = pgVersion == null ? ShadowOptions.DEFAULT_PG_VERSION : pgVersion;
        if (pgVersion < 13 || pgVersion > 18) {
            throw new IllegalArgumentException("expected a PostgreSQL major version from 13 to 18, got " + pgVersion);
        }
    }

    public static ShadowConfig defaults() {
        return new ShadowConfig(null, null, null, null);
    }

    public ShadowOptions toOptions() {
        return new ShadowOptions(provider, pgVersion, url, image);
    }
}
