package io.automigrate.lint;

import io.automigrate.catalog.QualifiedName;

import java.util.List;

/**
 * What {@code --inspect-url} counts on the target database for one finding. {@code table} is the table the change
 * touches (its size is read for every finding); {@code columns} the constrained columns; {@code referencedTable}
 * and {@code referencedColumns} the key a foreign key points at.
 */
public record Probe(Kind kind, QualifiedName table, List<String> columns, QualifiedName referencedTable,
                    List<String> referencedColumns) {
    public enum Kind {
        /** Only the table's size and estimated rows. */
        SIZE,
        /** Rows at all: a NOT NULL column without default cannot be added to a table that has any. */
        ANY_ROW,
        /** Rows where a column is NULL. */
        NULLS,
        /** Groups of rows sharing the same non-null key. */
        DUPLICATES,
        /** Rows whose non-null key has no match in the referenced table. */
        ORPHANS
    }

    public Probe {
        columns = columns == null ? List.of() : List.copyOf(columns);
        referencedColumns = referencedColumns == null ? List.of() : List.copyOf(referencedColumns);
    }

    public static Probe size(QualifiedName table) {
        return new Probe(Kind.SIZE, table, List.of(), null, List.of());
    }

    public static Probe of(Kind kind, QualifiedName table, List<String> columns) {
        return new Probe(kind, table, columns, null, List.of());
    }

    /** Rows of {@code table} that a foreign key would find without a match; a size probe when it cannot be read. */
    public static Probe orphans(QualifiedName table, io.automigrate.catalog.Constraint foreignKey) {
        return ChangeRules.orphans(table, foreignKey);
    }
}
