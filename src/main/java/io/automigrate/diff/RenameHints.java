package io.automigrate.diff;

import io.automigrate.catalog.QualifiedName;

import java.util.List;

/**
 * Renames the user declared in the desired schema with {@code -- automigrate:renamed-from <old>} comments.
 * Without a hint, a table or column that disappears and another that appears are a drop and an add.
 */
public record RenameHints(List<TableRename> tables, List<ColumnRename> columns) {
    public RenameHints {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
    }

    public static RenameHints none() {
        return new RenameHints(List.of(), List.of());
    }

    /** Table {@code to} was called {@code fromName} (same schema). */
    public record TableRename(QualifiedName to, String fromName, String file, int line) {
    }

    /** Column {@code toColumn} of {@code table} (its name in the desired schema) was called {@code fromColumn}. */
    public record ColumnRename(QualifiedName table, String toColumn, String fromColumn, String file, int line) {
    }
}
