package io.automigrate.inspect;

import io.automigrate.catalog.Catalog;

import java.sql.Connection;

/** Reads {@code pg_catalog} into a {@link Catalog}. */
public final class CatalogInspector {
    private CatalogInspector() {
    }

    /** Placeholder until the inspect stage lands. */
    public static Catalog inspect(Connection connection, InspectOptions options) {
        throw new IllegalStateException("inspect stage not built yet");
    }
}
