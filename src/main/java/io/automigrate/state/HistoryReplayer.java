package io.automigrate.state;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.source.RoleReferences;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The schema a migration history produces: replayed with Liquibase into a throwaway database, then inspected.
 * A directory history is kept on the server as a template keyed by its checksum, so the next replay of the same
 * history (in this run, or the next run on the cached embedded server) is a copy instead of a replay.
 */
public final class HistoryReplayer {
    private HistoryReplayer() {
    }

    /**
     * The replayed history: its schema (Liquibase's tables left out), and the template holding it (null for a
     * master changelog, which is not kept: its included files cannot be checksummed cheaply). {@code cached}: the
     * template was made by an earlier run.
     */
    public record Replayed(Catalog catalog, String template, boolean cached) {
    }

    /**
     * {@code changelog}: a master changelog relative to {@code root}, or null to run {@code history}'s files.
     * Reached through {@link StateReader#replay}.
     */
    static Replayed replay(ShadowServer server, Path root, MigrationHistory history, String changelog,
                                  InspectOptions options) {
        String key = changelog == null ? history.checksum() : null;
        Optional<String> cached = key == null ? Optional.empty() : server.template(key);
        if (cached.isPresent()) {
            return new Replayed(inspect(server.templateUrl(cached.get()), options), cached.get(), true);
        }
        ensureRoles(server, history);
        ShadowDatabase replayed = server.createDatabase("replay");
        try {
            replayInto(replayed, root, history, changelog);
            Catalog catalog = inspect(replayed.url(), options);
            String template = key == null ? null : server.keepAsTemplate(key, replayed);
            return new Replayed(catalog, template, false);
        } finally {
            replayed.close();
        }
    }

    /** Runs the whole history on {@code db} (normally empty); a failure says the history does not replay. */
    public static void replayInto(ShadowDatabase db, Path root, MigrationHistory history, String changelog) {
        try (Connection connection = db.connect();
             LiquibaseRunner runner = changelog != null ? LiquibaseRunner.forChangelog(connection, root, changelog)
                     : LiquibaseRunner.forHistory(connection, history)) {
            runner.update();
        } catch (SQLException e) {
            throw AutomigrateException.database("throwaway database " + db.name() + ": " + e.getMessage(), e);
        } catch (AutomigrateException e) {
            if (e.exitCode() == io.automigrate.ExitCode.DATABASE) throw e;
            // With e as the cause: the failing migration's place (file, line) stays with the failure.
            throw new AutomigrateException(io.automigrate.ExitCode.CHECK_FAILED, "the migration history does not "
                    + "replay on an empty database (a migration no longer applies, for example after merging two "
                    + "branches that changed the same object): " + e.getMessage(), e);
        }
    }

    /** Migrations that grant to the application's roles replay only where those roles exist. */
    static void ensureRoles(ShadowServer server, MigrationHistory history) {
        server.ensureRoles(history.files().stream().flatMap(f -> f.changesets().stream())
                .flatMap(c -> RoleReferences.scan(c.sql()).stream()).toList());
    }

    private static Catalog inspect(DatabaseUrl url, InspectOptions options) {
        return StateReader.inspect(url, options);
    }
}
