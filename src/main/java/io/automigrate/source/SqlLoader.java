package io.automigrate.source;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs SQL files, in order, against a throwaway database. Each statement goes to the server exactly as written
 * (simple query protocol, no driver rewriting), so an error's position is an offset into the file and is reported
 * as {@code file:line:col: ERROR: message}.
 */
public final class SqlLoader {
    private SqlLoader() {
    }

    /** Loads {@code files} into {@code database}: each file in a session of its own, each statement committed. */
    public static void load(List<SqlFile> files, DatabaseUrl database) {
        DatabaseUrl verbatim = verbatim(database);
        for (SqlFile file : files) {
            SqlScript script = SqlScript.parse(file, file.read());
            try (Connection connection = Connections.open(verbatim)) {
                runAll(connection, script);
            } catch (SQLException e) {
                throw lostConnection(file, e);
            }
        }
    }

    /**
     * Loads {@code files} on {@code connection} (opened on {@link #verbatim}) inside the caller's transaction, which
     * the caller ends (see {@link io.automigrate.db.RolledBack}), each file sent whole. Between files the session's
     * settings are reset, as a session of its own would start. Only for {@link #loadsInOneTransaction} files; even
     * then a statement may refuse to run in a transaction block, and an error inside a function body is placed less
     * exactly, so a caller reports a failure by loading again with {@link #load(List, DatabaseUrl)}.
     */
    public static void loadInTransaction(List<SqlFile> files, Connection connection) {
        boolean first = true;
        for (SqlFile file : files) {
            SqlScript script = SqlScript.parse(file, file.read());
            try {
                if (!first) {
                    try (java.sql.Statement reset = connection.createStatement()) {
                        reset.execute("RESET ALL");
                        reset.execute("SET SESSION AUTHORIZATION DEFAULT");
                    }
                }
                first = false;
                if (script.statements().isEmpty()) continue;
                // The whole file in one round trip. An error with a position maps to its file line and column; one
                // without (inside a PL/pgSQL body) is placed at the file's first statement: loading again says where.
                SqlScript.Statement whole = new SqlScript.Statement(script.text(), 0,
                        script.statements().get(0).codeStart(), List.of());
                try (java.sql.Statement jdbc = connection.createStatement()) {
                    jdbc.setEscapeProcessing(false);
                    run(jdbc, script, whole);
                }
            } catch (SQLException e) {
                throw lostConnection(file, e);
            }
        }
    }

    /**
     * Whether {@code files} give the same result run in one transaction as statement by statement: none of their
     * statements begins or ends a transaction (a ROLLBACK in one transaction would undo everything before it).
     */
    public static boolean loadsInOneTransaction(List<SqlFile> files) {
        for (SqlFile file : files) {
            for (SqlScript.Statement statement : SqlScript.parse(file, file.read()).statements()) {
                SqlToken first = statement.tokens().get(0);
                if (TRANSACTION_CONTROL.stream().anyMatch(first::isWord)) return false;
            }
        }
        return true;
    }

    private static final List<String> TRANSACTION_CONTROL = List.of(
            "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release", "prepare");

    /** The URL of a session that sends each statement exactly as written (see the class comment). */
    public static DatabaseUrl verbatim(DatabaseUrl database) {
        return database.withParameter("preferQueryMode", "simple");
    }

    private static void runAll(Connection connection, SqlScript script) throws SQLException {
        try (java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            for (SqlScript.Statement statement : script.statements()) {
                run(jdbc, script, statement);
            }
        }
    }

    private static AutomigrateException lostConnection(SqlFile file, SQLException e) {
        return AutomigrateException.database(file.displayName() + ": lost the connection to the shadow database: "
                + Connections.describe(e), e);
    }

    private static void run(java.sql.Statement jdbc, SqlScript script, SqlScript.Statement statement)
            throws SQLException {
        try {
            jdbc.execute(statement.sql());
        } catch (PSQLException e) {
            ServerErrorMessage error = e.getServerErrorMessage();
            if (error == null) throw e;
            int offset = SqlStatements.errorOffset(script.text(), statement.chunkStart(), statement.codeStart(),
                    statement.sql(), !statement.tokens().isEmpty(), error);
            AutomigrateException.Location at = script.lines().location(script.file().displayName(), offset);
            StringBuilder message = new StringBuilder(at.toString()).append(": ")
                    .append(error.getSeverity() == null ? "ERROR" : error.getSeverity()).append(": ")
                    .append(error.getMessage());
            if (error.getDetail() != null) message.append("\n  detail: ").append(error.getDetail());
            if (error.getHint() != null) message.append("\n  hint: ").append(error.getHint());
            throw new AutomigrateException(ExitCode.BAD_INPUT, message.toString(), e, at);
        }
    }
}
