package io.automigrate.inspect;

import java.util.List;

/**
 * Which schemas to read. Empty {@code includeSchemas} means every user schema; {@code excludeSchemas} is applied
 * after. System schemas and objects that belong to extensions are never read.
 */
public record InspectOptions(List<String> includeSchemas, List<String> excludeSchemas) {
    public InspectOptions {
        includeSchemas = List.copyOf(includeSchemas);
        excludeSchemas = List.copyOf(excludeSchemas);
    }

    public static InspectOptions all() {
        return new InspectOptions(List.of(), List.of());
    }

    public boolean includes(String schema) {
        return (includeSchemas.isEmpty() || includeSchemas.contains(schema)) && !excludeSchemas.contains(schema);
    }
}
