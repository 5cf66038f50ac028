package io.automigrate.git;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether anything automigrate cares about changed between two revisions: {@code changedFiles} are the relevant
 * paths (relative to the repository root) that differ; {@code method} says how this was found out, for the report.
 * {@code kinds} says, for each changed file, whether it was added, modified or deleted (unknown when the list came
 * from somewhere that does not say); {@code base} is the base commit's id when the base is in the clone (null
 * otherwise), so a file as it is on the base can be read.
 */
public record Detection(boolean changed, List<String> changedFiles, String method, Map<String, Kind> kinds,
                        String base) {

    /** How a file differs from the base. */
    public enum Kind { ADDED, MODIFIED, DELETED, UNKNOWN }

    public Detection {
        changedFiles = List.copyOf(changedFiles);
        kinds = kinds == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(kinds));
    }

    /** A change set whose kinds of change are not known (a file list from elsewhere). */
    public Detection(boolean changed, List<String> changedFiles, String method) {
        this(changed, changedFiles, method, Map.of(), null);
    }

    /** How {@code file} (relative to the repository root) differs from the base. */
    public Kind kindOf(String file) {
        return kinds.getOrDefault(file, changedFiles.contains(file) ? Kind.UNKNOWN : null);
    }
}
