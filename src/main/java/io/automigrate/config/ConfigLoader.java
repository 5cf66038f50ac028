package io.automigrate.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.migrate.MigrationFormat;
import io.automigrate.shadow.ShadowKind;
import io.automigrate.shadow.ShadowOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code automigrate.yml} and applies {@code AUTOMIGRATE_*} environment variables over it. Every problem is
 * exit 2 with {@code file:line:column}, the key, and what is expected.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            // A key given twice would otherwise silently take its last value.
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule()
                    .addDeserializer(Duration.class, new DurationDeserializer())
                    .addDeserializer(ShadowKind.class, new NamedValueDeserializer<>(ShadowKind.class,
                            ShadowKind.values(), ShadowKind::id, "not a shadow provider"))
                    .addDeserializer(ColumnOrder.class, new NamedValueDeserializer<>(ColumnOrder.class,
                            ColumnOrder.values(), ColumnOrder::id, "not a column order"))
                    .addDeserializer(MigrationsConfig.class, new MigrationsDeserializer()))
            .build();

    private ConfigLoader() {
    }

    /**
     * {@code automigrate.yml} in {@code root} if present (defaults otherwise), or the file named by
     * {@code AUTOMIGRATE_CONFIG} (relative to {@code root}; it must exist), then the environment over it.
     */
    public static Config load(Path root, Map<String, String> environment) {
        String named = environment.get("AUTOMIGRATE_CONFIG");
        if (named == null || named.isBlank()) {
            return applyEnvironment(readFile(root.resolve(Config.FILE_NAME), root), environment);
        }
        Path file = root.resolve(named.strip());
        if (!Files.isRegularFile(file)) {
            throw AutomigrateException.badInput(named.strip() + ": configuration file not found (AUTOMIGRATE_CONFIG, "
                    + "or the action's 'config' input, names it relative to " + root + ")");
        }
        return applyEnvironment(readFile(file, root), environment);
    }

    /** The configuration file at {@code file}; a missing file gives the defaults. */
    public static Config readFile(Path file, Path root) {
        if (!Files.exists(file)) {
            return Config.defaults();
        }
        String shown = display(file, root);
        String text = io.automigrate.TextFiles.readUtf8(file, shown);
        if (text.isBlank()) {
            return Config.defaults();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return Config.defaults();
            }
            Config config = YAML.readValue(text, Config.class);
            checkBranches(config, shown, text);
            checkMigrationFolder(config, root, shown, text);
            return config;
        } catch (JsonProcessingException e) {
            throw new AutomigrateException(ExitCode.BAD_INPUT, describe(shown, text, e), null,
                    location(shown, where(text, e)));
        }
    }

    /** A branch deploys to one environment: two would make a push to it apply to whichever came first. */
    private static void checkBranches(Config config, String shown, String text) {
        Map<String, String> owner = new java.util.HashMap<>();
        for (Map.Entry<String, EnvironmentConfig> env : config.environments().entrySet()) {
            for (String branch : env.getValue().branches()) {
                String plain = branch.startsWith("refs/heads/") ? branch.substring("refs/heads/".length()) : branch;
                String first = owner.putIfAbsent(plain, env.getKey());
                if (first != null) {
                    JsonLocation at = locate(text, List.of(new JsonMappingException.Reference(null, "environments"),
                            new JsonMappingException.Reference(null, env.getKey()),
                            new JsonMappingException.Reference(null, "branches")));
                    throw AutomigrateException.badInputAt(location(shown, at), "branch '" + plain
                            + "' is mapped to two environments, '" + first
                            + "' and '" + env.getKey() + "': a push to it must deploy to one; remove it from the "
                            + "'branches' of one of them");
                }
            }
        }
    }

    /**
     * A folder in another tool's format must look like it: a Flyway folder named as Prisma's would otherwise fail
     * later, file by file, with messages about names instead of about the setting.
     */
    private static void checkMigrationFolder(Config config, Path root, String shown, String text) {
        MigrationFormat format = config.migrationFormat();
        MigrationFormat looks = MigrationFormat.sniff(root.resolve(config.migrations()));
        if (looks == null || looks == format) return;
        JsonLocation at = locate(text, List.of(new JsonMappingException.Reference(null, "migrations")));
        throw AutomigrateException.badInputAt(location(shown, at), "'migrations' is in format " + format.id()
                + ", but " + config.migrations() + " looks like a "
                + looks.id() + " folder (" + looks.describe() + "): set 'migrations: {dir: " + config.migrations()
                + ", format: " + looks.id() + "}', or point 'dir' at the right folder");
    }

    static Config applyEnvironment(Config config, Map<String, String> env) {
        Config result = config;
        if (present(env, "AUTOMIGRATE_SCHEMA")) result = result.withSchema(env.get("AUTOMIGRATE_SCHEMA"));
        if (present(env, "AUTOMIGRATE_MIGRATIONS")) result = result.withMigrations(env.get("AUTOMIGRATE_MIGRATIONS"));
        if (present(env, "AUTOMIGRATE_CHANGELOG")) result = result.withChangelog(env.get("AUTOMIGRATE_CHANGELOG"));
        ShadowOptions shadow = result.shadow();
        if (present(env, "AUTOMIGRATE_SHADOW")) shadow = shadow.withKind(ShadowKind.parse(env.get("AUTOMIGRATE_SHADOW")));
        if (present(env, "AUTOMIGRATE_PG_VERSION")) {
            String given = env.get("AUTOMIGRATE_PG_VERSION");
            shadow = shadow.withPgVersion(parseVersion(given), "AUTOMIGRATE_PG_VERSION='" + given + "'");
        }
        if (present(env, "AUTOMIGRATE_SHADOW_URL")) shadow = shadow.withUrl(env.get("AUTOMIGRATE_SHADOW_URL"));
        return result.withShadow(shadow);
    }

    private static boolean present(Map<String, String> env, String key) {
        String value = env.get(key);
        return value != null && !value.isBlank();
    }

    /** A number, or -1 for any other text, which ShadowOptions then refuses naming the variable. */
    private static int parseVersion(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String display(Path file, Path root) {
        try {
            return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    /** Where {@code e} is in the YAML {@code text}: the offending key's place, else the parser's. */
    private static JsonLocation where(String text, JsonProcessingException e) {
        // Record creators buffer their properties, so the exception's own location is often the end of the
        // mapping: find the offending key's line from its path instead.
        return e instanceof JsonMappingException m && !m.getPath().isEmpty() ? locate(text, m.getPath())
                : e.getLocation();
    }

    /** {@code at} in {@code file} as errors carry it (the file alone when the place is unknown). */
    private static AutomigrateException.Location location(String file, JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? new AutomigrateException.Location(file, 0, 0)
                : new AutomigrateException.Location(file, at.getLineNr(), Math.max(0, at.getColumnNr()));
    }

    static String describe(String file, String text, JsonProcessingException e) {
        String where = location(file, where(text, e)).toString();
        String key = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
            return where + ": unknown key '" + u.getPropertyName() + "'" + (parent.isEmpty() ? "" : " under '" + parent + "'")
                    + (known.isEmpty() ? "" : "; expected one of: " + known);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return where + ": " + (key.isEmpty() ? "" : "'" + key + "': ") + v.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return where + ": '" + key + "' has an invalid value '" + f.getValue() + "': expected "
                    + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return where + ": '" + key + "' must be " + expected(m.getTargetType());
        }
        String message = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field '")) {
            String duplicate = message.substring("Duplicate field '".length(), message.indexOf('\'', 17));
            return where + ": duplicate key '" + duplicate + "': it is given twice in the same mapping; keep one "
                    + "(YAML would silently take the last value)";
        }
        return where + ": " + (key.isEmpty() ? "" : "'" + key + "': ") + message.lines().findFirst().orElse(message);
    }

    /** Where the key at {@code path} stands in {@code text} (up to its first list index), or null. */
    private static JsonLocation locate(String text, List<JsonMappingException.Reference> path) {
        List<String> wanted = path.stream().takeWhile(r -> r.getFieldName() != null)
                .map(JsonMappingException.Reference::getFieldName).toList();
        Deque<String> fields = new ArrayDeque<>();
        Deque<Boolean> inObject = new ArrayDeque<>();
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case FIELD_NAME -> {
                        fields.addLast(parser.currentName());
                        if (wanted.equals(List.copyOf(fields))) return parser.currentTokenLocation();
                    }
                    case START_OBJECT -> inObject.push(true);
                    case START_ARRAY -> inObject.push(false);
                    case END_OBJECT, END_ARRAY -> {
                        inObject.pop();
                        endOfValue(fields, inObject);
                    }
                    default -> endOfValue(fields, inObject);
                }
            }
        } catch (IOException ignored) {
            // no line then: the message still names the key
        }
        return null;
    }

    /** A value inside a mapping ended: the key that held it is done (list elements have no key). */
    private static void endOfValue(Deque<String> fields, Deque<Boolean> inObject) {
        if (Boolean.TRUE.equals(inObject.peek()) && !fields.isEmpty()) {
            fields.removeLast();
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (type == Duration.class) return "a duration such as 500ms, 5s, 2m or 1h";
        if (type == ShadowKind.class) return "embedded, url or testcontainers";
        if (type == ColumnOrder.class) return "keep or rewrite";
        if (type == MigrationFormat.class) return "one of " + String.join(", ",
                java.util.stream.Stream.of(MigrationFormat.values()).map(MigrationFormat::id).toList());
        if (List.class.isAssignableFrom(type)) return "a list";
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) return "a mapping of keys to values";
        return "a " + type.getSimpleName();
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, a plain number of seconds, or ISO-8601 ({@code PT5S}). */
    static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Duration.ofSeconds(p.getLongValue());
            }
            String text = p.getValueAsString();
            Duration parsed = text == null ? null : parseDuration(text);
            if (parsed == null) {
                throw InvalidFormatException.from(p, "not a duration", text, Duration.class);
            }
            return parsed;
        }
    }

    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) return Duration.parse(t.toUpperCase(Locale.ROOT));
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code migrations: db/migrations}, or {@code migrations: {dir: ..., format: ...}}. */
    static final class MigrationsDeserializer extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<MigrationsConfig> {
        MigrationsDeserializer() {
            super(MigrationsConfig.class);
        }

        @Override
        public MigrationsConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) return new MigrationsConfig(p.getText(), null);
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(p, MigrationsConfig.class, "not a path or a mapping");
            }
            String dir = null;
            MigrationFormat format = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "dir" -> {
                        if (p.currentToken() != JsonToken.VALUE_STRING) {
                            MismatchedInputException e = MismatchedInputException.from(p, String.class, "not a string");
                            e.prependPath(new JsonMappingException.Reference(null, "dir"));
                            throw e;
                        }
                        dir = p.getText();
                    }
                    case "format" -> {
                        String text = p.getValueAsString();
                        format = java.util.stream.Stream.of(MigrationFormat.values())
                                .filter(f -> f.id().equalsIgnoreCase(text == null ? "" : text.strip()))
                                .findFirst().orElse(null);
                        if (format == null) {
                            InvalidFormatException e = InvalidFormatException.from(p, "not a migrations format", text,
                                    MigrationFormat.class);
                            e.prependPath(new JsonMappingException.Reference(null, "format"));
                            throw e;
                        }
                    }
                    default -> throw UnrecognizedPropertyException.from(p, MigrationsConfig.class, key,
                            List.<Object>of("dir", "format"));
                }
            }
            return new MigrationsConfig(dir, format);
        }
    }

    /** A value named by its id in automigrate.yml (case and surrounding blanks aside), one of {@code values}. */
    static final class NamedValueDeserializer<T> extends StdScalarDeserializer<T> {
        private final List<T> values;
        private final java.util.function.Function<T, String> id;
        private final String what;

        NamedValueDeserializer(Class<T> type, T[] values, java.util.function.Function<T, String> id, String what) {
            super(type);
            this.values = List.of(values);
            this.id = id;
            this.what = what;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            for (T value : values) {
                if (id.apply(value).equalsIgnoreCase(text == null ? "" : text.strip())) return value;
            }
            throw InvalidFormatException.from(p, what, text, handledType());
        }
    }
}
