package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The migration history against what DATABASECHANGELOG says ran: how many changesets are applied (always a prefix of
 * the history once the checks pass), and the pending ones cut into steps that each apply atomically.
 */
public record MigrationState(MigrationHistory history, List<ChangelogTable.Applied> applied, int appliedCount,
                             List<Step> pending) {

    /**
     * Changesets applied together: a file's consecutive transactional changesets share one transaction; a
     * {@code runInTransaction:false} changeset is a step of its own.
     */
    public record Step(String path, MigrationFile file, List<Changeset> changesets, boolean transactional) {
        public Step {
            changesets = List.copyOf(changesets);
        }
    }

    /**
     * Refuses (exit 1, naming the file) an applied changeset whose file changed since ({@code checksums} gives the
     * current checksum of every changeset, keyed like {@link ChangelogTable.Applied#key()}, in the checksum
     * version asked for), one recorded as applied that the history lacks, and a pending changeset that sorts before
     * an applied one.
     */
    public static MigrationState of(MigrationHistory history, List<ChangelogTable.Applied> applied,
                                    IntFunction<Map<String, String>> checksums, String database) {
        Map<String, ChangelogTable.Applied> byKey = new LinkedHashMap<>();
        applied.forEach(a -> byKey.put(a.key(), a));
        history = history.settled(applied.stream().map(ChangelogTable.Applied::fileName)
                .collect(java.util.stream.Collectors.toSet()));
        Map<Integer, Map<String, String>> sumsByVersion = new HashMap<>();
        Map<String, Located> inHistory = new LinkedHashMap<>();
        for (MigrationFile file : history.files()) {
            for (Changeset c : file.changesets()) {
                inHistory.put(history.pathOf(file) + "::" + c.id() + "::" + c.author(), new Located(file, c));
            }
        }
        for (ChangelogTable.Applied row : applied) {
            Located located = inHistory.get(row.key());
            if (located == null) {
                throw AutomigrateException.checkFailed(row.fileName() + ": changeset " + row.author() + ":" + row.id()
                        + " was applied to " + database + " on " + row.executedAt() + ", but it is not in "
                        + history.directory() + ": restore the file as it was applied, or run this against the right "
                        + "database");
            }
            if (row.checksum() == null || !row.checksum().contains(":")) continue;
            int version = Integer.parseInt(row.checksum().substring(0, row.checksum().indexOf(':')));
            String now = sumsByVersion.computeIfAbsent(version, checksums::apply).get(row.key());
            if (now != null && !now.equals(row.checksum())) {
                throw AutomigrateException.checkFailedAt(
                        new AutomigrateException.Location(row.fileName(), located.changeset.line(), 0),
                        "changeset "
                        + row.author() + ":" + row.id() + " was changed after it was applied to " + database + " (on "
                        + row.executedAt() + "; checksum then " + row.checksum() + ", now " + now + "). Restore the "
                        + "file as it was applied (git log -p " + row.fileName() + ") and put the change in a new "
                        + "migration (automigrate plan)");
            }
        }
        int count = 0;
        List<Located> pending = new ArrayList<>();
        for (Map.Entry<String, Located> entry : inHistory.entrySet()) {
            if (byKey.containsKey(entry.getKey())) {
                if (!pending.isEmpty()) {
                    Located first = pending.get(0);
                    throw AutomigrateException.checkFailedAt(
                            new AutomigrateException.Location(history.pathOf(first.file), first.changeset.line(), 0),
                            "changeset " + first.changeset.author() + ":" + first.changeset.id() + " is not applied "
                            + "to " + database + ", but it sorts before " + entry.getKey().replaceAll("::.*", "")
                            + ", which is (out of order, e.g. a branch merged after a later one was deployed). "
                            + "Give the file a timestamp after the last applied migration (rename it) so it runs last");
                }
                count++;
            } else {
                pending.add(entry.getValue());
            }
        }
        return new MigrationState(history, applied, count, steps(history, pending));
    }

    private record Located(MigrationFile file, Changeset changeset) {
    }

    private static List<Step> steps(MigrationHistory history, List<Located> pending) {
        List<Step> steps = new ArrayList<>();
        List<Changeset> run = new ArrayList<>();
        MigrationFile runFile = null;
        for (Located l : pending) {
            if (runFile != null && (runFile != l.file || !l.changeset.runInTransaction())) {
                steps.add(new Step(history.pathOf(runFile), runFile, run, true));
                run = new ArrayList<>();
                runFile = null;
            }
            if (!l.changeset.runInTransaction()) {
                steps.add(new Step(history.pathOf(l.file), l.file, List.of(l.changeset), false));
            } else {
                runFile = l.file;
                run.add(l.changeset);
            }
        }
        if (runFile != null) steps.add(new Step(history.pathOf(runFile), runFile, run, true));
        return steps;
    }

    /**
     * The paths of the history's files with a changeset that {@code applied} lacks, in order: what an apply has
     * left to run, known before (and whatever) {@link #of} decides about the history.
     */
    public static List<String> unappliedPaths(MigrationHistory history, List<ChangelogTable.Applied> applied) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        applied.forEach(a -> keys.add(a.key()));
        List<String> paths = new ArrayList<>();
        for (MigrationFile file : history.files()) {
            String path = history.pathOf(file);
            boolean pending = file.changesets().stream()
                    .anyMatch(c -> !keys.contains(path + "::" + c.id() + "::" + c.author()));
            if (pending) paths.add(path);
        }
        return paths;
    }

    /** The pending files in order, each once. */
    public List<MigrationFile> pendingFiles() {
        List<MigrationFile> files = new ArrayList<>();
        for (Step step : pending) {
            if (files.isEmpty() || files.get(files.size() - 1) != step.file()) files.add(step.file());
        }
        return files;
    }

    /** How many pending changesets {@code file} has. */
    public int pendingIn(MigrationFile file) {
        return pending.stream().filter(s -> s.file() == file).mapToInt(s -> s.changesets().size()).sum();
    }
}
