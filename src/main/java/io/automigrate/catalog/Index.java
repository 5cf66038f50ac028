package io.automigrate.catalog;

/**
 * An index that does not back a constraint (those are part of {@link Constraint}), on a table or materialized
 * view. {@code definition} from {@code pg_get_indexdef} ({@code CREATE [UNIQUE] INDEX name ON [ONLY] table USING
 * method (...)}). Indexes attached to a partitioned parent's index are left out: PostgreSQL creates them.
 */
public record Index(String schema, String name, QualifiedName table, String definition, boolean unique,
                    String comment) {
    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.INDEX, qualifiedName());
    }
}
