package io.automigrate.catalog;

import java.util.List;

/**
 * A table column. {@code type} from {@code format_type} (with modifiers, e.g. {@code character varying(20)});
 * {@code collation} only when not the type's default; {@code defaultExpr} as PostgreSQL deparses it
 * ({@code pg_get_expr}), null when none; {@code generatedExpr} set for {@code GENERATED ALWAYS AS (...) STORED}
 * (then {@code defaultExpr} is null); {@code local} is false for columns only inherited from a parent or
 * partitioned table; {@code storage} holds the column's STORAGE, COMPRESSION and STATISTICS settings.
 */
public record Column(String name, String type, String collation, boolean notNull, String defaultExpr,
                     Identity identity, String generatedExpr, boolean local, String comment, List<Grant> grants,
                     ColumnStorage storage) {
    public Column {
        grants = List.copyOf(grants);
        storage = storage == null ? ColumnStorage.DEFAULT : storage;
    }

    /** A column with the default storage settings. */
    public Column(String name, String type, String collation, boolean notNull, String defaultExpr,
                  Identity identity, String generatedExpr, boolean local, String comment, List<Grant> grants) {
        this(name, type, collation, notNull, defaultExpr, identity, generatedExpr, local, comment, grants,
                ColumnStorage.DEFAULT);
    }
}
