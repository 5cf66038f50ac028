package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.db.Connections;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.LiquibaseTables;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.sql.MigrationRenderer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the history says the database should be, computed on a throwaway database: the schema after the applied
 * changesets (the drift check compares the live database with it), and after each pending file (the policy gate
 * lints each step; the last one is what the live database must equal after apply).
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
     * changesets for each pending file in turn, inspecting after each.
     */
    public static ExpectedStates compute(ShadowServer server, MigrationHistory history, int appliedCount,
                                         List<Integer> pendingSizes, InspectOptions options) {
        try (ShadowDatabase db = server.createDatabase("deploy");
             Connection connection = db.connect();
             LiquibaseRunner runner = LiquibaseRunner.forHistory(connection, history)) {
            Catalog applied;
            try {
                if (appliedCount > 0) runner.update(appliedCount);
                applied = inspect(db, options);
            } catch (AutomigrateException e) {
                throw AutomigrateException.checkFailed("the applied migrations do not replay on an empty database, so "
                        + "the live schema cannot be checked against them: " + e.getMessage());
            }
            List<Catalog> after = new ArrayList<>();
            for (int size : pendingSizes) {
                runner.update(size);
                after.add(inspect(db, options));
            }
            return new ExpectedStates(applied, after);
        } catch (SQLException e) {
            throw AutomigrateException.database("throwaway database: " + Connections.describe(e), e);
        }
    }

    static Catalog inspect(ShadowDatabase db, InspectOptions options) {
        try (Connection connection = db.connect()) {
            return inspect(connection, options);
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read the throwaway database: " + Connections.describe(e), e);
        }
    }

    /** A database's schema without Liquibase's bookkeeping tables. */
    public static Catalog inspect(Connection connection, InspectOptions options) {
        return LiquibaseTables.strip(CatalogInspector.inspect(connection, options));
    }

    /**
     * Empty when {@code actual} equals {@code expected} (privileges aside: roles differ between servers); else the SQL
     * that would turn {@code actual} into {@code expected}.
     */
    public static Optional<String> difference(Catalog actual, Catalog expected) {
        if (actual.normalized().withoutGrants().equals(expected.normalized().withoutGrants())) {
            return Optional.empty();
        }
        SchemaDiff diff = SchemaDiffer.diff(actual, expected, DiffOptions.defaults());
        return Optional.of(diff.isEmpty() ? "-- (the difference is not expressible as DDL)"
                : MigrationRenderer.render(diff).forwardSql().strip());
    }
}
