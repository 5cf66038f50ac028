package io.automigrate.testing;

import io.automigrate.db.Connections;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.source.SqlLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The corpus of migrations that break naive tooling (src/test/resources/verbatim-corpus) and the reference it is
 * compared with: each changeset's text sent by plain JDBC in simple-query mode, as psql sends a script, with no
 * automigrate or Liquibase code involved. {@link #fingerprint} is what must come out equal: every function's source
 * ({@code prosrc}) and definition, view definitions, comments, triggers and indexes of the public schema.
 */
public final class VerbatimCorpus {
    public static final Path MIGRATIONS = Path.of("src/test/resources/verbatim-corpus/db/migrations");

    private VerbatimCorpus() {
    }

    /** Copies the corpus to {@code root}/db/migrations and reads it. */
    public static MigrationHistory copyTo(Path root) {
        try {
            Path dir = Files.createDirectories(root.resolve("db/migrations"));
            try (Stream<Path> files = Files.list(MIGRATIONS)) {
                for (Path file : files.toList()) Files.copy(file, dir.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return MigrationHistory.read(root, "db/migrations", false);
    }

    /** Applies every changeset of {@code history} to {@code db} the way psql would (the reference). */
    public static void applyDirectly(MigrationHistory history, ShadowDatabase db) {
        String applied = null;
        try (Connection c = Connections.open(SqlLoader.verbatim(db.url())); Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (MigrationFile file : history.files()) {
                for (Changeset changeset : file.changesets()) {
                    applied = changeset.id();
                    if (changeset.runInTransaction()) {
                        c.setAutoCommit(false);
                        st.execute(changeset.sql());
                        c.commit();
                        c.setAutoCommit(true);
                    } else {
                        // One statement per line, each in auto-commit: how psql runs CREATE INDEX CONCURRENTLY.
                        for (String line : changeset.sql().split("\n")) {
                            if (!line.isBlank() && !line.strip().startsWith("--")) st.execute(line);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the reference run of " + applied + " failed: " + e.getMessage(), e);
        }
    }

    /** What the corpus leaves in the public schema, as text: equal texts mean equal results. */
    public static String fingerprint(Connection c) throws SQLException {
        String sql = """
                SELECT 'function ' || p.oid::regprocedure || E'\\n' || p.prosrc || E'\\n' || pg_get_functiondef(p.oid)
                       || E'\\ncomment: ' || coalesce(obj_description(p.oid, 'pg_proc'), '-') AS item
                  FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
                UNION ALL
                SELECT 'view ' || c.oid::regclass || E'\\n' || pg_get_viewdef(c.oid)
                  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
                UNION ALL
                SELECT 'comment on ' || c.relname || coalesce('.' || a.attname, '') || ': ' || d.description
                  FROM pg_description d
                  JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
                  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
                 WHERE c.relnamespace = 'public'::regnamespace
                UNION ALL
                SELECT 'trigger ' || pg_get_triggerdef(t.oid) || E'\\ncomment: '
                       || coalesce(obj_description(t.oid, 'pg_trigger'), '-')
                  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                 WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
                UNION ALL
                SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid
                  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'databasechangelog%'
                   AND c.relname NOT LIKE 'automigrate_%'
                UNION ALL
                SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') AND a.attnum > 0
                   AND NOT a.attisdropped AND c.relname NOT LIKE 'databasechangelog%'
                   AND c.relname NOT LIKE 'automigrate_%'
                ORDER BY 1
                """;
        StringBuilder out = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.append(rs.getString(1)).append("\n---\n");
        }
        return out.toString();
    }
}
