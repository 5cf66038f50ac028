package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.db.Connections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code automigrate_environments}: what a database remembers about the environments automigrate deployed to it.
 * Every command that changes a database for an environment ({@code apply}, {@code init}, {@code repair}) calls
 * {@link #record}; the production guard calls {@link #read}. One row per environment name (empty for a URL that
 * matched no environment): whether it was production, and the last command and time. A database that once served
 * a production environment stays production ({@code production} is never set back to false by automigrate): a later
 * command that reaches it under another URL, another variable or another environment's name gets production's
 * rules. It sits beside DATABASECHANGELOG and, like it, is left out of every schema read
 * ({@link io.automigrate.state.StateReader#BOOKKEEPING}).
 */
public final class EnvironmentRecord {
    public static final String TABLE = "automigrate_environments";

    private EnvironmentRecord() {
    }

    /** One environment the database served. {@code environment} is empty for a URL of no environment. */
    public record Entry(String environment, boolean production, String lastCommand, String lastAt) {
        /** "environment 'production' (apply, 2026-12-03 16:40:01 UTC)", for messages. */
        public String describe() {
            return (environment.isEmpty() ? "a database of no environment" : "environment '" + environment + "'")
                    + " (" + lastCommand + ", " + lastAt + " UTC)";
        }
    }

    /**
     * Remembers that {@code command} served {@code environment} (null: none) on this database, creating the table
     * when absent. Production is sticky: a row once production stays so. Runs on {@code connection} as it is (in the
     * caller's transaction, if any).
     */
    public static void record(Connection connection, String environment, boolean production, String command)
            throws SQLException {
        DatabaseAccess.execute(connection, "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "environment text PRIMARY KEY, "
                + "production boolean NOT NULL, "
                + "first_at timestamptz NOT NULL DEFAULT now(), "
                + "last_at timestamptz NOT NULL DEFAULT now(), "
                + "last_command text NOT NULL, "
                + "db_user text NOT NULL DEFAULT current_user)");
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO " + TABLE
                + " (environment, production, last_command) VALUES (?, ?, ?) ON CONFLICT (environment) DO UPDATE SET "
                + "production = " + TABLE + ".production OR excluded.production, last_at = now(), "
                + "last_command = excluded.last_command, db_user = current_user")) {
            st.setString(1, environment == null ? "" : environment);
            st.setBoolean(2, production);
            st.setString(3, command);
            st.executeUpdate();
        }
    }

    /** The environments recorded, production first; empty when the table is absent. Reads only. */
    public static List<Entry> read(Connection connection) {
        try {
            if (!ChangelogTable.exists(connection, TABLE)) return List.of();
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement("SELECT environment, production, last_command, "
                    + "to_char(last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM " + TABLE
                    + " ORDER BY production DESC, last_at DESC");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read " + TABLE + ": " + Connections.describe(e), e);
        }
    }

    /** The production environment the database says it served, if any. */
    public static Optional<Entry> production(List<Entry> entries) {
        return entries.stream().filter(Entry::production).findFirst();
    }
}
