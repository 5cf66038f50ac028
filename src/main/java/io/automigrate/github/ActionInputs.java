package io.automigrate.github;

import io.automigrate.AutomigrateException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The action's inputs, as the runner passes them to a container: {@code INPUT_<NAME>} with the name upper-cased
 * (hyphens kept). Empty means "not given" (the runner passes every declared input, empty when unset).
 */
public record ActionInputs(String command, String schema, String migrations, String environment, String databaseUrl,
                           String token, boolean comment, boolean commit, List<String> allow, String pgVersion,
                           String workingDirectory, String config) {

    public enum Command { AUTO, PLAN, APPLY, STATUS, DRIFT }

    public ActionInputs {
        allow = List.copyOf(allow);
    }

    public static ActionInputs from(Map<String, String> env) {
        return new ActionInputs(
                input(env, "command", "auto"),
                input(env, "schema", ""),
                input(env, "migrations", ""),
                input(env, "environment", ""),
                input(env, "database-url", ""),
                input(env, "github-token", ""),
                bool(env, "comment", true),
                bool(env, "commit", false),
                Arrays.stream(input(env, "allow", "").split("[,\\s]+")).filter(s -> !s.isBlank()).toList(),
                input(env, "pg-version", ""),
                input(env, "working-directory", "."),
                input(env, "config", ""));
    }

    public Command commandKind() {
        try {
            return Command.valueOf(command.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AutomigrateException.badInput("input 'command: " + command + "': expected auto, plan, apply, status or drift");
        }
    }

    /** {@code INPUT_GITHUB-TOKEN}, or {@code INPUT_GITHUB_TOKEN} as some runners and shells spell it. */
    static String input(Map<String, String> env, String name, String fallback) {
        String upper = name.toUpperCase(Locale.ROOT);
        String value = env.get("INPUT_" + upper);
        if (value == null) value = env.get("INPUT_" + upper.replace('-', '_'));
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String value = input(env, name, "");
        if (value.isEmpty()) return fallback;
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw AutomigrateException.badInput("input '" + name + ": " + value + "': expected true or false");
    }
}
