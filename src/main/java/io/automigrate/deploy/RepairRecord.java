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
 * {@code automigrate_repairs}: one row per repair, written in the repair's own transaction (so a repair that rolled
 * back left no row): when, by which database user from which host, for which environment, what was re-created and
 * the SQL. It sits beside DATABASECHANGELOG and, like it, is left out of every schema read
 * ({@link io.automigrate.state.StateReader#BOOKKEEPING}).
 */
final class RepairRecord {
    static final String TABLE = "automigrate_repairs";

    private RepairRecord() {
    }

    /** Creates the table when absent and adds the row; on the repair's transaction. */
    static void write(Connection connection, String environment, String summary, List<String> changes, String sql)
            throws SQLException {
        DatabaseAccess.execute(connection, "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "repaired_at timestamptz NOT NULL DEFAULT now(), "
                + "db_user text NOT NULL DEFAULT current_user, "
                + "client_host text, "
                + "environment text, "
                + "summary text NOT NULL, "
                + "changes text NOT NULL, "
                + "sql text NOT NULL)");
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO " + TABLE
                + " (client_host, environment, summary, changes, sql) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, Deployer.hostName());
            st.setString(2, environment);
            st.setString(3, summary);
            st.setString(4, String.join("\n", changes));
            st.setString(5, sql);
            st.executeUpdate();
        }
    }

    /** "repaired on 2026-12-03 16:40:01 UTC by app on build-7: 2 columns, 1 index", oldest first; read only. */
    static List<String> lines(Connection connection) {
        try {
            if (!ChangelogTable.exists(connection, TABLE)) return List.of();
            List<String> lines = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement("SELECT to_char(repaired_at AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD HH24:MI:SS'), db_user, client_host, summary FROM " + TABLE + " ORDER BY repaired_at");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    lines.add("repaired on " + rs.getString(1) + " UTC by " + rs.getString(2)
                            + (rs.getString(3) == null ? "" : " on " + rs.getString(3)) + ": " + rs.getString(4));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read " + TABLE + ": " + Connections.describe(e), e);
        }
    }
}
