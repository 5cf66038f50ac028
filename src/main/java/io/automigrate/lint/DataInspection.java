package io.automigrate.lint;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.sqltext.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --inspect-url}: looks at the target database's rows, read-only and under a statement timeout. Each finding
 * with a {@link Probe} learns the size of its table; locking findings on a tiny table drop to {@code info}, those on
 * a big one say how long the lock may last; data-dependent findings count the rows that would make the migration
 * fail: none drops the finding to {@code info}, some raise it to {@code error}.
 */
public final class DataInspection {
    /** Rewrite and scan speed assumed for the estimates: sequential I/O plus index builds on ordinary hardware. */
    public static final long ASSUMED_BYTES_PER_SECOND = 50L * 1024 * 1024;
    /** Below both limits a table is tiny: a lock on it is over in well under a second. */
    static final long TINY_ROWS = 10_000;
    static final long TINY_BYTES = 8L * 1024 * 1024;

    private DataInspection() {
    }

    /** The size of one table: estimated rows (exact when small or never analysed) and bytes with indexes. */
    public record TableSize(long rows, long bytes) {
        public boolean tiny() {
            return rows < TINY_ROWS && bytes < TINY_BYTES;
        }

        public String describe() {
            return "~" + rows + " rows, " + megabytes(bytes);
        }
    }

    public static List<Finding> inspect(DatabaseUrl url, List<Finding> findings, Duration statementTimeout) {
        if (findings.stream().allMatch(f -> f.probe() == null)) return findings;
        try (Connection connection = Connections.openReadOnly(url)) {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
            }
            List<Finding> out = inspect(connection, findings, url.display());
            connection.rollback();
            return out;
        } catch (SQLException e) {
            throw AutomigrateException.database("inspecting " + url.display() + ": " + Connections.describe(e), e);
        }
    }

    /** The same, on a connection the caller opened (read-only, in a transaction). */
    static List<Finding> inspect(Connection connection, List<Finding> findings, String where) throws SQLException {
        Map<QualifiedName, TableSize> sizes = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Probe probe = f.probe();
            if (probe == null) {
                out.add(f);
                continue;
            }
            if (!sizes.containsKey(probe.table())) sizes.put(probe.table(), size(connection, probe.table()));
            TableSize size = sizes.get(probe.table());
            if (size == null) {
                out.add(f.addDetail("Not checked: " + probe.table() + " does not exist on " + where + "."));
                continue;
            }
            out.add(judge(connection, f, size));
        }
        return out;
    }

    private static Finding judge(Connection connection, Finding f, TableSize size) throws SQLException {
        Probe probe = f.probe();
        Finding sized = f.addDetail("Table " + probe.table() + ": " + size.describe() + ".");
        if (probe.kind() == Probe.Kind.SIZE) {
            if (!f.code().startsWith("AM4")) return sized;
            if (size.tiny()) return sized.withSeverity(Severity.INFO).addDetail("Tiny table: the lock is brief.");
            return sized.addDetail("At an assumed " + megabytes(ASSUMED_BYTES_PER_SECOND) + "/s the table is "
                    + "locked for about " + duration(size.bytes()) + ".");
        }
        long violations = count(connection, probe);
        if (violations < 0) {
            return sized.addDetail("Not checked: a column of the probe does not exist on the target.");
        }
        String counted = switch (probe.kind()) {
            case ANY_ROW -> violations + (violations == 1 ? " row" : " rows") + " in the table: adding the column "
                    + (violations == 0 ? "succeeds." : "fails.");
            case NULLS -> violations + " rows hold NULL in " + String.join(", ", probe.columns()) + ".";
            case DUPLICATES -> violations + " duplicate values of (" + String.join(", ", probe.columns()) + ").";
            case ORPHANS -> violations + " rows point at no row of " + probe.referencedTable() + ".";
            case SIZE -> "";
        };
        return sized.addDetail(counted).withSeverity(violations == 0 ? Severity.INFO : Severity.ERROR);
    }

    /** Null when the table does not exist there. */
    public static TableSize size(Connection connection, QualifiedName table) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("""
                SELECT c.reltuples::bigint, pg_total_relation_size(c.oid)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'm')""")) {
            st.setString(1, table.schema());
            st.setString(2, table.name());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return null;
                long estimate = rs.getLong(1);
                long bytes = rs.getLong(2);
                // Never analysed (-1), or small enough that an exact count is cheap: count, up to a bound.
                if (estimate < TINY_ROWS) estimate = boundedCount(connection, table, TINY_ROWS * 10);
                return new TableSize(estimate, bytes);
            }
        }
    }

    private static long boundedCount(Connection connection, QualifiedName table, long bound) throws SQLException {
        return single(connection, "SELECT count(*) FROM (SELECT 1 FROM " + Sql.qualified(table) + " LIMIT "
                + bound + ") limited");
    }

    /**
     * Rows that would break the change; -1 when a column the probe names does not exist there. On a connection in a
     * transaction (a savepoint guards the probe).
     */
    public static long violations(Connection connection, Probe probe) throws SQLException {
        return count(connection, probe);
    }

    private static long count(Connection connection, Probe probe) throws SQLException {
        String table = Sql.qualified(probe.table());
        String notNull = probe.columns().stream().map(c -> Sql.ident(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String sql = switch (probe.kind()) {
            case ANY_ROW -> "SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) one";
            case NULLS -> "SELECT count(*) FROM " + table + " WHERE " + Sql.ident(probe.columns().get(0)) + " IS NULL";
            case DUPLICATES -> "SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE " + notNull + " GROUP BY "
                    + Sql.idents(probe.columns()) + " HAVING count(*) > 1) duplicates";
            case ORPHANS -> "SELECT count(*) FROM " + table + " c WHERE " + qualifiedAll("c", probe.columns(), notNull)
                    + " AND NOT EXISTS (SELECT 1 FROM " + Sql.qualified(probe.referencedTable()) + " p WHERE "
                    + joinOn(probe) + ")";
            case SIZE -> throw new IllegalArgumentException("a size probe counts nothing");
        };
        try (Statement savepoint = connection.createStatement()) {
            savepoint.execute("SAVEPOINT probe");
            try {
                long n = single(connection, sql);
                savepoint.execute("RELEASE SAVEPOINT probe");
                return n;
            } catch (SQLException e) {
                // 42703 undefined column, 42P01 undefined table: the target is behind the history.
                savepoint.execute("ROLLBACK TO SAVEPOINT probe");
                if ("42703".equals(e.getSQLState()) || "42P01".equals(e.getSQLState())) return -1;
                throw e;
            }
        }
    }

    private static String qualifiedAll(String alias, List<String> columns, String fallback) {
        return columns.isEmpty() ? fallback : columns.stream().map(c -> alias + "." + Sql.ident(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
    }

    private static String joinOn(Probe probe) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < probe.columns().size() && i < probe.referencedColumns().size(); i++) {
            parts.add("p." + Sql.ident(probe.referencedColumns().get(i)) + " = c." + Sql.ident(probe.columns().get(i)));
        }
        return String.join(" AND ", parts);
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** How long reading and writing {@code bytes} takes at the assumed speed, rounded for people. */
    static String duration(long bytes) {
        long seconds = Math.max(1, bytes / ASSUMED_BYTES_PER_SECOND);
        if (seconds < 90) return seconds + " s";
        if (seconds < 90 * 60) return (seconds / 60) + " min";
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
