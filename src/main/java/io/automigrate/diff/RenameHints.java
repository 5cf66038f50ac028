package io.automigrate.diff;

import io.automigrate.catalog.QualifiedName;

import java.util.List;

/**
 * What the user declared in the desired schema with {@code -- automigrate:} comments: renames
 * ({@code renamed-from <old>}) and how a column's values convert to its new type ({@code using <expression>}).
 * Without a rename hint, a table or column that disappears and another that appears are a drop and an add.
 */
public record RenameHints(List<TableRename> tables, List<ColumnRename> columns, List<ColumnUsing> usings) {
    public RenameHints {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        usings = List.copyOf(usings);
    }

    /** Renames only (a migration file's RENAME statements say nothing of conversions). */
    public RenameHints(List<TableRename> tables, List<ColumnRename> columns) {
        this(tables, columns, List.of());
    }

    public static RenameHints none() {
        return new RenameHints(List.of(), List.of(), List.of());
    }

    /** Table {@code to} was called {@code fromName} (same schema). */
    public record TableRename(QualifiedName to, String fromName, String file, int line) {
    }

    /** Column {@code toColumn} of {@code table} (its name in the desired schema) was called {@code fromColumn}. */
    public record ColumnRename(QualifiedName table, String toColumn, String fromColumn, String file, int line) {
    }

    /**
     * Column {@code column} of {@code table} (names in the desired schema) converts to its new type with
     * {@code USING using}, and back (for the rollback) with {@code USING rollbackUsing}, null when not given.
     */
    public record ColumnUsing(QualifiedName table, String column, String using, String rollbackUsing, String file,
                              int line) {
    }

    /** The conversion the user wrote for a column, or null. */
    public ColumnUsing using(QualifiedName table, String column) {
        return usings.stream().filter(u -> u.table().equals(table) && u.column().equals(column)).findFirst()
                .orElse(null);
    }
}
