package io.automigrate.bench;

import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of every catalog query an inspect ran, slowest first, into a text file: where
 * the server spends inspect's time. Runs them as the inspector does: one read-only transaction with an empty
 * {@code search_path}.
 */
final class Explain {
    private Explain() {
    }

    static void write(DatabaseUrl url, List<QueryProfile.Query> queries, Path file) throws IOException {
        List<QueryProfile.Query> slowestFirst = queries.stream()
                .filter(q -> !q.kind().equals("session settings"))
                .sorted(Comparator.comparingDouble(QueryProfile.Query::totalMillis).reversed())
                .toList();
        List<String> lines = new ArrayList<>();
        try (Connection connection = Connections.open(url)) {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                st.execute("SELECT set_config('search_path', '', true)");
            }
            for (QueryProfile.Query query : slowestFirst) {
                lines.add("=== " + query.kind() + String.format(Locale.ROOT,
                        ": %.1f ms in the profiled inspect (%.1f ms executing), %d rows", query.totalMillis(),
                        query.executeMillis(), query.rows()));
                lines.add(query.sql());
                lines.addAll(explain(connection, query));
                lines.add("");
            }
            connection.rollback();
        } catch (SQLException e) {
            lines.add("EXPLAIN failed: " + Connections.describe(e));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    private static List<String> explain(Connection connection, QueryProfile.Query query) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "EXPLAIN (ANALYZE, BUFFERS) " + query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                Object parameter = query.parameters().get(i);
                if (parameter instanceof Object[] values) {
                    statement.setArray(i + 1, connection.createArrayOf("text", values));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        return plan;
    }
}
