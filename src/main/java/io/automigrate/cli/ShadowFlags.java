package io.automigrate.cli;

import io.automigrate.shadow.ShadowKind;
import io.automigrate.shadow.ShadowOptions;
import picocli.CommandLine.Option;

/** {@code --shadow}, {@code --shadow-url}, {@code --pg-version}: over automigrate.yml and AUTOMIGRATE_* variables. */
final class ShadowFlags {
    @Option(names = "--shadow", paramLabel = "embedded|url|testcontainers",
            description = "Where throwaway databases come from (default: embedded; env AUTOMIGRATE_SHADOW).")
    String kind;

    @Option(names = "--shadow-url", paramLabel = "URL",
            description = "Server for --shadow url, where this user may create databases (env AUTOMIGRATE_SHADOW_URL).")
    String url;

    @Option(names = "--pg-version", paramLabel = "N",
            description = "PostgreSQL major version of the shadow, 13 to 18 (default: 17; env AUTOMIGRATE_PG_VERSION).")
    Integer pgVersion;

    ShadowOptions resolve(ShadowOptions configured) {
        ShadowOptions options = configured;
        if (kind != null) options = options.withKind(ShadowKind.parse(kind));
        if (pgVersion != null) options = options.withPgVersion(pgVersion, "--pg-version " + pgVersion);
        if (url != null) options = options.withUrl(url);
        return options;
    }
}
