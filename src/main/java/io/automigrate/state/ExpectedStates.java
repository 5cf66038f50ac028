package io.automigrate.state;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.db.Connections;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the history says the database should be, computed on a throwaway database: the schema after the applied
 * changesets (the drift check compares the live database with it), and after each pending file (apply's policy gate
 * lints each step, and so does a pull request's plan for the files it adds; the last one is what the live database
 * must equal after apply).
 */
public record ExpectedStates(Catalog applied, List<Catalog> afterEachFile) {
    public ExpectedStates {
        afterEachFile = List.copyOf(afterEachFile);
    }

    /** The state once everything is applied. */
    public Catalog last() {
        return afterEachFile.isEmpty() ? applied : afterEachFile.get(afterEachFile.size() - 1);
    }

    /**
     * Replays the first {@code appliedCount} changesets of {@code history}, then the next {@code pendingSizes[i]}
     * changesets for each pending file in turn, inspecting after each. When the applied changesets are whole files
     * (the usual case) their state comes from {@link HistoryReplayer}, which keeps it as a template for the next run.
     */
    public static ExpectedStates compute(ShadowServer server, MigrationHistory history, int appliedCount,
                                         List<Integer> pendingSizes, InspectOptions options) {
        Optional<MigrationHistory> applied = wholeFiles(history, appliedCount);
        Catalog appliedCatalog = null;
        String template = "template0";
        if (applied.isPresent()) {
            HistoryReplayer.Replayed replayed = StateReader.on(server, options)
                    .replay(new SchemaState.History(applied.get(), null));
            if (pendingSizes.isEmpty()) return new ExpectedStates(replayed.catalog(), List.of());
            appliedCatalog = replayed.catalog();
            template = replayed.template();
        }
        try (ShadowDatabase db = server.createDatabase("deploy", template);
             Connection connection = db.connect();
             LiquibaseRunner runner = LiquibaseRunner.forHistory(connection, history)) {
            if (appliedCatalog == null) {
                try {
                    runner.update(appliedCount);
                    appliedCatalog = StateReader.inspect(db.url(), options);
                } catch (AutomigrateException e) {
                    throw new AutomigrateException(io.automigrate.ExitCode.CHECK_FAILED, "the applied migrations do "
                            + "not replay on an empty database, so the live schema cannot be checked against them: "
                            + e.getMessage(), e);
                }
            }
            List<Catalog> after = new ArrayList<>();
            for (int size : pendingSizes) {
                runner.update(size);
                after.add(StateReader.inspect(db.url(), options));
            }
            return new ExpectedStates(appliedCatalog, after);
        } catch (SQLException e) {
            throw AutomigrateException.database("throwaway database: " + Connections.describe(e), e);
        }
    }

    /**
     * The history cut after its first {@code count} changesets, when that is a file boundary; its checksum covers
     * what Liquibase runs (ids, authors, SQL, transaction mode), so it keys the replayed template.
     */
    static Optional<MigrationHistory> wholeFiles(MigrationHistory history, int count) {
        List<MigrationFile> files = new ArrayList<>();
        int seen = 0;
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update("deploy-prefix".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (MigrationFile file : history.files()) {
                if (seen == count) break;
                files.add(file);
                seen += file.changesets().size();
                digest.update(history.pathOf(file).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (Changeset c : file.changesets()) {
                    String text = c.author() + "\0" + c.id() + "\0" + c.runInTransaction() + "\0" + c.sql();
                    digest.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (seen != count) return Optional.empty();
            digest.update(history.format().id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Optional.of(history.withFiles(files, java.util.HexFormat.of().formatHex(digest.digest())));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
