package io.automigrate.cli;

import io.automigrate.AutomigrateException;
import io.automigrate.config.ShadowConfig;
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

    ShadowOptions resolve(ShadowConfig configured) {
        if (pgVersion != null && (pgVersion < 13 || pgVersion > 18)) {
            throw AutomigrateException.badInput("--pg-version " + pgVersion
                    + ": expected a PostgreSQL major version from 13 to 18");
        }
        return new ShadowOptions(
                kind != null ? ShadowKind.parse(kind) : configured.provider(),
                pgVersion != null ? pgVersion : configured.pgVersion(),
                url != null ? url : configured.url(),
                configured.image());
    }
}
