package io.automigrate.catalog;

/**
 * A column's physical settings, each null where it is the default: {@code storage} ({@code plain}, {@code external},
 * {@code extended}, {@code main}; null when the type's own, {@code typeStorage}), {@code compression} ({@code pglz},
 * {@code lz4}; null for the server's default) and {@code statistics} (the {@code SET STATISTICS} target; null for
 * the default). {@code typeStorage} is what resetting the storage goes back to (PostgreSQL 16 is the first to accept
 * {@code SET STORAGE DEFAULT}); null in a catalog built without a server.
 */
public record ColumnStorage(String storage, String typeStorage, String compression, Integer statistics) {
    public static final ColumnStorage DEFAULT = new ColumnStorage(null, null, null, null);

    /** Whether nothing is set (the type's storage, the default compression and statistics target). */
    public boolean isDefault() {
        return storage == null && compression == null && statistics == null;
    }

    /** The same defaults for the same type: what a column of {@code this} type has when nothing is set. */
    public ColumnStorage reset() {
        return new ColumnStorage(null, typeStorage, null, null);
    }
}
