package io.automigrate.catalog;

import java.util.List;

/** An enum type; {@code labels} in their sort order ({@code enumsortorder}). */
public record EnumType(String schema, String name, List<String> labels, String comment) {
    public EnumType {
        labels = List.copyOf(labels);
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.TYPE, qualifiedName());
    }
}
