package io.automigrate.catalog;

import java.util.List;

/** A domain; {@code baseType} from {@code format_type}, {@code defaultExpr} as PostgreSQL deparses it. */
public record Domain(String schema, String name, String baseType, String collation, String defaultExpr,
                     boolean notNull, List<DomainConstraint> constraints, String comment) {
    public Domain {
        constraints = List.copyOf(constraints);
    }

    /** A CHECK constraint on a domain; {@code definition} from {@code pg_get_constraintdef} without NOT VALID. */
    public record DomainConstraint(String name, String definition, boolean validated, String comment) {
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.TYPE, qualifiedName());
    }
}
