package io.automigrate.sql;

import io.automigrate.diff.SchemaDiff;

/** Ordered changes → forward and rollback statements. */
public final class MigrationRenderer {
    private MigrationRenderer() {
    }

    /** Placeholder until the render stage lands. */
    public static RenderedMigration render(SchemaDiff diff) {
        throw new IllegalStateException("render stage not built yet");
    }
}
