package io.automigrate.migrate;

import io.automigrate.sql.RenderOptions;
import io.automigrate.sql.RenderedChange;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        // A change that runs in the rollback only (no forward SQL) rides with the changeset of the change before it,
        // or, when it comes first, of the one after it: its rollback then runs at its place, walking backwards.
        List<RenderedChange> waiting = new ArrayList<>();
        for (RenderedChange change : migration.changes()) {
            if (change.forward().isEmpty()) {
                if (change.rollback().isEmpty()) continue;
                if (!open.isEmpty()) open.add(change);
                else if (!grouped.isEmpty()) grouped.get(grouped.size() - 1).add(change);
                else waiting.add(change);
                continue;
            }
            if (transactional(change) && !change.ownChangeset()) {
                open.addAll(waiting);
                open.add(change);
            } else {
                if (!open.isEmpty()) grouped.add(open);
                open = new ArrayList<>();
                List<RenderedChange> alone = new ArrayList<>(waiting);
                alone.add(change);
                grouped.add(alone);
            }
            waiting.clear();
        }
        if (!open.isEmpty()) grouped.add(open);

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

    private static boolean transactional(RenderedChange change) {
        return change.forward().stream().allMatch(Statement::transactional)
                && change.rollback().stream().allMatch(Statement::transactional);
    }
}
