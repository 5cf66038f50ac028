package io.automigrate.inspect;

import io.automigrate.AutomigrateException;
import io.automigrate.db.Connections;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the inspector's catalog queries on one connection, counts them (the count must not grow with the number
 * of objects: one query per object kind) and turns driver failures into {@link AutomigrateException#database}
 * naming what was being read.
 */
final class CatalogQueries {
    /** Reads one result row into a value. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(Row row) throws SQLException;
    }

    private final Connection connection;
    private int statements;

    CatalogQueries(Connection connection) {
        this.connection = connection;
        this.database = databaseName(connection);
    }

    /** Read while the connection is open: a lost one no longer tells. */
    private final String database;

    private static String databaseName(Connection connection) {
        try {
            String name = connection.getCatalog();
            return name == null ? "the database" : "database '" + name + "'";
        } catch (SQLException | RuntimeException e) {
            return "the database";
        }
    }

    /** Statements run so far. */
    int statements() {
        return statements;
    }

    /** Reads one result row for its effect. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(Row row) throws SQLException;
    }

    /**
     * Runs {@code sql} with {@code parameters} ({@code String[]} binds as {@code text[]}) and reads every row.
     * {@code what} names the objects read, for the error message.
     */
    <T> List<T> list(String what, String sql, RowReader<T> reader, Object... parameters) {
        List<T> rows = new ArrayList<>();
        each(what, sql, row -> rows.add(reader.read(row)), parameters);
        return rows;
    }

    /** As {@link #list}, for readers that collect rows themselves. */
    void each(String what, String sql, RowConsumer consumer, Object... parameters) {
        statements++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                Row row = new Row(resultSet);
                while (resultSet.next()) {
                    consumer.accept(row);
                }
            }
        } catch (SQLException e) {
            if (lost(e)) throw connectionLost(e);
            String hint = "42501".equals(e.getSQLState())
                    ? " (the user needs to read pg_catalog and to use the schemas being inspected)" : "";
            throw AutomigrateException.database("cannot read " + what + " from the catalog of " + database() + ": "
                    + Connections.describe(e) + hint, e);
        }
    }

    /** Runs a statement that returns no rows (transaction settings). */
    void execute(String what, String sql) {
        statements++;
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (lost(e)) throw connectionLost(e);
            throw AutomigrateException.database("cannot set up " + what + " to read the catalog of " + database()
                    + ": " + Connections.describe(e), e);
        }
    }

    /** The session ended under the reader: the server restarted, the session was terminated, the network broke. */
    static boolean lost(SQLException e) {
        return e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().equals("57P01"));
    }

    /** What a reader whose connection was lost says: which database, that nothing changed, and what to do. */
    AutomigrateException connectionLost(SQLException e) {
        return AutomigrateException.database("the connection to " + database() + " was lost while reading its "
                + "catalog (" + Connections.describe(e) + "); it was only read, so nothing was changed. Check that "
                + "the server is up (it may have restarted, or the session was ended with pg_terminate_backend) and "
                + "run the command again", e);
    }

    /** The database this reader reads, by name (no URL: nothing that could hold a password). */
    String database() {
        return database;
    }

    /** Runs a statement that returns one text value (session settings). */
    String single(String what, String sql, Object... parameters) {
        List<String> values = list(what, sql, row -> row.text(1), parameters);
        return values.isEmpty() ? null : values.get(0);
    }
}
