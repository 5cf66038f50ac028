package io.automigrate.migrate;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.Secrets;
import io.automigrate.source.SqlStatements;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.PreparedStatementFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.DatabaseException;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.core.formattedsql.FormattedSqlChangeLogParser;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.AbstractSqlStatement;
import liquibase.statement.ExecutablePreparedStatement;
import liquibase.statement.SqlStatement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every changeset's text reaches PostgreSQL as written. Liquibase still parses each formatted-SQL file, so ids, paths,
 * checksums and its books stay its own; but its SQL change would split at inner semicolons, strip comments and pass
 * the text through the driver's {@code nativeSQL} (which turns the jsonb {@code ?} into {@code $1}). So each parsed
 * change, forward and rollback, is replaced by one that keeps the original's checksum and runs automigrate's own
 * reading of the file ({@link FormattedSql#located}) through a plain JDBC statement, statement by statement as psql
 * sends them (cut by {@link SqlStatements}, the one splitter), so a failure names its statement's file line.
 */
final class VerbatimSql {
    private VerbatimSql() {
    }

    /**
     * Where the changeset of a changelog translated from another tool's migration stands in that tool's files
     * ({@link LiquibaseRunner#forHistory}): the file of its SQL and the shift from the translated file's lines to
     * it, and the file and first line of its rollback. Keyed by the translated file's name.
     */
    record Origin(String sqlFile, int sqlShift, String rollbackFile, int rollbackLine) {
        FormattedSql.Located map(FormattedSql.Located located) {
            SourceText sql = located.sql();
            int[] lines = sql.lines().clone();
            for (int i = 0; i < lines.length; i++) lines[i] += sqlShift;
            SourceText mappedSql = new SourceText(sqlFile, sql.text(), lines, sql.columns());
            SourceText back = located.rollback();
            SourceText mappedBack = null;
            if (back != null) {
                int[] backLines = back.lines().clone();
                int first = backLines.length == 0 ? 0 : backLines[0];
                for (int i = 0; i < backLines.length; i++) backLines[i] = backLines[i] - first + rollbackLine;
                mappedBack = new SourceText(rollbackFile, back.text(), backLines, new int[backLines.length]);
            }
            return new FormattedSql.Located(located.changeset(), mappedSql, mappedBack);
        }
    }

    static final java.util.Map<String, Origin> ORIGINS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Takes over formatted-SQL files from Liquibase's own parser (which it runs first). */
    static final class Parser implements ChangeLogParser {
        private final FormattedSqlChangeLogParser liquibase = new FormattedSqlChangeLogParser();

        @Override
        public int getPriority() {
            return liquibase.getPriority() + 10;
        }

        @Override
        public boolean supports(String changeLogFile, ResourceAccessor resourceAccessor) {
            return liquibase.supports(changeLogFile, resourceAccessor);
        }

        @Override
        public DatabaseChangeLog parse(String path, ChangeLogParameters parameters, ResourceAccessor accessor)
                throws ChangeLogParseException {
            DatabaseChangeLog log = liquibase.parse(path, parameters, accessor);
            String text;
            try (InputStream in = accessor.getExisting(path).openInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ChangeLogParseException(path + ": cannot read: " + e.getMessage(), e);
            }
            Origin origin = ORIGINS.get(path.substring(path.lastIndexOf('/') + 1));
            List<FormattedSql.Located> ours = FormattedSql.located(path, text);
            if (origin != null) ours = ours.stream().map(origin::map).toList();
            List<ChangeSet> theirs = log.getChangeSets();
            for (int i = 0; i < theirs.size(); i++) {
                ChangeSet changeSet = theirs.get(i);
                FormattedSql.Located located = i < ours.size() ? ours.get(i) : null;
                if (located == null || !located.changeset().id().equals(changeSet.getId())
                        || !located.changeset().author().equals(changeSet.getAuthor())) {
                    throw AutomigrateException.badInput(path + ": changeset " + changeSet.getAuthor() + ":"
                            + changeSet.getId() + " is read differently by Liquibase and by automigrate: write its "
                            + "line as '--changeset author:id [attributes]' (no quotes, no spaces in author or id)");
                }
                replace(changeSet, located);
            }
            return log;
        }

        private static void replace(ChangeSet changeSet, FormattedSql.Located located) {
            Changeset c = located.changeset();
            String name = c.author() + ":" + c.id();
            List<Change> forward = new ArrayList<>(changeSet.getChanges());
            if (forward.size() == 1 && forward.get(0) instanceof RawSQLChange original) {
                changeSet.removeAllChanges(forward);
                changeSet.addChange(new Verbatim(original, new Script(name, false, c.runInTransaction(),
                        located.sql())));
            }
            List<Change> back = changeSet.getRollback().getChanges();
            if (located.rollback() != null && back.size() == 1 && back.get(0) instanceof RawSQLChange original) {
                Verbatim rollback = new Verbatim(original, new Script(name, true, c.runInTransaction(),
                        located.rollback()));
                rollback.setChangeSet(changeSet);
                changeSet.getRollback().setChanges(new ArrayList<>(List.of(rollback)));
            }
        }
    }

    /** What one change runs: a changeset's SQL or its rollback. */
    record Script(String changeset, boolean rollback, boolean transactional, SourceText source) {
        String describe() {
            return (rollback ? "the rollback of changeset " : "changeset ") + changeset;
        }
    }

    /** Liquibase's SQL change with its checksum and settings, running the text as written. */
    static final class Verbatim extends RawSQLChange {
        private final RawSQLChange original;
        private final Script script;

        Verbatim(RawSQLChange original, Script script) {
            this.original = original;
            this.script = script;
            setSql(original.getSql());
            setSplitStatements(original.isSplitStatements());
            setStripComments(original.isStripComments(), original.isStripCommentsUsedDefaultValue());
            setEndDelimiter(original.getEndDelimiter());
            setDbms(original.getDbms());
            setComment(original.getComment());
        }

        @Override
        public CheckSum generateCheckSum() {
            return original.generateCheckSum();
        }

        @Override
        public SqlStatement[] generateStatements(Database database) {
            return new SqlStatement[] {new Run(script, database)};
        }
    }

    /** Runs on the connection Liquibase works on (inside its transaction, or in auto-commit outside one). */
    static final class Run extends AbstractSqlStatement implements ExecutablePreparedStatement {
        private final Script script;
        private final Database database;

        Run(Script script, Database database) {
            this.script = script;
            this.database = database;
        }

        @Override
        public String getFormattedStatement(Database database) {
            return script.source().text();
        }

        @Override
        public void execute(PreparedStatementFactory factory) throws DatabaseException {
            Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
            String text = script.source().text();
            List<SqlStatements.Span> statements = SqlStatements.split(text);
            try (java.sql.Statement jdbc = connection.createStatement()) {
                jdbc.setEscapeProcessing(false);
                for (int i = 0; i < statements.size(); i++) {
                    SqlStatements.Span span = statements.get(i);
                    try {
                        jdbc.execute(span.of(text));
                    } catch (SQLException e) {
                        StatementFailure failure = StatementFailure.of(script, statements, i, e);
                        throw new DatabaseException(failure.getMessage(), failure);
                    }
                }
            } catch (SQLException e) {
                StatementFailure failure = StatementFailure.of(script, statements, 0, e);
                throw new DatabaseException(failure.getMessage(), failure);
            }
        }
    }

    /**
     * A statement of a changeset failed: the message names the file, line and column (PostgreSQL's position, mapped
     * into the file), the changeset, the statement and PostgreSQL's message; outside a transaction also which of the
     * changeset's statements ran. Exit 3 when the connection was lost, else 1.
     */
    static final class StatementFailure extends AutomigrateException {
        StatementFailure(ExitCode code, String message, SQLException cause, Location at) {
            super(code, message, cause, at);
        }

        static StatementFailure of(Script script, List<SqlStatements.Span> statements, int failed, SQLException e) {
            SourceText source = script.source();
            String text = source.text();
            SqlStatements.Span span = statements.isEmpty() ? new SqlStatements.Span(0, 0, text.length())
                    : statements.get(failed);
            ServerErrorMessage error = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
            int offset = error == null ? span.codeStart()
                    : SqlStatements.errorOffset(text, span.start(), span.codeStart(), span.of(text), true, error);
            StringBuilder message = new StringBuilder(source.where(offset)).append(": ").append(script.describe());
            if (statements.size() > 1) {
                message.append(", statement ").append(failed + 1).append(" of ").append(statements.size());
            }
            message.append(": ");
            if (error != null) {
                message.append(error.getSeverity() == null ? "ERROR" : error.getSeverity()).append(": ")
                        .append(error.getMessage());
                if (error.getDetail() != null) message.append("\n  detail: ").append(error.getDetail());
                if (error.getHint() != null) message.append("\n  hint: ").append(error.getHint());
            } else {
                message.append(e.getMessage());
            }
            if (!script.transactional() && statements.size() > 1) {
                message.append("\n  outside a transaction: ").append(ran(source, statements, failed));
            }
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            boolean lost = state.startsWith("08") || state.startsWith("57P0");
            return new StatementFailure(lost ? ExitCode.DATABASE : ExitCode.CHECK_FAILED,
                    Secrets.redact(message.toString()), e, source.location(offset));
        }

        /** Which statements ran (committed, outside a transaction) and which did not. */
        private static String ran(SourceText source, List<SqlStatements.Span> statements, int failed) {
            List<String> parts = new ArrayList<>();
            if (failed > 0) {
                parts.add(range(source, statements, 0, failed) + " ran and " + (failed == 1 ? "is" : "are")
                        + " committed");
            } else {
                parts.add("no statement of it ran before");
            }
            parts.add("statement " + (failed + 1) + " (line " + source.line(statements.get(failed).codeStart())
                    + ") failed");
            if (failed + 1 < statements.size()) {
                parts.add(range(source, statements, failed + 1, statements.size()) + " did not run");
            }
            return String.join("; ", parts);
        }

        private static String range(SourceText source, List<SqlStatements.Span> statements, int from, int to) {
            List<String> lines = new ArrayList<>();
            for (int i = from; i < to; i++) lines.add(String.valueOf(source.line(statements.get(i).codeStart())));
            return (to - from == 1 ? "statement " + (from + 1) + " (line " : "statements " + (from + 1) + "-" + to
                    + " (lines ") + String.join(", ", lines) + ")";
        }
    }
}
