package io.automigrate.diff;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.catalog.QualifiedName;

/**
 * A column changes to a type PostgreSQL has no cast to (from its current type, or back for the rollback), and the
 * schema does not say how its values convert. Bad input (exit 2): no SQL is written that could not apply.
 * {@link #at} adds where the column is declared, which only the schema's files know.
 */
public final class UnconvertibleColumn extends AutomigrateException {
    private final QualifiedName table;
    private final String column;
    private final boolean located;

    UnconvertibleColumn(QualifiedName table, String column, String fromType, String toType, boolean rollback,
                        Location where) {
        super(ExitCode.BAD_INPUT, message(table, column, fromType, toType, rollback, where), null, where);
        this.table = table;
        this.column = column;
        this.located = where != null;
    }

    private UnconvertibleColumn(UnconvertibleColumn e, Location where) {
        super(ExitCode.BAD_INPUT, where + ": " + e.getMessage(), null, where);
        this.table = e.table;
        this.column = e.column;
        this.located = true;
    }

    public QualifiedName table() {
        return table;
    }

    public String column() {
        return column;
    }

    /** The same failure, its message prefixed by {@code where} ({@code file:line}) unless it names a place. */
    public UnconvertibleColumn at(Location where) {
        return where == null || located ? this : new UnconvertibleColumn(this, where);
    }

    private static String message(QualifiedName table, String column, String fromType, String toType,
                                  boolean rollback, Location where) {
        String name = table.schema() + "." + table.name() + "." + column;
        if (rollback) {
            return (where == null ? "" : where + ": ") + "column " + name + " changes from " + fromType + " to "
                    + toType + " with automigrate:using, but PostgreSQL has no cast back from " + toType + " to "
                    + fromType + " for the rollback; add how the values convert back after a semicolon: "
                    + "-- automigrate:using <expression>; rollback <expression of " + column + " giving " + fromType
                    + ">";
        }
        return "column " + name + " changes from " + fromType + " to " + toType + ", and PostgreSQL has no cast "
                + "between them: write how its values convert at the end of the column's line, "
                + "-- automigrate:using <expression of " + column + " giving " + toType + ">; rollback <expression of "
                + column + " giving " + fromType + "> (see docs/migrations.md#type-changes)";
    }
}
