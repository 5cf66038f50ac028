package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.config.Config;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code automigrate status}: the migration files against the database's DATABASECHANGELOG (read-only), and the
 * live schema against what the applied migrations should have produced.
 */
public final class StatusCheck {
    /** The checksum version Liquibase 4.x writes. */
    private static final int CURRENT_CHECKSUM = 9;

    private StatusCheck() {
    }

    /**
     * {@code automigrate status} of {@code target}, as the CLI and the GitHub Action run it: the database awaited
     * with its environment's retries; {@code shadow} null leaves the drift summary out (no throwaway database).
     */
    public static StatusResult run(Target target, Path root, Config config,
                                   io.automigrate.shadow.ShadowOptions shadow, java.util.function.Consumer<String> log) {
        DatabaseUrl url = target.awaitReachable("automigrate status", log);
        if (shadow == null) {
            return run(url, target.describe(), target.initCommand(), root, config, null);
        }
        // The throwaway server runs the live database's major version, so canonical texts compare.
        try (ShadowServer server = io.automigrate.shadow.ShadowServers.startFor(shadow,
                io.automigrate.db.Connections.majorVersion(url), log)) {
            return run(url, target.describe(), target.initCommand(), root, config, server);
        }
    }

    /** {@code server} null: no drift summary (nothing is started). */
    public static StatusResult run(DatabaseUrl url, String target, Path root, Config config, ShadowServer server) {
        return run(url, target, Baseline.initCommand(null, url, url.display()), root, config, server);
    }

    /** As above; {@code initCommand} baselines the database when it was never baselined. */
    public static StatusResult run(DatabaseUrl url, String target, String initCommand, Path root, Config config,
                                   ShadowServer server) {
        // Read the files first: a broken migration file is bad input, found before any database is touched.
        if (config.changelog() == null) MigrationHistory.read(root, config.migrations(), config.migrationFormat(), true);
        try (Connection live = Connections.openReadOnly(url)) {
            List<ChangelogTable.Applied> applied = ChangelogTable.read(live);
            List<FileState> states = states(checksums(url, root, config, applied), applied);
            Drift drift = server == null ? null : DriftCheck.liveVsHistory(live, target, initCommand, root,
                    config, server);
            return new StatusResult(target, states, drift, RepairRecord.lines(live));
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
    }

    /**
     * The changesets of the history in order (the keys of version 9's map) with their checksums in every version
     * the database recorded. Parsing needs a Liquibase database object, so it gets a read-only session of its own.
     */
    private static Map<Integer, Map<String, String>> checksums(DatabaseUrl url, Path root, Config config,
                                                              List<ChangelogTable.Applied> applied) {
        TreeSet<Integer> versions = new TreeSet<>(List.of(CURRENT_CHECKSUM));
        for (ChangelogTable.Applied a : applied) {
            Integer v = version(a.checksum());
            if (v != null) versions.add(v);
        }
        Map<Integer, Map<String, String>> sums = new HashMap<>();
        Connection parsing = Connections.openReadOnly(url);
        try (LiquibaseRunner runner = config.changelog() != null
                ? LiquibaseRunner.forChangelog(parsing, root, config.changelog())
                : LiquibaseRunner.forHistory(parsing, MigrationHistory.read(root, config.migrations(),
                config.migrationFormat(), true).settled(applied.stream().map(ChangelogTable.Applied::fileName)
                .collect(java.util.stream.Collectors.toSet())))) {
            for (int v : versions) sums.put(v, runner.checksums(v));
        } finally {
            Connections.closeQuietly(parsing);
        }
        return sums;
    }

    /** Each file's state, in history order, then the applied changesets no file holds. Pure. */
    static List<FileState> states(Map<Integer, Map<String, String>> sums, List<ChangelogTable.Applied> applied) {
        Map<String, ChangelogTable.Applied> appliedByKey = new HashMap<>();
        applied.forEach(a -> appliedByKey.put(a.key(), a));
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        for (String key : sums.get(CURRENT_CHECKSUM).keySet()) {
            byFile.computeIfAbsent(fileOf(key), f -> new ArrayList<>()).add(key);
        }
        List<String> files = new ArrayList<>(byFile.keySet());
        int lastApplied = -1;
        for (int i = 0; i < files.size(); i++) {
            if (byFile.get(files.get(i)).stream().anyMatch(appliedByKey::containsKey)) lastApplied = i;
        }
        List<FileState> states = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            List<String> keys = byFile.get(file);
            List<String> ran = keys.stream().filter(appliedByKey::containsKey).toList();
            List<String> edited = new ArrayList<>();
            for (String key : ran) {
                String stored = appliedByKey.get(key).checksum();
                Integer v = version(stored);
                String now = v == null || !sums.containsKey(v) ? null : sums.get(v).get(key);
                if (now != null && !now.equals(stored)) edited.add(idOf(key));
            }
            if (!edited.isEmpty()) {
                states.add(new FileState(file, FileState.State.EDITED, "changed after it was applied "
                        + "(changeset " + String.join(", ", edited) + "): restore the applied version from git, and "
                        + "put the change in a new migration ('automigrate plan')"));
            } else if (ran.size() == keys.size()) {
                states.add(new FileState(file, FileState.State.APPLIED, ""));
            } else if (ran.isEmpty() && i < lastApplied) {
                states.add(new FileState(file, FileState.State.OUT_OF_ORDER, "sorts before "
                        + files.get(lastApplied) + ", which is already applied: it was skipped over. Give it a newer "
                        + "timestamp (rename the file) if it must run after that one"));
            } else if (ran.isEmpty()) {
                states.add(new FileState(file, FileState.State.PENDING, ""));
            } else {
                List<String> notRun = keys.stream().filter(k -> !appliedByKey.containsKey(k)).map(StatusCheck::idOf)
                        .toList();
                states.add(new FileState(file, FileState.State.PARTIAL, ran.size() + " of " + keys.size()
                        + " changesets applied; not applied: " + String.join(", ", notRun)));
            }
        }
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (ChangelogTable.Applied a : applied) {
            if (!sums.get(CURRENT_CHECKSUM).containsKey(a.key())) {
                missing.computeIfAbsent(a.fileName(), f -> new ArrayList<>()).add(a.id());
            }
        }
        missing.forEach((file, ids) -> states.add(new FileState(file, FileState.State.MISSING,
                "recorded as applied (changeset " + String.join(", ", ids) + "), but no migration file holds it: "
                        + "restore the file from git")));
        return states;
    }

    private static Integer version(String checksum) {
        if (checksum == null) return null;
        int colon = checksum.indexOf(':');
        try {
            return colon < 0 ? null : Integer.valueOf(checksum.substring(0, colon));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fileOf(String key) {
        return key.substring(0, key.indexOf("::"));
    }

    private static String idOf(String key) {
        String rest = key.substring(key.indexOf("::") + 2);
        return rest.substring(0, rest.lastIndexOf("::"));
    }
}
