package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.diff.UnconvertibleColumn;
import io.automigrate.lint.DestructiveRules;
import io.automigrate.lint.Finding;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.source.RenameHintParser;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;
import io.automigrate.state.SchemaState;
import io.automigrate.state.StateReader;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code automigrate push}: a development database brought straight to the desired schema, with no migration file.
 * Refuses production, and data loss unless accepted; runs the SQL in one transaction where PostgreSQL allows it;
 * checks the result equals the schema.
 */
public final class Push {
    private Push() {
    }

    public static PushResult run(Target target, Path root, Config config, ShadowServer server,
                                 boolean acceptDataLoss) {
        return run(new ProductionGuard.Decision(target, null), root, config, server, acceptDataLoss, line -> { });
    }

    /**
     * {@code decision} says whether the database is production ({@link ProductionGuard}); {@code log} gets the
     * warning given before a database with a migration history is changed.
     */
    public static PushResult run(ProductionGuard.Decision decision, Path root, Config config, ShadowServer server,
                                 boolean acceptDataLoss, java.util.function.Consumer<String> log) {
        Target target = decision.target();
        if (target.production()) {
            throw AutomigrateException.badInput("push refuses " + target.describe() + ": " + (decision.reason() == null
                    ? "it is marked 'production: true' in " + Config.FILE_NAME : decision.reason()) + ". push is for "
                    + "development databases; change production with 'automigrate plan' and 'automigrate apply'");
        }
        DatabaseUrl url = target.requireUrl();
        StateReader reader = StateReader.on(server, StateReader.options(config));
        SchemaState.Files schema = SchemaState.schema(root, config);
        Catalog live;
        List<ChangelogTable.Applied> applied;
        try (Connection reading = Connections.openReadOnly(url)) {
            live = StateReader.inspect(reading, reader.options());
            applied = ChangelogTable.read(reading);
        } catch (SQLException e) {
            throw AutomigrateException.database(url.display() + ": " + Connections.describe(e), e);
        }
        Catalog desired = reader.read(schema);
        SchemaDiff diff;
        try {
            diff = schema.keep(SchemaDiffer.diff(live, desired,
                    new DiffOptions(false, RenameHintParser.parse(schema.files()),
                            config.rewriteColumnOrder())), live);
        } catch (UnconvertibleColumn e) {
            throw RenameHintParser.located(e, schema.files());
        }
        if (diff.isEmpty()) {
            return new PushResult(target.describe(), List.of(), "", List.of(), diff.notes());
        }
        RenderedMigration rendered = MigrationRenderer.render(diff);
        List<Finding> losses = DestructiveRules.check(live, desired, rendered).stream()
                .filter(f -> f.code().startsWith("AM1")).toList();
        if (!losses.isEmpty() && !acceptDataLoss) {
            throw AutomigrateException.checkFailed("push would lose data in " + target.describe() + ", so nothing "
                    + "was changed:\n" + losses.stream().map(f -> "  " + f.code() + " " + f.title() + ": "
                    + f.statement().lines().findFirst().orElse("")).collect(Collectors.joining("\n"))
                    + "\nPass --accept-data-loss to push anyway (development data only)");
        }
        if (!applied.isEmpty()) {
            log.accept("warning: " + target.describe() + " has a migration history (" + applied.size() + " changeset(s) "
                    + "in databasechangelog): after this push it no longer matches that history, so status and drift "
                    + "will report drift and apply will refuse it until the change is in a migration (or undone)");
        }
        execute(url, rendered.forward());
        Drift left = DriftCheck.compare(reader.read(new SchemaState.Live(url)), desired, schema);
        if (left.drifted()) {
            throw AutomigrateException.checkFailed("push ran, but " + target.describe() + " still differs from "
                    + config.schema() + "; still needed:\n" + left.fixSql().strip());
        }
        return new PushResult(target.describe(), diff.changes().stream().map(c -> c.describe()).toList(),
                rendered.forwardSql(), losses, diff.notes());
    }

    /**
     * Runs the statements in order: consecutive transactional ones in one transaction, each non-transactional one
     * alone. On a failure the open transaction is rolled back; groups committed before it stay (the message says so).
     */
    static void execute(DatabaseUrl url, List<Statement> statements) {
        List<List<Statement>> groups = new ArrayList<>();
        List<Statement> open = new ArrayList<>();
        for (Statement s : statements) {
            if (s.transactional()) {
                open.add(s);
            } else {
                if (!open.isEmpty()) groups.add(open);
                open = new ArrayList<>();
                groups.add(List.of(s));
            }
        }
        if (!open.isEmpty()) groups.add(open);
        // Statements go to the server as written: no driver escape processing inside function bodies.
        try (Connection connection = Connections.open(url.withParameter("preferQueryMode", "simple"));
             java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            int committed = 0;
            for (List<Statement> group : groups) {
                boolean transactional = group.get(0).transactional();
                connection.setAutoCommit(!transactional);
                for (Statement s : group) {
                    try {
                        jdbc.execute(s.sql());
                    } catch (SQLException e) {
                        if (transactional) connection.rollback();
                        String message = "push failed on " + url.display() + " at:\n  "
                                + s.sql().lines().findFirst().orElse("") + "\n" + Connections.describe(e)
                                + (committed == 0 ? "\nNothing was changed."
                                : "\n" + committed + " earlier statement(s) stay applied (a statement that cannot "
                                + "run in a transaction ended their transaction); fix the cause and push again");
                        String state = e.getSQLState() == null ? "" : e.getSQLState();
                        if (state.startsWith("08")) throw AutomigrateException.database(message, e);
                        throw new AutomigrateException(io.automigrate.ExitCode.CHECK_FAILED, message, e);
                    }
                }
                if (transactional) connection.commit();
                committed += group.size();
            }
        } catch (SQLException e) {
            throw AutomigrateException.database("push on " + url.display() + ": " + Connections.describe(e), e);
        }
    }
}
