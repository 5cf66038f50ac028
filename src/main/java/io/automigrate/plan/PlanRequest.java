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
 * {@code forms} the forms the migration is written in; {@code policy} judges its findings; {@code configFile} is the
 * configuration file (relative to {@code root}), watched for changes like the schema.
 */
public record PlanRequest(Path root, Config config, String base, String head, String name, boolean check,
                          boolean force, Instant now, Detection detection, RenderOptions forms,
                          EnvironmentPolicy policy, String configFile) {

    public PlanRequest {
        configFile = configFile == null || configFile.isBlank() ? Config.FILE_NAME : configFile.strip();
    }

    /**
     * A request for {@code root} and {@code config} at {@code now}: no detection, a generated name, writing, the
     * forms the environments call for ({@link EnvironmentPolicy#forms}), judged by no environment.
     */
    public static PlanRequest of(Path root, Config config, Instant now) {
        return new PlanRequest(root, config, null, null, null, false, false, now, null,
                EnvironmentPolicy.forms(config, null), EnvironmentPolicy.none(), Config.FILE_NAME);
    }

    /** The same request for the project in {@code folder} (a snapshot of a revision). */
    public PlanRequest in(Path folder) {
        return new PlanRequest(folder, config, base, head, name, check, force, now, detection, forms, policy,
                configFile);
    }

    /** Detect changes between {@code base} and {@code head} (null head: the working tree). */
    public PlanRequest revisions(String base, String head) {
        return new PlanRequest(root, config, base, head, name, check, force, now, detection, forms, policy,
                configFile);
    }

    /** Use a change set found some other way instead of comparing revisions. */
    public PlanRequest detected(Detection found) {
        return new PlanRequest(root, config, base, head, name, check, force, now, found, forms, policy, configFile);
    }

    public PlanRequest named(String migrationName) {
        return new PlanRequest(root, config, base, head, migrationName, check, force, now, detection, forms, policy,
                configFile);
    }

    /** {@code check}: write nothing; {@code force}: plan even when detection finds nothing relevant. */
    public PlanRequest checking(boolean checkOnly, boolean forced) {
        return new PlanRequest(root, config, base, head, name, checkOnly, forced, now, detection, forms, policy,
                configFile);
    }

    public PlanRequest writtenAs(RenderOptions renderForms) {
        return new PlanRequest(root, config, base, head, name, check, force, now, detection, renderForms, policy,
                configFile);
    }

    public PlanRequest judgedBy(EnvironmentPolicy environmentPolicy) {
        return new PlanRequest(root, config, base, head, name, check, force, now, detection, forms, environmentPolicy,
                configFile);
    }

    /** The configuration file read from {@code file} (relative to the root; null or blank: automigrate.yml). */
    public PlanRequest configuredBy(String file) {
        return new PlanRequest(root, config, base, head, name, check, force, now, detection, forms, policy, file);
    }

    /** At {@code stamp}: the time the migration's name and file are made from. */
    public PlanRequest at(Instant stamp) {
        return new PlanRequest(root, config, base, head, name, check, force, stamp, detection, forms, policy,
                configFile);
    }

    /** The paths (relative to the project root) whose change makes a plan necessary. */
    public List<String> watchedPaths() {
        return watchedPaths(config, configFile);
    }

    /** The paths (relative to the project root) whose change makes a plan necessary, with automigrate.yml. */
    public static List<String> watchedPaths(Config config) {
        return watchedPaths(config, Config.FILE_NAME);
    }

    /** The paths whose change makes a plan necessary, {@code configFile} (relative to the root) among them. */
    public static List<String> watchedPaths(Config config, String configFile) {
        List<String> watched = new ArrayList<>(config.schemaSource().watched());
        watched.addAll(List.of(config.migrations(),
                configFile == null || configFile.isBlank() ? Config.FILE_NAME : configFile.strip()));
        if (config.changelog() != null) watched.add(config.changelog());
        return watched;
    }
}
