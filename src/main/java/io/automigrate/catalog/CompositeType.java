package io.automigrate.catalog;

import java.util.List;

public record CompositeType(String schema, String name, List<Attribute> attributes, String comment) {
    public CompositeType {
        attributes = List.copyOf(attributes);
    }

    /** One attribute: {@code type} from {@code format_type}; {@code collation} only when not the type's default. */
    public record Attribute(String name, String type, String collation) {
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.TYPE, qualifiedName());
    }
}
