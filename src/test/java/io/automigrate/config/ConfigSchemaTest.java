package io.automigrate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The published JSON Schema lists exactly the keys the loader accepts, at every level. */
class ConfigSchemaTest {
    private final JsonNode schema = new ObjectMapper().readTree(Path.of("docs/automigrate.schema.json").toFile());

    ConfigSchemaTest() throws IOException {
    }

    @Test
    void schemaMatchesTheConfigurationRecords() {
        assertEquals(keys(Config.class), names(schema.get("properties")));
        assertEquals(keys(SchemaSource.class), names(schema.at("/properties/schema/oneOf/1/properties")));
        assertEquals(keys(io.automigrate.shadow.ShadowOptions.class), names(schema.at("/properties/shadow/properties")));
        assertEquals(keys(EnvironmentConfig.class),
                names(schema.at("/properties/environments/additionalProperties/properties")));
        assertEquals(keys(RetryConfig.class),
                names(schema.at("/properties/environments/additionalProperties/properties/retry/properties")));
        assertEquals(keys(NamingConfig.class), names(schema.at("/properties/naming/properties")));
        assertEquals(keys(CommitConfig.class), names(schema.at("/properties/commit/properties")));
    }

    private static Set<String> keys(Class<? extends Record> type) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            // @JsonProperty does not target record components; Java copies it onto the accessor.
            JsonProperty property = c.getAccessor().getAnnotation(JsonProperty.class);
            names.add(property != null ? property.value() : c.getName());
        }
        return names;
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
