package io.automigrate.catalog;

import java.util.List;

public record Schema(String name, String comment, List<Grant> grants) {
    public Schema {
        grants = List.copyOf(grants);
    }

    public ObjectRef ref() {
        return ObjectRef.schema(name);
    }
}
