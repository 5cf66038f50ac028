package io.automigrate.migrate;

import java.util.List;

/** A migration file: {@code YYYYMMDDHHMMSS_<name>.sql} holding one or more changesets. */
public record MigrationFile(String fileName, List<Changeset> changesets) {
    public MigrationFile {
        changesets = List.copyOf(changesets);
    }

    /** The file name without {@code .sql}: {@code 20261122153000_add_orders_table}. */
    public String id() {
        return fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }
}
