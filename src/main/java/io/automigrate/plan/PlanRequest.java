package io.automigrate.plan;

import io.automigrate.config.Config;
import io.automigrate.git.Detection;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code plan}: {@code root} is the project folder (where {@code automigrate.yml} lives); {@code base} and
 * {@code head} the revisions to detect changes between (null base: no detection; null head: the working tree);
 * {@code name} overrides the generated name; {@code check} writes nothing and fails when a migration is missing;
 * {@code force} plans even when detection finds nothing relevant; {@code detection}, when given, is a change set
 * found some other way (a shallow CI clone lacks the base commit: the pull request's file list from the API, or a
 * push's commits) and is used instead of comparing {@code base} and {@code head}.
 */
public record PlanRequest(Path root, Config config, String base, String head, String name, boolean check,
                          boolean force, Instant now, Detection detection) {

    public PlanRequest(Path root, Config config, String base, String head, String name, boolean check,
                       boolean force, Instant now) {
        this(root, config, base, head, name, check, force, now, null);
    }

    /** The paths (relative to the project root) whose change makes a plan necessary. */
    public static List<String> watchedPaths(Config config) {
        List<String> watched = new ArrayList<>(List.of(config.schema(), config.migrations(), Config.FILE_NAME));
        if (config.changelog() != null) watched.add(config.changelog());
        return watched;
    }
}
