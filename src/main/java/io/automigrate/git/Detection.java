package io.automigrate.git;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether anything automigrate cares about changed between two revisions: {@code changedFiles} are the relevant
 * paths (relative to the repository root) that differ; {@code method} says how this was found out, for the report.
 * {@code kinds} says, for each changed file, whether it was added, modified, deleted or renamed (unknown when the
 * list came from somewhere that does not say); {@code renamedFrom} gives a renamed file's path on the base (its old
 * path is also in {@code changedFiles}, as deleted); {@code base} is the id of the commit compared from (the base
 * commit, or its merge base with the head when the head lacks some of it) when it is in the clone (null otherwise),
 * so a file as it was before the change can be read; {@code changedLines} gives, when the base is
 * not in the clone, a modified file's first changed line as the list's diff of it says ({@link ChangedLine#fromPatch};
 * a file it does not name: not known). {@code baseAhead} lists the relevant files the base branch changed since the
 * head left it (the base is not an ancestor of the head: git compared from their merge base, as a pull request does,
 * so those are not this change's), empty when the head has all of the base.
 */
public record Detection(boolean changed, List<String> changedFiles, String method, Map<String, Kind> kinds,
                        String base, Map<String, String> renamedFrom, Map<String, Integer> changedLines,
                        List<String> baseAhead) {

    /** How a file differs from the base; RENAMED is the new path of a file the base has under another. */
    public enum Kind { ADDED, MODIFIED, DELETED, RENAMED, UNKNOWN }

    public Detection {
        changedFiles = List.copyOf(changedFiles);
        kinds = kinds == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(kinds));
        renamedFrom = renamedFrom == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(renamedFrom));
        changedLines = changedLines == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(changedLines));
        baseAhead = baseAhead == null ? List.of() : List.copyOf(baseAhead);
    }

    /** A change set whose head has all of its base. */
    public Detection(boolean changed, List<String> changedFiles, String method, Map<String, Kind> kinds, String base,
                     Map<String, String> renamedFrom, Map<String, Integer> changedLines) {
        this(changed, changedFiles, method, kinds, base, renamedFrom, changedLines, List.of());
    }

    /** A change set without lines from a diff (git's, whose base is in the clone, or a list without diffs). */
    public Detection(boolean changed, List<String> changedFiles, String method, Map<String, Kind> kinds, String base,
                     Map<String, String> renamedFrom) {
        this(changed, changedFiles, method, kinds, base, renamedFrom, Map.of());
    }

    /** A change set without renames. */
    public Detection(boolean changed, List<String> changedFiles, String method, Map<String, Kind> kinds, String base) {
        this(changed, changedFiles, method, kinds, base, Map.of());
    }

    /** A change set whose kinds of change are not known (a file list from elsewhere). */
    public Detection(boolean changed, List<String> changedFiles, String method) {
        this(changed, changedFiles, method, Map.of(), null, Map.of(), Map.of());
    }

    /** The path a renamed {@code file} has on the base; null when it was not renamed. */
    public String previousPath(String file) {
        return renamedFrom.get(file);
    }

    /** The first changed line of {@code file} as the file list's diff says (see {@link #changedLines}); 0: not known. */
    public int changedLine(String file) {
        return changedLines.getOrDefault(file, 0);
    }

    /** How {@code file} (relative to the repository root) differs from the base. */
    public Kind kindOf(String file) {
        return kinds.getOrDefault(file, changedFiles.contains(file) ? Kind.UNKNOWN : null);
    }
}
