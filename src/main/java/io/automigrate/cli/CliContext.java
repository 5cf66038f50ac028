package io.automigrate.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a command may touch: its output streams and the environment ({@code AUTOMIGRATE_*} defaults). */
record CliContext(PrintStream out, PrintStream err, Map<String, String> environment) {
    CliContext {
        environment = Map.copyOf(environment);
    }

    /** The repository root: the working directory, where {@code automigrate.yml} lives. */
    Path root() {
        return Path.of("").toAbsolutePath();
    }
}
