package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.db.Connections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Liquibase's DATABASECHANGELOG, read with plain SQL so that reading creates nothing (a dry run leaves no trace).
 * An absent table means nothing was applied yet.
 */
public final class ChangelogTable {
    private ChangelogTable() {
    }

    /** One row: what ran, from which file, with which checksum, in which order. */
    public record Applied(String id, String author, String fileName, String checksum, int order, String executedAt) {
        public String key() {
            return fileName + "::" + id + "::" + author;
        }
    }

    public static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The applied changesets in the order they ran. */
    public static List<Applied> read(Connection connection) {
        try {
            if (!exists(connection, "databasechangelog")) return List.of();
            List<Applied> rows = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement("SELECT id, author, filename, md5sum, orderexecuted, "
                    + "to_char(dateexecuted, 'YYYY-MM-DD HH24:MI:SS') FROM databasechangelog "
                    + "WHERE exectype IN ('EXECUTED', 'MARK_RAN', 'RERAN') ORDER BY orderexecuted, dateexecuted");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Applied(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read DATABASECHANGELOG: " + Connections.describe(e), e);
        }
    }
}
