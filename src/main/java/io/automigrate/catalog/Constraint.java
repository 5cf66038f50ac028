package io.automigrate.catalog;

import java.util.List;

/**
 * A table constraint. {@code definition} from {@code pg_get_constraintdef} with any trailing {@code NOT VALID}
 * removed (that state is {@code validated}); it includes DEFERRABLE, ON DELETE, MATCH, NULLS NOT DISTINCT and
 * NO INHERIT as PostgreSQL prints them. {@code columns} are the constrained columns in key order;
 * {@code referencedTable} is set for foreign keys. {@code local} is false for constraints only inherited from
 * a parent or partitioned table.
 */
public record Constraint(String name, ConstraintKind kind, String definition, List<String> columns,
                         QualifiedName referencedTable, boolean validated, boolean local, String comment) {
    public Constraint {
        columns = List.copyOf(columns);
    }
}
