package io.automigrate.migrate;

import io.automigrate.sql.RenderOptions;
import io.automigrate.sql.RenderedChange;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Groups a rendered migration into changesets: consecutive changes that run in a transaction share one changeset;
 * a change with a statement PostgreSQL refuses inside a transaction block gets a changeset of its own with
 * {@code runInTransaction:false}, as does a change rendered to run alone ({@link RenderedChange#ownChangeset()}).
 * Each changeset's rollback undoes its changes, last first. With online options, each changeset (and the rollback of
 * a transactional one) starts by setting {@code lock_timeout} ({@link RenderOptions#lockTimeoutStatement}).
 */
public final class MigrationBuilder {
    private MigrationBuilder() {
    }

    /** The statements of one changeset, in the order they run, and those of its rollback. */
    public record Group(boolean transactional, List<Statement> forward, List<Statement> rollback) {
        public Group {
            forward = List.copyOf(forward);
            rollback = List.copyOf(rollback);
        }
    }

    public static MigrationFile build(String fileName, RenderedMigration migration, String author, String comment) {
        return build(fileName, migration, author, comment, RenderOptions.offline());
    }

    public static MigrationFile build(String fileName, RenderedMigration migration, String author, String comment,
                                      RenderOptions options) {
        String id = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        List<Group> groups = groups(migration, options);
        List<Changeset> changesets = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            String changesetId = i == 0 ? id : id + "-" + (i + 1);
            changesets.add(new Changeset(author, changesetId, group.transactional(), comment,
                    RenderedMigration.script(group.forward()), RenderedMigration.script(group.rollback()), 0,
                    List.of()));
        }
        return new MigrationFile(fileName, changesets);
    }

    /** The changesets of {@code migration}, in order, as statements. */
    public static List<Group> groups(RenderedMigration migration, RenderOptions options) {
        List<List<RenderedChange>> grouped = new ArrayList<>();
        List<RenderedChange> open = new ArrayList<>();
        // A change that runs in the rollback only (no forward SQL) rides with a changeset beside it, so that its
        // rollback runs at its place, walking backwards: the open transactional one, else the one before it (the
        // ADD VALUE whose rollback needs it), else the one after it. One whose rollback has a statement PostgreSQL
        // refuses in a transaction (DROP INDEX CONCURRENTLY) is taken last: that rollback is sent whole.
        List<Map.Entry<RenderedChange, Integer>> riders = new ArrayList<>();
        for (RenderedChange change : migration.changes()) {
            if (change.forward().isEmpty()) {
                if (change.rollback().isEmpty()) continue;
                if (!open.isEmpty()) open.add(change);
                else riders.add(Map.entry(change, grouped.size() - 1));
                continue;
            }
            if (transactional(change) && !change.ownChangeset()) {
                open.add(change);
            } else {
                if (!open.isEmpty()) grouped.add(open);
                open = new ArrayList<>();
                grouped.add(new ArrayList<>(List.of(change)));
            }
        }
        if (!open.isEmpty()) grouped.add(open);
        int[] placedFirst = new int[grouped.size()];
        for (Map.Entry<RenderedChange, Integer> rider : riders) {
            int before = rider.getValue();
            int after = before + 1;
            boolean beforeFits = before >= 0 && rollbackTransactional(grouped.get(before));
            boolean afterFits = after < grouped.size() && rollbackTransactional(grouped.get(after));
            if (beforeFits || before >= 0 && !afterFits) {
                grouped.get(before).add(rider.getKey());
            } else if (after < grouped.size()) {
                grouped.get(after).add(placedFirst[after]++, rider.getKey());
            }
        }

        List<Group> groups = new ArrayList<>();
        for (List<RenderedChange> changes : grouped) {
            boolean transactional = changes.stream().allMatch(MigrationBuilder::transactional);
            Statement lockTimeout = options.lockTimeoutStatement(transactional);
            List<Statement> forward = new ArrayList<>();
            List<Statement> rollback = new ArrayList<>();
            changes.forEach(c -> forward.addAll(c.forward()));
            List<RenderedChange> reversed = new ArrayList<>(changes);
            Collections.reverse(reversed);
            reversed.forEach(c -> rollback.addAll(c.rollback()));
            if (lockTimeout != null) {
                forward.add(0, lockTimeout);
                // An empty rollback stays empty ("not required" says more than a lone SET); outside a transaction the
                // rollback is sent whole (see FormattedSql), so it cannot take a second statement.
                if (transactional && !rollback.isEmpty()) rollback.add(0, lockTimeout);
            }
            groups.add(new Group(transactional, forward, rollback));
        }
        return groups;
    }

    private static boolean rollbackTransactional(List<RenderedChange> changes) {
        return changes.stream().allMatch(c -> c.rollback().stream().allMatch(Statement::transactional));
    }

    private static boolean transactional(RenderedChange change) {
        return change.forward().stream().allMatch(Statement::transactional)
                && change.rollback().stream().allMatch(Statement::transactional);
    }
}
