package io.automigrate.lint;

import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lints a hand-written migration on a real database prepared with {@code setup}. Creating a database costs more than
 * the lint itself, so every case gets a fresh schema of one shared database instead: the case's SQL runs with that
 * schema first on its search path, and only that schema is inspected.
 */
final class LintFiles {
    static final String HEADER = "--liquibase formatted sql\n";
    private static final AtomicInteger CASES = new AtomicInteger();
    private static ShadowDatabase shared;

    private LintFiles() {
    }

    static synchronized ShadowDatabase database() {
        if (shared == null) shared = TestPostgres.newDatabase("lintcases");
        return shared;
    }

    /** {@code body} is the formatted SQL after the header; a body without a changeset line gets one. */
    static List<Finding> lint(String setup, String body) {
        return lint(setup, body, List.of());
    }

    /** {@code otherSchemas} are inspected too (and dropped afterwards): schemas the case itself creates. */
    static List<Finding> lint(String setup, String body, List<String> otherSchemas) {
        String text = HEADER + (body.startsWith("--changeset") ? body : "--changeset test:1\n" + body);
        MigrationFile file = FormattedSql.read("20261122000000_test.sql", "m.sql", text);
        String schema = "case" + CASES.incrementAndGet();
        try (Connection connection = database().connect(); Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA " + schema + "; SET search_path = " + schema + ", public;");
            if (!setup.isBlank()) st.execute(setup);
            try {
                return FileLinter.lint(connection, new InspectOptions(
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(schema), otherSchemas.stream()).toList(),
                        List.of()), file, "m.sql", text);
            } finally {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
                for (String other : otherSchemas) st.execute("DROP SCHEMA IF EXISTS " + other + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).sorted().toList();
    }

    static Finding only(List<Finding> findings, String code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        if (matching.size() != 1) throw new AssertionError("expected one " + code + " in " + codes(findings));
        return matching.get(0);
    }
}
