package io.automigrate.plan;

import io.automigrate.config.Config;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One {@code plan}: {@code root} is the project folder (where {@code automigrate.yml} lives); {@code base} and
 * {@code head} the revisions to detect changes between (null base: no detection; null head: the working tree);
 * {@code name} overrides the generated name; {@code check} writes nothing and fails when a migration is missing;
 * {@code force} plans even when detection finds nothing relevant.
 */
public record PlanRequest(Path root, Config config, String base, String head, String name, boolean check,
                          boolean force, Instant now) {
}
