package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.db.Connections;
import io.automigrate.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of Liquibase's DATABASECHANGELOG: a changeset recorded as applied. {@code file} is the path Liquibase
 * recorded ({@code db/migrations/20261122153000_x.sql}); {@code checksum} its stored form ({@code 9:hex}), null when
 * Liquibase cleared it; {@code execType} EXECUTED, MARK_RAN, RERAN...
 */
public record AppliedChangeset(String id, String author, String file, String checksum, int order,
                               Instant executedAt, String execType) {

    /** {@code path::id::author}, the key {@link io.automigrate.migrate.LiquibaseRunner} uses too. */
    public String key() {
        return file + "::" + id + "::" + author;
    }

    /**
     * The applied changesets in the order they ran, read with plain queries (nothing is created or locked, so a
     * read-only session works). A database without DATABASECHANGELOG has applied nothing.
     */
    public static List<AppliedChangeset> read(Connection connection) {
        try {
            String schema = changelogSchema(connection);
            if (schema == null) return List.of();
            String sql = "SELECT id, author, filename, md5sum, orderexecuted, dateexecuted, exectype FROM "
                    + Sql.qualified(schema, "databasechangelog") + " ORDER BY orderexecuted, dateexecuted";
            List<AppliedChangeset> rows = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(6);
                    rows.add(new AppliedChangeset(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), at == null ? null : at.toInstant(), rs.getString(7)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read the migration history (databasechangelog): "
                    + Connections.describe(e), e);
        }
    }

    /** The schema of the DATABASECHANGELOG the session sees on its search path, or null when there is none. */
    private static String changelogSchema(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT n.nspname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass('databasechangelog')");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
