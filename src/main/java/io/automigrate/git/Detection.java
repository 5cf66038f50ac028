package io.automigrate.git;

import java.util.List;

/**
 * Whether anything automigrate cares about changed between two revisions: {@code changedFiles} are the relevant
 * paths (relative to the repository root) that differ; {@code method} says how this was found out, for the report.
 */
public record Detection(boolean changed, List<String> changedFiles, String method) {
    public Detection {
        changedFiles = List.copyOf(changedFiles);
    }
}
