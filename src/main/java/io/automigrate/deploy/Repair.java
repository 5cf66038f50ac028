package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.db.Connections;
import io.automigrate.diff.Change;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.RenameHints;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.diff.TableChanges;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.lint.DataInspection;
import io.automigrate.lint.Probe;
import io.automigrate.state.StateReader;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderOptions;
import io.automigrate.sql.RenderedChange;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sqltext.Sql;
import io.automigrate.sql.Statement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code automigrate repair}: re-creates, in one transaction, what a live database lost compared with what its applied
 * migrations give; never drops, narrows or rewrites anything (see {@link RepairPlan}). The same safety as apply:
 * connection retries and the deploy lock (a repair and an apply, or two repairs, never run at once), the environment's
 * timeouts, the backup first; a dry run only reads. Indexes on large tables are built CONCURRENTLY after the
 * transaction, as a migration would.
 */
public final class Repair {
    private Repair() {
    }

    /** {@code acceptRemaining}: drift that repair leaves alone does not fail the run (it is still reported). */
    public static RepairResult run(DeployRequest request, boolean acceptRemaining) {
        long start = System.nanoTime();
        // Bad migration files are reported before the database is touched.
        Deployer.readHistory(request);
        String who = Deployer.applicationName("repair");
        Connection first = request.access().open(who);
        try (DeployLock lock = request.dryRun() ? null : Deployer.lockOrClose(request, first)) {
            Connection connection = lock == null ? first : lock.connection();
            return repair(request, acceptRemaining, connection, who, start);
        } finally {
            if (request.dryRun()) Connections.closeQuietly(first);
        }
    }

    private static RepairResult repair(DeployRequest request, boolean acceptRemaining, Connection connection,
                                       String who, long start) {
        List<ChangelogTable.Applied> applied = ChangelogTable.read(connection);
        InspectOptions options = StateReader.options(request.config());
        if (applied.isEmpty()) {
            Deployer.refuseUnbaselined(request, connection);
            return RepairResult.nothing(RepairResult.Status.UP_TO_DATE, request.describe(), "no migration is applied "
                    + "to it yet, so there is nothing to repair from (apply creates everything)");
        }
        request.log().accept("comparing " + request.describe() + " with what its " + applied.size()
                + " applied changeset(s) give");
        List<String> notes = new ArrayList<>();
        Catalog expected;
        try (ShadowServer server = ShadowServers.startFor(request.shadow(), Connections.majorVersion(connection),
                request.log())) {
            DriftCheck.Expected replayed = DriftCheck.expectedFromHistory(server, request.root(), request.config(),
                    applied, options);
            notes.addAll(replayed.notes());
            if (replayed.catalog() == null) {
                throw AutomigrateException.checkFailed("cannot repair " + request.describe() + ": "
                        + String.join("; ", replayed.notes()) + "; nothing was changed");
            }
            expected = replayed.catalog();
        }
        Catalog live = StateReader.inspect(connection, options);
        Set<String> roles = roles(connection);
        Set<String> absentRoles = new TreeSet<>();
        Catalog reachable = expected.withGrants(g -> {
            boolean ok = RepairPlan.grantable(g, roles);
            if (!ok) absentRoles.add(g.grantee());
            return ok;
        });
        if (!absentRoles.isEmpty()) {
            notes.add("grants to " + String.join(", ", absentRoles) + " are not re-created: no such role on "
                    + request.describe());
        }
        SchemaDiff diff = SchemaDiffer.diff(live, reachable, new DiffOptions(true, RenameHints.none()));
        notes.addAll(diff.notes());

        List<Change> inTransaction = new ArrayList<>();
        List<Change> concurrent = new ArrayList<>();
        RepairPlan plan = readOnly(connection, request, () -> {
            RepairPlan p = RepairPlan.of(live, diff, change -> violating(connection, live, change));
            for (Change change : p.repairs()) {
                DataInspection.TableSize size = change instanceof TableChanges.CreateIndex index
                        && live.table(index.index().table()).isPresent()
                        ? DataInspection.size(connection, index.index().table()) : null;
                if (size != null && !size.tiny() && !((TableChanges.CreateIndex) change).index().unique()) {
                    concurrent.add(change);
                } else {
                    inTransaction.add(change);
                    if (size != null) {
                        notes.add("AM401 " + change.describe() + " is built inside the repair's transaction (table "
                                + ((TableChanges.CreateIndex) change).index().table() + ": " + size.describe()
                                + "): writes to the table wait until the repair commits");
                    }
                }
            }
            return p;
        });

        RenderedMigration transaction = MigrationRenderer.render(new SchemaDiff(inTransaction, List.of()));
        List<Statement> online = new ArrayList<>();
        for (Change change : concurrent) {
            // The online form first drops an INVALID index a failed build left; the inspection counts such an index
            // as present, so it is never missing here, and repair runs no DROP.
            MigrationRenderer.render(new SchemaDiff(List.of(change), List.of()), live,
                    RenderOptions.online(request.environment().lockTimeout())).forward().stream()
                    .filter(st -> !st.sql().startsWith("DROP ")).forEach(online::add);
        }
        List<Change> done = new ArrayList<>(inTransaction);
        done.addAll(concurrent);
        String summary = RepairPlan.summary(done);
        List<String> repaired = done.stream().map(Change::describe).toList();
        List<String> leftAlone = plan.leftAlone().stream().map(Change::describe).toList();
        String leftAloneSql = plan.leftAlone().isEmpty() ? ""
                : MigrationRenderer.render(new SchemaDiff(plan.leftAlone(), List.of())).forwardSql();
        List<RepairResult.Blocked> blocked = plan.blocked().stream().map(b -> new RepairResult.Blocked(
                b.change().describe(), b.violatingRows(),
                MigrationRenderer.render(new SchemaDiff(List.of(b.change()), List.of())).forwardSql())).toList();
        String sql = transaction.forwardSql();
        String concurrentSql = RenderedMigration.script(online);

        if (request.dryRun()) {
            return new RepairResult(RepairResult.Status.DRY_RUN, request.describe(), summary, repaired, sql,
                    concurrentSql, leftAlone, leftAloneSql, blocked, acceptRemaining, notes, null, millisSince(start));
        }
        if (done.isEmpty()) {
            RepairResult.Status status = leftAlone.isEmpty() && blocked.isEmpty() ? RepairResult.Status.UP_TO_DATE
                    : RepairResult.Status.NOTHING_TO_REPAIR;
            request.log().accept("nothing to repair: " + request.describe() + " lacks nothing repair can re-create"
                    + (status == RepairResult.Status.UP_TO_DATE ? "" : " (other drift is left alone)"));
            return new RepairResult(status, request.describe(), "", List.of(), "", "", leftAlone, leftAloneSql,
                    blocked, acceptRemaining, notes, null, millisSince(start));
        }
        String backup = Deployer.backup(request);
        request.log().accept("repairing " + request.describe() + ": " + summary + ", in one transaction");
        runTransaction(request, who, transaction, summary, repaired, sql + concurrentSql);
        runConcurrently(request, who, online);
        verify(request, connection, reachable, repaired, notes);
        return new RepairResult(RepairResult.Status.REPAIRED, request.describe(), summary, repaired, sql,
                concurrentSql, leftAlone, leftAloneSql, blocked, acceptRemaining, notes, backup, millisSince(start));
    }

    private static void runTransaction(DeployRequest request, String who, RenderedMigration transaction,
                                       String summary, List<String> repaired, String allSql) {
        Connection connection = request.access().open(who);
        String at = "the start";
        try {
            Deployer.setTimeouts(connection, request);
            connection.setAutoCommit(false);
            for (RenderedChange change : transaction.changes()) {
                at = change.change().describe();
                request.log().accept("re-creating: " + at);
                for (Statement statement : change.forward()) {
                    DatabaseAccess.execute(connection, statement.sql());
                }
            }
            at = "recording the repair in " + RepairRecord.TABLE;
            RepairRecord.write(connection, request.environmentName(), summary, repaired, allSql);
            EnvironmentRecord.record(connection, request.environmentName(), request.environment().production(),
                    "repair");
            at = "the commit";
            connection.commit();
            request.log().accept("repaired " + request.describe() + ": " + summary);
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw failure(request, at, e);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    /** Indexes on large tables, each alone, after the transaction committed (as a migration builds them). */
    private static void runConcurrently(DeployRequest request, String who, List<Statement> statements) {
        if (statements.isEmpty()) return;
        Connection connection = request.access().open(who);
        try {
            Deployer.setTimeouts(connection, request);
            for (Statement statement : statements) {
                request.log().accept("outside the transaction: " + statement.sql());
                try {
                    DatabaseAccess.execute(connection, statement.sql());
                } catch (SQLException e) {
                    throw AutomigrateException.checkFailed("repair of " + request.describe() + ": the transaction "
                            + "committed, but building an index CONCURRENTLY failed: " + Connections.describe(e)
                            + ". It may have left an INVALID index: drop it (DROP INDEX CONCURRENTLY ...) and run "
                            + "repair again. The statement: " + statement.sql());
                }
            }
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot set the timeouts on " + request.describe() + ": "
                    + Connections.describe(e), e);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    private static AutomigrateException failure(DeployRequest request, String at, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String undone = "nothing was changed: the repair runs in one transaction, which was rolled back as a whole";
        String message = "repair of " + request.describe() + " failed at " + at + ": " + Connections.describe(e)
                + "; " + undone;
        if (state.startsWith("08") || state.startsWith("57P")) {
            return AutomigrateException.database(message + ". The connection was lost: run repair again", e);
        }
        if (state.equals("55P03")) {
            return AutomigrateException.database(message + ". A lock was not granted within lock-timeout ("
                    + request.environment().lockTimeout().toMillis() + "ms): run again when the table is quieter, or "
                    + "raise 'lock-timeout'", e);
        }
        if (state.equals("57014")) {
            return AutomigrateException.database(message + ". A statement ran longer than statement-timeout ("
                    + request.environment().statementTimeout().toMillis() + "ms)", e);
        }
        return AutomigrateException.checkFailed(message);
    }

    /** After the repair nothing it re-created may still be missing. */
    private static void verify(DeployRequest request, Connection connection, Catalog expected, List<String> repaired,
                               List<String> notes) {
        Catalog after = StateReader.inspect(connection, StateReader.options(request.config()));
        SchemaDiff diff = SchemaDiffer.diff(after, expected, new DiffOptions(true, RenameHints.none()));
        List<String> still = RepairPlan.of(after, diff, change -> 0).repairs().stream().map(Change::describe)
                .filter(repaired::contains).toList();
        if (!still.isEmpty()) {
            throw AutomigrateException.checkFailed("after the repair, " + request.describe() + " still lacks: "
                    + String.join("; ", still));
        }
        notes.add("verified after the repair: nothing it re-created is missing");
    }

    /** Work on {@code connection} in a read-only transaction under the environment's statement timeout. */
    private static <T> T readOnly(Connection connection, DeployRequest request, SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                DatabaseAccess.execute(connection, "SET TRANSACTION READ ONLY");
                DatabaseAccess.execute(connection, "SET LOCAL statement_timeout = "
                        + request.environment().statementTimeout().toMillis());
                return work.run();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw AutomigrateException.database("reading " + request.describe() + ": " + Connections.describe(e), e);
        } catch (UncheckedSql e) {
            throw AutomigrateException.database("counting rows on " + request.describe() + ": "
                    + Connections.describe(e.getCause()), e.getCause());
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /**
     * Rows that would break a change (read only): every row for a NOT NULL column without default, NULLs for NOT
     * NULL, duplicates (and NULLs) for a key, rows without a match for a foreign key, rows the check rejects.
     */
    static long violating(Connection connection, Catalog live, Change change) {
        try {
            if (change instanceof TableChanges.CreateColumn add) {
                return count(connection, "SELECT count(*) FROM " + Sql.qualified(add.table()));
            }
            if (change instanceof TableChanges.AlterColumnNotNull notNull) {
                return DataInspection.violations(connection, Probe.of(Probe.Kind.NULLS, notNull.table(),
                        List.of(notNull.column())));
            }
            if (change instanceof TableChanges.CreateConstraint add) {
                if (live.table(add.table()).isEmpty()) return -1;
                return violating(connection, add.table(), add.constraint());
            }
            return -1;
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    private static long violating(Connection connection, QualifiedName table, Constraint constraint)
            throws SQLException {
        switch (constraint.kind()) {
            case PRIMARY_KEY, UNIQUE -> {
                long duplicates = DataInspection.violations(connection, Probe.of(Probe.Kind.DUPLICATES, table,
                        constraint.columns()));
                if (constraint.kind() == ConstraintKind.UNIQUE || duplicates < 0) return duplicates;
                long nulls = 0;
                for (String column : constraint.columns()) {
                    long n = DataInspection.violations(connection, Probe.of(Probe.Kind.NULLS, table, List.of(column)));
                    if (n < 0) return -1;
                    nulls += n;
                }
                return duplicates + nulls;
            }
            case FOREIGN_KEY -> {
                Probe probe = Probe.orphans(table, constraint);
                return probe.kind() == Probe.Kind.ORPHANS ? DataInspection.violations(connection, probe) : -1;
            }
            case CHECK -> {
                String expression = constraint.definition().replaceFirst("^CHECK ", "")
                        .replaceFirst(" NO INHERIT$", "");
                return guarded(connection, "SELECT count(*) FROM " + Sql.qualified(table) + " WHERE NOT ("
                        + expression + ")");
            }
            default -> {
                return -1;
            }
        }
    }

    /** A count that may name a column or table the live database lacks: -1 then. */
    private static long guarded(Connection connection, String sql) throws SQLException {
        DatabaseAccess.execute(connection, "SAVEPOINT repair_probe");
        try {
            long n = count(connection, sql);
            DatabaseAccess.execute(connection, "RELEASE SAVEPOINT repair_probe");
            return n;
        } catch (SQLException e) {
            DatabaseAccess.execute(connection, "ROLLBACK TO SAVEPOINT repair_probe");
            if ("42703".equals(e.getSQLState()) || "42P01".equals(e.getSQLState())) return -1;
            throw e;
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> roles(Connection connection) {
        Set<String> roles = new HashSet<>();
        try (java.sql.Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolname FROM pg_roles")) {
            while (rs.next()) roles.add(rs.getString(1));
            return roles;
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read the roles: " + Connections.describe(e), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection may be gone; the server rolls back an open transaction of a closed session
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
