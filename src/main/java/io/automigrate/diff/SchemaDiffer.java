package io.automigrate.diff;

import io.automigrate.catalog.Catalog;

/** Catalog × catalog → ordered changes. */
public final class SchemaDiffer {
    private SchemaDiffer() {
    }

    /** Placeholder until the diff stage lands. */
    public static SchemaDiff diff(Catalog from, Catalog to, DiffOptions options) {
        throw new IllegalStateException("diff stage not built yet");
    }
}
