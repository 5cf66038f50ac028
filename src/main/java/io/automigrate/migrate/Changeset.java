package io.automigrate.migrate;

import java.util.List;

/**
 * One Liquibase changeset of a formatted-SQL migration file. {@code sql} is the statements as written (each ending
 * with {@code ;}); {@code rollback} likewise: null when the changeset has none, empty when it says
 * {@code --rollback not required}. {@code line} is where its
 * {@code --changeset} line stands (1-based; 0 for one not read from a file). {@code allowed} holds the finding
 * codes suppressed inline with {@code -- automigrate:allow CODE reason}.
 */
public record Changeset(String author, String id, boolean runInTransaction, String comment, String sql,
                        String rollback, int line, List<String> allowed) {
    public Changeset {
        allowed = List.copyOf(allowed);
    }

    public boolean hasRollback() {
        return rollback != null;
    }
}
