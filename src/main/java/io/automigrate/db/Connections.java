package io.automigrate.db;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens JDBC connections and turns driver failures into messages that name the host and never the password. */
public final class Connections {
    private Connections() {
    }

    public static Connection open(DatabaseUrl url) {
        try {
            return DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties());
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot connect to " + url.display() + ": " + describe(e)
                    + hint(e), e);
        }
    }

    /**
     * A connection on which nothing can be written: {@code default_transaction_read_only} is set for the session
     * before any statement runs.
     */
    public static Connection openReadOnly(DatabaseUrl url) {
        Connection connection = open(url);
        try (Statement st = connection.createStatement()) {
            st.execute("SET default_transaction_read_only = on");
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw AutomigrateException.database("cannot open a read-only session on " + url.display() + ": "
                    + describe(e), e);
        }
    }

    /** The server's major version (15 for 15.4), as the session reports it. */
    public static int majorVersion(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read the server's version: " + describe(e), e);
        }
    }

    /** As above, on a session of its own. */
    public static int majorVersion(DatabaseUrl url) {
        try (Connection connection = open(url)) {
            return majorVersion(connection);
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + describe(e), e);
        }
    }

    /** The driver's message, one line, secrets removed. */
    public static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Secrets.redact(message.lines().findFirst().orElse(message).strip());
    }

    /**
     * The host name the connection failed to resolve, or null: a name that does not resolve is a wrong URL far more
     * often than a server still starting (a CI service's name resolves before the job's steps run).
     */
    public static String unresolvedHost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException unknown) {
                String host = unknown.getMessage() == null ? "" : unknown.getMessage().strip();
                int colon = host.indexOf(':');
                return colon > 0 ? host.substring(0, colon) : host.isEmpty() ? "of the URL" : host;
            }
        }
        return null;
    }

    /** The server does not do SSL, and the URL requires it: no retry changes that. */
    public static boolean sslRefused(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "08004".equals(e.getSQLState()) && message.contains("SSL");
    }

    private static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (sslRefused(e)) {
            return " (the URL asks for SSL, sslmode=require or stricter, and the server does not offer it: enable SSL "
                    + "on the server, or use sslmode=prefer or disable where the network is trusted)";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return " (check the user and password)";
        }
        if (state.equals("3D000")) {
            return " (the database does not exist; check the URL's path)";
        }
        String unresolved = unresolvedHost(e);
        if (unresolved != null) {
            return " (the host name " + unresolved + " does not resolve: check the URL's host, or the service name "
                    + "in CI)";
        }
        if (state.startsWith("08")) {
            return " (is the server running and reachable from here?)";
        }
        return "";
    }

    public static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after a failure: the first error is the one to report
        }
    }
}
