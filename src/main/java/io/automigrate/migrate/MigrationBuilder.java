package io.automigrate.migrate;

import io.automigrate.sql.RenderedChange;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Groups a rendered migration into changesets: consecutive changes that run in a transaction share one changeset;
 * a change with a statement PostgreSQL refuses inside a transaction block gets a changeset of its own with
 * {@code runInTransaction:false}. Each changeset's rollback undoes its changes, last first.
 */
public final class MigrationBuilder {
    private MigrationBuilder() {
    }

    public static MigrationFile build(String fileName, RenderedMigration migration, String author, String comment) {
        String id = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        List<List<RenderedChange>> groups = new ArrayList<>();
        List<RenderedChange> open = new ArrayList<>();
        for (RenderedChange change : migration.changes()) {
            if (change.forward().isEmpty()) continue;
            if (transactional(change)) {
                open.add(change);
            } else {
                if (!open.isEmpty()) groups.add(open);
                open = new ArrayList<>();
                groups.add(List.of(change));
            }
        }
        if (!open.isEmpty()) groups.add(open);

        List<Changeset> changesets = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<RenderedChange> group = groups.get(i);
            String changesetId = i == 0 ? id : id + "-" + (i + 1);
            List<Statement> forward = group.stream().flatMap(c -> c.forward().stream()).toList();
            List<RenderedChange> reversed = new ArrayList<>(group);
            Collections.reverse(reversed);
            List<Statement> rollback = reversed.stream().flatMap(c -> c.rollback().stream()).toList();
            changesets.add(new Changeset(author, changesetId, transactional(group.get(0)), comment,
                    RenderedMigration.script(forward), RenderedMigration.script(rollback), 0, List.of()));
        }
        return new MigrationFile(fileName, changesets);
    }

    private static boolean transactional(RenderedChange change) {
        return change.forward().stream().allMatch(Statement::transactional)
                && change.rollback().stream().allMatch(Statement::transactional);
    }
}
