package io.automigrate.catalog;

/**
 * An index that does not back a constraint (those are part of {@link Constraint}), on a table or materialized
 * view. {@code definition} from {@code pg_get_indexdef} ({@code CREATE [UNIQUE] INDEX name ON [ONLY] table USING
 * method (...)}; ON ONLY for a partitioned table's index). {@code attachedTo} is the partitioned parent's index a
 * partition's index is attached to ({@code ALTER INDEX parent ATTACH PARTITION child}, or made so by PostgreSQL),
 * else null. {@code valid} is false only for a partitioned table's index that some partition has no index attached
 * to yet ({@code CREATE INDEX ... ON ONLY}); other indexes are taken as valid.
 */
public record Index(String schema, String name, QualifiedName table, String definition, boolean unique,
                    String comment, QualifiedName attachedTo, boolean valid) {
    /** A valid index attached to no parent index. */
    public Index(String schema, String name, QualifiedName table, String definition, boolean unique, String comment) {
        this(schema, name, table, definition, unique, comment, null, true);
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.INDEX, qualifiedName());
    }

    /** The same index, attached to {@code parent} (null: to none). */
    public Index attachedTo(QualifiedName parent) {
        return new Index(schema, name, table, definition, unique, comment, parent, valid);
    }
}
