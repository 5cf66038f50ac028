package io.automigrate.config;

/**
 * {@code column-order:} — what a migration does where PostgreSQL would leave a table's columns in another order than
 * the schema declares (a column added between two others is added last; ALTER TABLE cannot move a column).
 */
public enum ColumnOrder {
    /** Add the column last and say so in a note (the default): no table is re-created for its column order. */
    KEEP("keep"),
    /** Re-create the table, with its rows, in the declared order (lint AM413). */
    REWRITE("rewrite");

    private final String id;

    ColumnOrder(String id) {
        this.id = id;
    }

    /** The value as written in automigrate.yml. */
    public String id() {
        return id;
    }
}
