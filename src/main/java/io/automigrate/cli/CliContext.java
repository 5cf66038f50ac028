package io.automigrate.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a command may touch: its output streams and the environment ({@code AUTOMIGRATE_*} defaults). */
record CliContext(PrintStream out, PrintStream err, Map<String, String> environment) {
    CliContext {
        environment = Map.copyOf(environment);
    }

    /** Progress and retry lines for stderr, secrets removed. */
    java.util.function.Consumer<String> log() {
        return line -> err.println(io.automigrate.Secrets.redact(line));
    }

    /**
     * The project folder, where {@code automigrate.yml} lives and paths in it are relative to: the working directory,
     * or {@code AUTOMIGRATE_PROJECT_DIR} (for a project in a sub-folder of a monorepo).
     */
    Path root() {
        String configured = environment.getOrDefault("AUTOMIGRATE_PROJECT_DIR", "");
        return Path.of(configured.isBlank() ? "" : configured).toAbsolutePath().normalize();
    }
}
