package io.automigrate.plan;

import io.automigrate.config.Config;
import io.automigrate.git.Detection;
import io.automigrate.policy.EnvironmentPolicy;
import io.automigrate.sql.RenderOptions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code plan}, built with {@link #of}: {@code root} is the project folder (where {@code automigrate.yml}
 * lives); {@code base} and {@code head} the revisions to detect changes between (null base: no detection; null
 * head: the working tree); {@code name} overrides the generated name; {@code check} writes nothing and fails when a
 * migration is missing; {@code force} plans even when detection finds nothing relevant; {@code detection}, when
 * given, is a change set found some other way (a shallow CI clone lacks the base commit: the pull request's file
 * list from the API, or a push's commits) and is used instead of comparing {@code base} and {@code head};
 * {@code forms} the forms the migration is written in; {@code policy} judges its findings.
 */
public record PlanRequest(Path root, Config config, String base, String head, String name, boolean check,
                          boolean force, Instant now, Detection detection, RenderOptions forms,
                          EnvironmentPolicy policy) {

    /**
     * A request for {@code root} and {@code config} at {@code now}: no detection, a generated name, writing, the
     * forms the environments call for ({@link EnvironmentPolicy#forms}), judged by no environment.
     */
    public static PlanRequest of(Path root, Config config, Instant now) {
        return new PlanRequest(root, config, null, null, null, false, false, now, null,
                EnvironmentPolicy.forms(config, null), EnvironmentPolicy.none());
    }

    /** The same request for the project in {@code folder} (a snapshot of a revision). */
    public PlanRequest in(Path folder) {
        return new PlanRequest(folder, config, base, head, name, check, force, now, detection, forms, policy);
    }

    /** Detect changes between {@code base} and {@code head} (null head: the working tree). */
    public PlanRequest revisions(String base, String head) {
        return new PlanRequest(root, config, base, head, name, check, force, now, detection, forms, policy);
    }

    /** Use a change set found some other way instead of comparing revisions. */
    public PlanRequest detected(Detection found) {
        return new PlanRequest(root, config, base, head, name, check, force, now, found, forms, policy);
    }

    public PlanRequest named(String migrationName) {
        return new PlanRequest(root, config, base, head, migrationName, check, force, now, detection, forms, policy);
    }

    /** {@code check}: write nothing; {@code force}: plan even when detection finds nothing relevant. */
    public PlanRequest checking(boolean checkOnly, boolean forced) {
        return new PlanRequest(root, config, base, head, name, checkOnly, forced, now, detection, forms, policy);
    }

    public PlanRequest writtenAs(RenderOptions renderForms) {
        return new PlanRequest(root, config, base, head, name, check, force, now, detection, renderForms, policy);
    }

    public PlanRequest judgedBy(EnvironmentPolicy environmentPolicy) {
        return new PlanRequest(root, config, base, head, name, check, force, now, detection, forms, environmentPolicy);
    }

    /** The paths (relative to the project root) whose change makes a plan necessary. */
    public static List<String> watchedPaths(Config config) {
        List<String> watched = new ArrayList<>(config.schemaSource().watched());
        watched.addAll(List.of(config.migrations(), Config.FILE_NAME));
        if (config.changelog() != null) watched.add(config.changelog());
        return watched;
    }
}
