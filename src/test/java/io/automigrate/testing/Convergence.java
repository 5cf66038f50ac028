package io.automigrate.testing;

import io.automigrate.catalog.Catalog;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.RenameHints;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationBuilder;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderOptions;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The convergence oracle. For a current schema ({@code fromSql}) and a desired one ({@code toSql}) it proves
 * the generated migration the way {@code verify} will: forward brings the current database to the desired
 * catalog, rollback brings it back, forward applies again, nothing is left to diff, and rendering is
 * deterministic. Besides the model's catalogs, a second oracle compares {@link SchemaDump}s read straight from
 * {@code pg_catalog} (after rollback with the current database, after forward with the desired one), so that a
 * difference the model cannot see still fails the proof. Any failure is an {@link AssertionError} naming the step, the statement and PostgreSQL's
 * message, or the catalog fields that differ, followed by the whole forward and rollback SQL.
 */
public final class Convergence {

    private Convergence() {
    }

    /**
     * What a converging migration looked like, for tests that also assert on the SQL or the notes. {@code applied} is
     * false only for an online check that found the online form equal to the offline one (and so did not apply it).
     */
    public record Result(String forwardSql, String rollbackSql, List<String> notes, RenderedMigration migration,
                         boolean applied) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    public static Result check(String fromSql, String toSql) {
        return check(fromSql, toSql, DiffOptions.defaults());
    }

    public static Result check(String fromSql, String toSql, RenameHints renames) {
        return check(fromSql, toSql, new DiffOptions(false, renames));
    }

    /** Proves the migration from {@code fromSql} to {@code toSql}; every database it makes is dropped. */
    public static Result check(String fromSql, String toSql, DiffOptions options) {
        try (Pair pair = Pair.load(fromSql, toSql, options)) {
            return pair.prove(RenderOptions.offline(), false);
        }
    }

    /**
     * The same proof for the online form ({@code render}), applied changeset by changeset as Liquibase runs
     * {@link MigrationBuilder}'s changesets: forward in order, rollback last changeset first, each changeset's
     * statements in one transaction unless it runs outside one. {@code skipWhenOffline}: when the online form is the
     * offline one (no change has an online form here), stop after rendering; {@link #check} proves that migration.
     */
    public static Result checkOnline(String fromSql, String toSql, DiffOptions options, RenderOptions render,
                                     boolean skipWhenOffline) {
        try (Pair pair = Pair.load(fromSql, toSql, options)) {
            return pair.prove(render, skipWhenOffline);
        }
    }

    /**
     * The two schemas loaded once, inspected and dumped once, for several proofs (the offline form, then the online
     * one): loading, inspecting and dumping cost most of a proof, so the corpus pays them once per case. Each proof
     * after the first gets a fresh copy of the current schema. The desired schema is only read, so it is loaded in a
     * transaction on one database shared by every pair, read, and rolled back (DDL is transactional): that saves a
     * database per pair. A desired schema that cannot load in a transaction (a statement such as
     * {@code CREATE INDEX CONCURRENTLY}) gets a database of its own, as the current one does.
     */
    public static final class Pair implements AutoCloseable {
        private final String fromSql;
        private final DiffOptions options;
        private Session current;
        private boolean currentUsed;
        private final boolean desiredRolledBack;
        private final Catalog before;
        private final Catalog target;
        private final SchemaDump beforeDump;
        private final SchemaDump targetDump;

        private Pair(String fromSql, DiffOptions options, Session current, boolean desiredRolledBack,
                     Catalog before, Catalog target, SchemaDump beforeDump, SchemaDump targetDump) {
            this.fromSql = fromSql;
            this.options = options;
            this.current = current;
            this.desiredRolledBack = desiredRolledBack;
            this.before = before;
            this.target = target;
            this.beforeDump = beforeDump;
            this.targetDump = targetDump;
        }

        /** Loads both schemas; a failure names the step and drops what it made. */
        public static Pair load(String fromSql, String toSql, DiffOptions options) {
            Session current = Session.create("convfrom");
            try {
                Proof setup = new Proof(options, RenderOptions.offline(), false);
                setup.load(current, fromSql, "load from.sql");
                Catalog before = setup.inspect(current.fresh(), "inspect from");
                SchemaDump beforeDump = setup.dump(current.fresh(), "dump from");
                Desired desired = Desired.read(setup, toSql);
                return new Pair(fromSql, options, current, desired.rolledBack(), before, desired.catalog(),
                        beforeDump, desired.dump());
            } catch (RuntimeException | Error e) {
                current.close();
                throw e;
            }
        }

        /** The current schema's catalog, as inspected after loading it. */
        public Catalog before() {
            return before;
        }

        /** The desired schema's catalog. */
        public Catalog target() {
            return target;
        }

        /** Whether the desired schema loaded in one transaction (rolled back after reading it). */
        public boolean desiredRolledBack() {
            return desiredRolledBack;
        }

        /** One proof of the migration in the form {@code render} (see {@link #checkOnline}). */
        public Result prove(RenderOptions render, boolean skipWhenOffline) {
            Proof proof = new Proof(options, render, skipWhenOffline);
            return proof.run(() -> freshCurrent(proof), before, target, beforeDump, targetDump);
        }

        private Session freshCurrent(Proof proof) {
            if (currentUsed) {
                current.close();
                current = Session.create("convfrom");
                proof.load(current, fromSql, "load from.sql again");
            }
            currentUsed = true;
            return current;
        }

        @Override
        public void close() {
            current.close();
        }
    }

    /** The desired schema's catalog and dump. */
    private record Desired(Catalog catalog, SchemaDump dump, boolean rolledBack) {
        /** "cannot run inside a transaction block", "unsafe use of new value": the script needs its own commits. */
        private static final java.util.Set<String> NEEDS_COMMITS = java.util.Set.of("25001", "55P04");
        private static Session shared;

        /** Reads {@code sql}'s schema rolled back on the shared database, or on a database of its own. */
        static synchronized Desired read(Proof setup, String sql) {
            if (shared == null) shared = Session.create("convto");
            Connection c = shared.fresh();
            try {
                c.setAutoCommit(false);
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute(sql);
                } catch (SQLException e) {
                    if (!NEEDS_COMMITS.contains(e.getSQLState())) {
                        throw setup.failure("load to.sql", "PostgreSQL: " + e.getMessage());
                    }
                    c.rollback();
                    return readCommitted(setup, sql);
                }
                // what a new session would read with: the script's own SET and SET ROLE undone
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET SESSION AUTHORIZATION DEFAULT; RESET ALL");
                }
                return new Desired(setup.inspect(c, "inspect to"), setup.dump(c, "dump to"), true);
            } catch (SQLException e) {
                throw setup.failure("load to.sql", "PostgreSQL: " + e.getMessage());
            } finally {
                shared.rollbackQuietly();
            }
        }

        private static Desired readCommitted(Proof setup, String sql) {
            try (Session own = Session.create("convto")) {
                setup.load(own, sql, "load to.sql");
                return new Desired(setup.inspect(own.fresh(), "inspect to"), setup.dump(own.fresh(), "dump to"), false);
            }
        }
    }

    /**
     * A throwaway database with one connection kept open across the steps of a proof. A new connection's first
     * catalog reads cost several times more than later ones (its caches start empty), and a proof reads the catalog
     * up to ten times; so each step reuses the connection, reset to a new session's state first ({@code DISCARD ALL}:
     * settings, role, temporary objects, prepared statements), as if it were new.
     */
    private static final class Session implements AutoCloseable {
        private final ShadowDatabase database;
        private final Connection connection;

        private Session(ShadowDatabase database, Connection connection) {
            this.database = database;
            this.connection = connection;
        }

        static Session create(String purpose) {
            ShadowDatabase database = TestPostgres.newDatabase(purpose);
            try {
                return new Session(database, database.connect());
            } catch (RuntimeException | Error e) {
                database.close();
                throw e;
            }
        }

        /** The connection, in autocommit, in the state of a new session. */
        Connection fresh() {
            try {
                connection.setAutoCommit(true);
                try (java.sql.Statement st = connection.createStatement()) {
                    st.execute("DISCARD ALL");
                }
                return connection;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reset the session on " + database.name() + ": "
                        + e.getMessage(), e);
            }
        }

        void rollbackQuietly() {
            try {
                if (!connection.getAutoCommit()) connection.rollback();
            } catch (SQLException e) {
                // the next fresh() reports a broken connection
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // dropped below anyway
            } finally {
                database.close();
            }
        }
    }

    /** One proof; its fields hold what a failure message shows. */
    private static final class Proof {
        private final DiffOptions options;
        private final RenderOptions render;
        private final boolean skipWhenOffline;
        private RenderedMigration migration;
        private List<String> notes = List.of();

        Proof(DiffOptions options, RenderOptions render, boolean skipWhenOffline) {
            this.options = options;
            this.render = render;
            this.skipWhenOffline = skipWhenOffline;
        }

        private RenderedMigration render(SchemaDiff diff, Catalog before) {
            return MigrationRenderer.render(diff, before, render);
        }

        Result run(Supplier<Session> database, Catalog before, Catalog target, SchemaDump beforeDump,
                   SchemaDump targetDump) {
            SchemaDiff diff = step("diff", () -> SchemaDiffer.diff(before, target, options));
            notes = diff.notes();
            migration = step("render", () -> render(diff, before));
            RenderedMigration again = step("render again", () -> render(diff, before));
            requireSameSql("render twice", migration, again);
            RenderedMigration rediffed = step("diff and render again",
                    () -> render(SchemaDiffer.diff(before, target, options), before));
            requireSameSql("diff and render twice", migration, rediffed);
            if (skipWhenOffline && migration.equals(step("render offline", () -> MigrationRenderer.render(diff)))) {
                return new Result(migration.forwardSql(), migration.rollbackSql(), notes, migration, false);
            }

            Session current = database.get();
            forward(current, "apply forward");
            Catalog forwarded = inspect(current.fresh(), "inspect after forward");
            requireEqual("after forward", target, forwarded);
            requireColumnOrder("column order after forward", target, forwarded);
            rollback(current, "apply rollback");
            Catalog rolledBack = inspect(current.fresh(), "inspect after rollback");
            requireEqual("after rollback", before, rolledBack);
            requireColumnOrder("column order after rollback", before, rolledBack);
            requireSameDump("dump after rollback", beforeDump, dump(current.fresh(), "dump after rollback"));
            forward(current, "re-apply forward");
            Catalog migrated = inspect(current.fresh(), "inspect after re-applied forward");
            requireEqual("after re-applied forward", target, migrated);
            requireSameDump("dump after re-applied forward", targetDump,
                    dump(current.fresh(), "dump after re-applied forward"));

            // Renames are done by now: the old names no longer exist, so the re-diff runs without hints.
            DiffOptions plain = new DiffOptions(options.withPrivileges(), RenameHints.none());
            SchemaDiff left = step("diff migrated against desired", () -> SchemaDiffer.diff(migrated, target, plain));
            if (!left.isEmpty()) {
                String remaining = step("render what is left", () -> MigrationRenderer.render(left).forwardSql());
                throw failure("diff migrated against desired", "changes remain after the migration:\n"
                        + describeChanges(left) + "rendered as:\n" + remaining);
            }
            return new Result(migration.forwardSql(), migration.rollbackSql(), notes, migration, true);
        }

        private void forward(Session database, String stepName) {
            if (!render.online()) {
                apply(database, migration.forward(), stepName);
                return;
            }
            for (MigrationBuilder.Group changeset : MigrationBuilder.groups(migration, render)) {
                apply(database, changeset.forward(), stepName);
            }
        }

        private void rollback(Session database, String stepName) {
            if (!render.online()) {
                apply(database, migration.rollback(), stepName);
                return;
            }
            List<MigrationBuilder.Group> changesets = new java.util.ArrayList<>(MigrationBuilder.groups(migration, render));
            java.util.Collections.reverse(changesets);
            for (MigrationBuilder.Group changeset : changesets) {
                apply(database, changeset.rollback(), stepName);
            }
        }

        private void load(Session database, String sql, String stepName) {
            try (java.sql.Statement st = database.fresh().createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw failure(stepName, "PostgreSQL: " + e.getMessage());
            }
        }

        /** Reads the catalog; on the shared desired database, inside the transaction that loaded it. */
        private Catalog inspect(Connection connection, String stepName) {
            return step(stepName, () -> CatalogInspector.inspect(connection, InspectOptions.all()));
        }

        /**
         * Applies statements as Liquibase changesets will run them: consecutive transactional statements in one
         * transaction, each non-transactional statement alone in autocommit.
         */
        private void apply(Session database, List<Statement> statements, String stepName) {
            try {
                Connection c = database.fresh();
                int i = 0;
                while (i < statements.size()) {
                    if (!statements.get(i).transactional()) {
                        c.setAutoCommit(true);
                        execute(c, statements.get(i), stepName);
                        i++;
                        continue;
                    }
                    c.setAutoCommit(false);
                    try {
                        while (i < statements.size() && statements.get(i).transactional()) {
                            execute(c, statements.get(i), stepName);
                            i++;
                        }
                        c.commit();
                    } catch (AssertionError | SQLException e) {
                        c.rollback();
                        throw e;
                    }
                }
            } catch (SQLException e) {
                throw failure(stepName, "PostgreSQL: " + e.getMessage());
            }
        }

        private void execute(Connection c, Statement statement, String stepName) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(statement.sql());
            } catch (SQLException e) {
                throw failure(stepName, "statement failed:\n    " + statement.sql().replace("\n", "\n    ")
                        + "\nPostgreSQL: " + e.getMessage());
            }
        }

        private void requireEqual(String stepName, Catalog expected, Catalog actual) {
            Catalog e = comparable(expected);
            Catalog a = comparable(actual);
            if (!e.equals(a)) {
                List<String> differences = CatalogDifference.describe(e, a);
                throw failure(stepName, "catalog differs from the expected one (expected vs actual):\n  "
                        + String.join("\n  ", differences));
            }
        }

        /**
         * Where the diff re-creates misordered tables, every table has its columns in {@code expected}'s order
         * ({@code attnum} order, which the catalog comparison leaves aside).
         */
        private void requireColumnOrder(String stepName, Catalog expected, Catalog actual) {
            if (!options.rewriteColumnOrder()) return;
            List<String> differences = new java.util.ArrayList<>();
            for (io.automigrate.catalog.Table table : expected.tables()) {
                // a table the notes say keeps another order (one that others inherit from) is not re-created
                if (notes.stream().anyMatch(n -> n.startsWith(io.automigrate.diff.TableObjects.COLUMN_ORDER_NOTE
                        + " in " + table.qualifiedName() + ":"))) continue;
                if (table.partitionOf() != null || !table.inherits().isEmpty()) continue;
                List<String> want = table.columns().stream().map(io.automigrate.catalog.Column::name).toList();
                List<String> got = actual.table(table.qualifiedName()).map(t -> t.columns().stream()
                        .map(io.automigrate.catalog.Column::name).toList()).orElse(List.of());
                if (!want.equals(got)) differences.add(table.qualifiedName() + ": expected " + want + ", got " + got);
            }
            if (!differences.isEmpty()) {
                throw failure(stepName, "columns are not in the expected order:\n  "
                        + String.join("\n  ", differences));
            }
        }

        private SchemaDump dump(Connection connection, String stepName) {
            return step(stepName, () -> {
                try {
                    return SchemaDump.read(connection, options.withPrivileges());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        /** The second oracle: the catalogs compared equal, so any difference here is one the model does not see. */
        private void requireSameDump(String stepName, SchemaDump expected, SchemaDump actual) {
            List<String> differences = actual.differencesFrom(expected);
            if (!differences.isEmpty()) {
                throw failure(stepName, "the model's catalogs agree but PostgreSQL's own catalogs differ"
                        + " (a model gap; expected vs actual):\n  " + String.join("\n  ", differences));
            }
        }

        private void requireSameSql(String stepName, RenderedMigration first, RenderedMigration second) {
            if (!first.forwardSql().equals(second.forwardSql()) || !first.rollbackSql().equals(second.rollbackSql())) {
                throw failure(stepName, "rendering is not deterministic; second forward SQL:\n"
                        + second.forwardSql() + "second rollback SQL:\n" + second.rollbackSql());
            }
        }

        private Catalog comparable(Catalog catalog) {
            return Convergence.comparable(catalog, options);
        }

        private <T> T step(String stepName, Supplier<T> action) {
            try {
                return action.get();
            } catch (AssertionError e) {
                throw e;
            } catch (RuntimeException e) {
                AssertionError error = failure(stepName, e.getClass().getSimpleName() + ": " + e.getMessage());
                error.initCause(e);
                throw error;
            }
        }

        private AssertionError failure(String stepName, String detail) {
            StringBuilder message = new StringBuilder()
                    .append("convergence failed at step '").append(stepName).append("': ").append(detail).append('\n');
            if (migration != null && render.online()) {
                message.append("--- online migration file ---\n").append(FormattedSql.write(
                        MigrationBuilder.build("online.sql", migration, "convergence", null, render)));
            } else if (migration != null) {
                message.append("--- forward SQL ---\n").append(migration.forwardSql())
                        .append("--- rollback SQL ---\n").append(migration.rollbackSql());
            }
            if (!notes.isEmpty()) {
                message.append("--- notes ---\n").append(String.join("\n", notes)).append('\n');
            }
            return new AssertionError(message.toString());
        }
    }

    /** The form in which catalogs are compared: normalized, and without grants unless the diff compares them. */
    public static Catalog comparable(Catalog catalog, DiffOptions options) {
        Catalog normalized = catalog.normalized();
        return options.withPrivileges() ? normalized : normalized.withoutGrants();
    }

    private static String describeChanges(SchemaDiff diff) {
        StringBuilder out = new StringBuilder();
        diff.changes().forEach(c -> out.append("  ").append(c.describe()).append('\n'));
        return out.toString();
    }
}
