package io.automigrate.catalog;

import java.util.List;

/**
 * A free-standing or serial sequence (identity sequences belong to their column).
 * {@code ownedBy} is the column of {@code OWNED BY}, or null.
 */
public record Sequence(String schema, String name, SequenceOptions options, ObjectRef ownedBy, String comment,
                       List<Grant> grants) {
    public Sequence {
        grants = List.copyOf(grants);
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.SEQUENCE, qualifiedName());
    }
}
