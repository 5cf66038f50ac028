package io.automigrate.cli;

import io.automigrate.config.Config;
import io.automigrate.inspect.InspectOptions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --schema} and {@code --exclude-schema}: which schemas to compare (over automigrate.yml). */
final class SchemaFlags {
    @Option(names = "--schema", paramLabel = "NAME", split = ",",
            description = "Only compare these schemas (repeatable; default: every user schema).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME", split = ",",
            description = "Leave these schemas out (repeatable).")
    List<String> exclude = new ArrayList<>();

    InspectOptions resolve(Config config) {
        return new InspectOptions(include.isEmpty() ? config.schemas() : include,
                exclude.isEmpty() ? config.excludeSchemas() : exclude);
    }
}
