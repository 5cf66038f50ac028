package io.automigrate.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;

/**
 * {@code schema:} — where the desired schema comes from: a path (a {@code .sql} file, a folder of them, a
 * {@code .prisma} file or a folder of them), written as a plain string or as {@code path:}; or {@code command:}, a
 * program run in the project folder that prints the schema's DDL on stdout (drizzle-kit, TypeORM, Prisma's own
 * CLI), stopped after {@code timeout}. {@code watch}: the paths whose change makes a plan necessary for a command
 * (default: the whole project). {@code keep-unmodelled}: whether objects the schema's language cannot express are
 * kept rather than dropped (default true; only a Prisma schema leaves objects unmodelled).
 */
public record SchemaSource(
        @JsonProperty("path") String path,
        @JsonProperty("command") String command,
        @JsonProperty("timeout") Duration timeout,
        @JsonProperty("watch") List<String> watch,
        @JsonProperty("keep-unmodelled") Boolean keepUnmodelled) {

    public static final String DEFAULT_PATH = "db/schema.sql";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    public SchemaSource {
        if (path != null && command != null) {
            throw new IllegalArgumentException("give either 'path' or 'command', not both");
        }
        if (command != null && command.isBlank()) {
            throw new IllegalArgumentException("'command' is empty: give the program that prints the schema's DDL, "
                    + "for example \"npx drizzle-kit export\"");
        }
        if (command == null && (timeout != null || watch != null)) {
            throw new IllegalArgumentException("'timeout' and 'watch' belong to a 'command'");
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("'timeout' must be longer than zero");
        }
        path = command == null && path == null ? DEFAULT_PATH : path;
        timeout = command != null && timeout == null ? DEFAULT_TIMEOUT : timeout;
        watch = watch == null ? List.of() : List.copyOf(watch);
        keepUnmodelled = keepUnmodelled == null || keepUnmodelled;
    }

    /** {@code schema: db/schema.sql}: the plain string form. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SchemaSource path(String path) {
        return new SchemaSource(path, null, null, null, null);
    }

    public boolean isCommand() {
        return command != null;
    }

    /** How the source is named in messages and in a generated migration's comment: the path or the command. */
    public String shown() {
        return isCommand() ? command : path;
    }

    /** The paths whose change makes a plan necessary: the path, or a command's {@code watch} (default: all). */
    public List<String> watched() {
        if (!isCommand()) return List.of(path);
        return watch.isEmpty() ? List.of(".") : watch;
    }

    public SchemaSource withPath(String value) {
        return new SchemaSource(value, null, null, null, keepUnmodelled);
    }
}
