package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.db.Connections;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Linter;
import io.automigrate.migrate.Changeset;
import io.automigrate.migrate.DeferredCommits;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.policy.EnvironmentPolicy;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import io.automigrate.state.ExpectedStates;
import io.automigrate.state.StateReader;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The deploy workflow: connect (with retries), take the deploy lock, check (checksums, order, drift, policy), back
 * up, apply step by step (each step one transaction, or alone when it cannot run in one), verify, report. Rollback
 * runs the same way backwards with the stored rollback statements.
 */
public final class Deployer {

    private Deployer() {
    }

    /** A Liquibase lock left by a killed run is released (safe: the deploy lock is held), said in the log and notes. */
    private static void releaseStaleLock(DeployRequest request, DeployLock lock, List<String> notes) {
        String stale = lock.releaseStaleLiquibaseLock();
        if (stale != null) {
            request.log().accept(stale);
            notes.add(stale);
        }
    }

    public static DeployResult apply(DeployRequest request) {
        long start = System.nanoTime();
        MigrationHistory history = readHistory(request);
        LiquibaseRunner.warmUpInBackground();
        String who = applicationName("apply");
        Connection first = request.access().open(who);
        List<String> notes = new ArrayList<>();
        // What ran and what did not, once known: a failure carries them (DeployFailure) for the reports.
        List<String> ran = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        boolean known = false;
        try (DeployLock lock = request.dryRun() ? null : lockOrClose(request, first)) {
            Connection connection = lock == null ? first : lock.connection();
            if (lock != null) releaseStaleLock(request, lock, notes);
            request = ProductionGuard.remembered(request, connection, notes);
            List<ChangelogTable.Applied> appliedRows = ChangelogTable.read(connection);
            notRun.addAll(MigrationState.unappliedPaths(history, appliedRows));
            known = true;
            MigrationState state = state(request, history, appliedRows, who);
            history = state.history();
            if (state.appliedCount() == 0) refuseUnbaselined(request, connection);
            List<MigrationFile> files = state.pendingFiles();
            ExpectedStates expected = expected(request, history, state.appliedCount(),
                    files.stream().map(state::pendingIn).toList(), Connections.majorVersion(connection));
            boolean drifted = checkDrift(request, connection, expected.applied(), notes);
            checkPolicy(request, state, expected, notes);
            if (!request.dryRun()) remember(request, connection, "apply");
            // Up to date is the answer to a dry run too, not "0 changesets would be applied".
            if (state.pending().isEmpty()) {
                notes.add("all " + state.appliedCount() + " changesets of " + history.directory() + " are applied");
                return new DeployResult(DeployResult.Kind.APPLY, DeployResult.Status.UP_TO_DATE, request.describe(),
                        List.of(), notes, null, millisSince(start));
            }
            if (request.dryRun()) {
                List<DeployResult.StepResult> steps = state.pending().stream()
                        .map(s -> stepResult(s, sqlOf(s.changesets()), 0)).toList();
                return new DeployResult(DeployResult.Kind.APPLY, DeployResult.Status.DRY_RUN, request.describe(), steps,
                        notes, null, millisSince(start));
            }
            String backup = backup(request);
            createLiquibaseTables(request, history, who, connection);
            List<DeployResult.StepResult> done = new ArrayList<>();
            for (MigrationState.Step step : state.pending()) {
                long stepStart = System.nanoTime();
                request.log().accept("applying " + step.path() + " (" + step.changesets().size() + " changeset(s)"
                        + (step.transactional() ? ", one transaction" : ", outside a transaction") + ")");
                runStep(request, history, who, step.path(), step.changesets().size(), step.transactional(), false);
                done.add(stepResult(step, sqlOf(step.changesets()), millisSince(stepStart)));
                List<String> left = state.pending().subList(done.size(), state.pending().size()).stream()
                        .map(MigrationState.Step::path).distinct().toList();
                notRun.retainAll(left);
                if (!left.contains(step.path()) && !ran.contains(step.path())) ran.add(step.path());
                request.log().accept("applied " + step.path() + " in " + millisSince(stepStart) + "ms");
            }
            verify(request, who, expected.last(), drifted, "after applying", notes);
            request.log().accept(notes.get(notes.size() - 1));
            return new DeployResult(DeployResult.Kind.APPLY, DeployResult.Status.APPLIED, request.describe(), done,
                    notes, backup, millisSince(start));
        } catch (AutomigrateException e) {
            if (e instanceof DeployFailure) throw e;
            if (!known) throw DeployFailure.beforeHistory(e, history.files().stream().map(history::pathOf).toList());
            throw new DeployFailure(e, ran, notRun);
        } finally {
            if (request.dryRun()) Connections.closeQuietly(first);
        }
    }

    /**
     * Rolls back the last {@code count} applied changesets, or (with {@code toName}) every changeset applied after
     * the migration or changeset named so.
     */
    public static DeployResult rollback(DeployRequest request, Integer count, String toName) {
        long start = System.nanoTime();
        MigrationHistory history = readHistory(request);
        LiquibaseRunner.warmUpInBackground();
        String who = applicationName("rollback");
        Connection first = request.access().open(who);
        List<String> notes = new ArrayList<>();
        try (DeployLock lock = lockOrClose(request, first)) {
            releaseStaleLock(request, lock, notes);
            MigrationState state = state(request, history, ChangelogTable.read(lock.connection()), who);
            history = state.history();
            List<Located> applied = appliedChangesets(history, state.appliedCount());
            int n = count != null ? count : countAfter(applied, toName, request);
            if (n < 1 || n > applied.size()) {
                throw AutomigrateException.badInput("cannot roll back " + n + " changesets: " + applied.size()
                        + " are applied to " + request.describe());
            }
            List<Located> undo = new ArrayList<>(applied.subList(applied.size() - n, applied.size()));
            java.util.Collections.reverse(undo);
            for (Located l : undo) {
                if (l.changeset().rollback() == null || l.changeset().rollback().isBlank()) {
                    throw AutomigrateException.checkFailedAt(
                            new AutomigrateException.Location(l.path(), l.changeset().line(), 0),
                            "changeset "
                            + l.changeset().author() + ":" + l.changeset().id() + " has no rollback statement ("
                            + (l.changeset().rollback() == null ? "no --rollback lines" : "--rollback not required")
                            + "), so it cannot be rolled back; nothing was rolled back. Write the inverse as a new "
                            + "migration instead (automigrate plan)");
                }
            }
            ExpectedStates expected = expected(request, history, applied.size() - n, List.of(n),
                    Connections.majorVersion(lock.connection()));
            boolean drifted = checkDrift(request, lock.connection(), expected.last(), notes);
            String backup = backup(request);
            List<DeployResult.StepResult> done = new ArrayList<>();
            for (List<Located> group : groups(undo)) {
                long stepStart = System.nanoTime();
                boolean transactional = group.get(0).changeset().runInTransaction();
                runStep(request, history, who, group.get(0).path(), group.size(), transactional, true);
                List<String> ids = group.stream().map(l -> l.changeset().author() + ":" + l.changeset().id()).toList();
                String sql = group.stream().map(l -> l.changeset().rollback().strip()).collect(Collectors.joining("\n"));
                done.add(new DeployResult.StepResult(group.get(0).path(), ids, transactional, sql, millisSince(stepStart)));
            }
            verify(request, who, expected.applied(), drifted, "after the rollback", notes);
            return new DeployResult(DeployResult.Kind.ROLLBACK, DeployResult.Status.ROLLED_BACK, request.describe(),
                    done, notes, backup, millisSince(start));
        }
    }

    private record Located(String path, Changeset changeset) {
    }

    private static List<Located> appliedChangesets(MigrationHistory history, int count) {
        List<Located> all = new ArrayList<>();
        for (MigrationFile file : history.files()) {
            for (Changeset c : file.changesets()) {
                if (all.size() < count) all.add(new Located(history.pathOf(file), c));
            }
        }
        return all;
    }

    /** How many applied changesets come after the migration (file name, with or without .sql) or changeset id. */
    private static int countAfter(List<Located> applied, String name, DeployRequest request) {
        String bare = name.replaceAll("\\.sql$", "");
        for (int i = applied.size() - 1; i >= 0; i--) {
            Located l = applied.get(i);
            String file = l.path().substring(l.path().lastIndexOf('/') + 1).replaceAll("\\.sql$", "");
            if (file.equals(bare) || l.changeset().id().equals(bare)
                    || (l.changeset().author() + ":" + l.changeset().id()).equals(bare)) {
                return applied.size() - 1 - i;
            }
        }
        throw AutomigrateException.badInput("--to " + name + ": no applied migration or changeset of that name in "
                + request.describe() + "; give a migration file name such as 20261122153000_add_orders_table");
    }

    /** Consecutive changesets of one file that run in a transaction go together; the others alone. */
    private static List<List<Located>> groups(List<Located> undo) {
        List<List<Located>> groups = new ArrayList<>();
        for (Located l : undo) {
            List<Located> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && l.changeset().runInTransaction() && last.get(0).changeset().runInTransaction()
                    && last.get(0).path().equals(l.path())) {
                last.add(l);
            } else {
                groups.add(new ArrayList<>(List.of(l)));
            }
        }
        return groups;
    }

    static MigrationHistory readHistory(DeployRequest request) {
        Config config = request.config();
        if (config.changelog() != null) {
            throw AutomigrateException.badInput(Config.FILE_NAME + ": 'changelog' is set: apply and rollback work on a "
                    + "migrations directory of formatted-SQL files ('migrations'); use Liquibase's own update for a "
                    + "master changelog");
        }
        return MigrationHistory.read(request.root(), config.migrations(), config.migrationFormat(), false);
    }

    /**
     * Liquibase creates its tables on first use and, inside a deferred transaction, loses track of them; so they are
     * made first, committed on their own (empty: nothing is recorded as applied).
     */
    private static void createLiquibaseTables(DeployRequest request, MigrationHistory history, String who,
                                              Connection connection) {
        try {
            if (ChangelogTable.exists(connection, "databasechangelog")
                    && ChangelogTable.exists(connection, "databasechangeloglock")) {
                return;
            }
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot read " + request.access().display() + ": "
                    + Connections.describe(e), e);
        }
        Connection own = request.access().open(who);
        try (LiquibaseRunner runner = LiquibaseRunner.forHistory(own, history)) {
            runner.pending();
        } finally {
            Connections.closeQuietly(own);
        }
    }

    static DeployLock lockOrClose(DeployRequest request, Connection connection) {
        String location = request.config().migrations().replaceAll("/+$", "");
        return DeployLock.acquire(connection, DeployLock.projectKey(location), request.environment().lockWait(),
                request.access().display(), request.log());
    }

    private static MigrationState state(DeployRequest request, MigrationHistory history,
                                        List<ChangelogTable.Applied> applied, String who) {
        return MigrationState.of(history, applied, version -> checksums(request, history, who, version),
                request.describe());
    }

    /** Liquibase computes the checksums (they must be its own); on a connection of their own, which it closes. */
    private static Map<String, String> checksums(DeployRequest request, MigrationHistory history, String who, int version) {
        Connection connection = request.access().open(who);
        try (LiquibaseRunner runner = LiquibaseRunner.forHistory(connection, history)) {
            return runner.checksums(version);
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    /** The history replayed on a throwaway database: its applied part through the state seam (kept as a template). */
    private static ExpectedStates expected(DeployRequest request, MigrationHistory history, int appliedCount,
                                           List<Integer> pendingSizes, int liveMajor) {
        try (ShadowServer server = ShadowServers.startFor(request.shadow(), liveMajor, request.log())) {
            return ExpectedStates.compute(server, history, appliedCount, pendingSizes, inspectOptions(request));
        }
    }

    private static InspectOptions inspectOptions(DeployRequest request) {
        return StateReader.options(request.config());
    }

    /** Records in the database which environment {@code command} served (see {@link EnvironmentRecord}). */
    static void remember(DeployRequest request, Connection connection, String command) {
        try {
            EnvironmentRecord.record(connection, request.environmentName(), request.environment().production(),
                    command);
        } catch (SQLException e) {
            throw AutomigrateException.database("cannot record the environment in " + EnvironmentRecord.TABLE
                    + " of " + request.access().display() + ": " + Connections.describe(e), e);
        }
    }

    /** Refuses (exit 1) a live schema that differs from what its applied history produces, unless allowed. */
    private static boolean checkDrift(DeployRequest request, Connection connection, Catalog expected, List<String> notes) {
        Optional<String> drift = difference(StateReader.inspect(connection, inspectOptions(request)),
                expected);
        if (drift.isEmpty()) return false;
        if (!request.allowDrift()) {
            throw AutomigrateException.checkFailed(request.describe() + " has drifted from its migration history: "
                    + "someone changed the schema outside the migrations. The SQL that would bring it back to what "
                    + "the history says:\n" + drift.get() + "\nPut the change in a migration (or undo it); to re-create "
                    + "only what is missing, run 'automigrate repair' (or apply --repair, which repairs first), which "
                    + "never drops or changes anything; or pass --allow-drift to deploy anyway; nothing was applied");
        }
        String note = "drift accepted (--allow-drift): the live schema differs from its history; to bring it back:\n"
                + drift.get();
        request.log().accept("warning: " + note);
        notes.add(note);
        return true;
    }

    /**
     * A database with tables of its own and no migration history was never baselined: comparing it with an empty
     * history would call every table drift (and suggest dropping it), and the first migration would collide with
     * what is there. Refused (exit 1) with the exact init command line; apply and repair share it.
     */
    static void refuseUnbaselined(DeployRequest request, Connection connection) {
        Catalog live = StateReader.inspect(connection, inspectOptions(request));
        if (!Baseline.holdsObjects(live)) return;
        throw AutomigrateException.checkFailed(Baseline.neverBaselined(request.describe(), live,
                Baseline.initCommand(request.environmentName() == null ? null : request.environment().urlEnv(),
                        request.access().url(), request.access().display()))
                + ", then apply again; nothing was applied and no table was touched");
    }

    private static void checkPolicy(DeployRequest request, MigrationState state, ExpectedStates expected,
                                    List<String> notes) {
        Catalog before = expected.applied();
        EnvironmentPolicy policy = EnvironmentPolicy.of(request.environmentName(), request.environment(),
                request.allow(), "--allow");
        List<MigrationFile> files = state.pendingFiles();
        for (int i = 0; i < files.size(); i++) {
            Catalog after = expected.afterEachFile().get(i);
            MigrationFile file = files.get(i);
            String path = state.history().pathOf(file);
            List<Finding> judged = policy.judge(Linter.file(before, after, file, path), file);
            List<Finding> blocking = judged.stream().filter(Finding::blocks).toList();
            if (!blocking.isEmpty()) {
                String where = request.environmentName() == null ? "this database" : "environment '"
                        + request.environmentName() + "'";
                throw AutomigrateException.checkFailed(path + ": " + blocking.stream()
                        .map(f -> f.code() + " " + f.title() + " (" + describe(f) + ")").collect(Collectors.joining("; "))
                        + ": not allowed in " + where + ". If this is intended, allow it: 'allow: [" + blocking.stream()
                        .map(Finding::code).distinct().collect(Collectors.joining(", ")) + "]' for the environment in "
                        + Config.FILE_NAME + ", '-- automigrate:allow " + blocking.get(0).code() + " <reason>' in the "
                        + "file, or --allow " + blocking.get(0).code() + "; nothing was applied (see docs/lint.md)");
            }
            for (Finding f : judged) {
                boolean error = f.severity() == io.automigrate.lint.Severity.ERROR;
                notes.add(path + ": " + (error ? "error" : f.severity().id()) + " " + f.code() + " " + f.title()
                        + " (" + describe(f) + ")" + (error ? ", allowed" : ""));
            }
            before = after;
        }
    }

    private static String describe(Finding f) {
        if (f.target() == null) return f.line() > 0 ? "line " + f.line() : "the file";
        return f.target().toString();
    }

    static String backup(DeployRequest request) {
        if (!request.environment().backup()) return null;
        String label = request.environmentName() == null ? request.access().url() == null ? "database"
                : request.access().url().database() : request.environmentName();
        request.log().accept("backing up " + request.describe() + " with " + request.environment().pgDump() + " ...");
        java.nio.file.Path file = Backup.dump(request.environment().pgDump(), request.access().url(), request.root(),
                request.backups(), label, Instant.now());
        request.log().accept("backup written: " + file);
        return file.toString();
    }

    /**
     * Runs the next {@code count} changesets (or rolls back the last {@code count}) as one step: in one transaction
     * that also holds Liquibase's lock and its DATABASECHANGELOG rows, unless the step runs outside a transaction.
     * A step that failed only because a lock was not granted within lock_timeout is tried again, a few times.
     */
    private static void runStep(DeployRequest request, MigrationHistory history, String who, String path, int count,
                                boolean transactional, boolean rollback) {
        int retries = request.environment().retry().lockTimeoutRetries();
        long delay = request.environment().retry().initialDelay().toMillis();
        for (int attempt = 0; ; attempt++) {
            Connection connection = request.access().open(who);
            try {
                setTimeouts(connection, request);
                if (transactional) connection.setAutoCommit(false);
                Connection forLiquibase = transactional ? DeferredCommits.wrap(connection) : connection;
                // A failure is reported once, by automigrate: Liquibase would log it, and the follow-up errors of
                // the aborted transaction, with stack traces.
                try (LiquibaseRunner.Quiet quiet = LiquibaseRunner.quiet();
                     LiquibaseRunner runner = LiquibaseRunner.forHistory(forLiquibase, history)) {
                    if (rollback) runner.rollback(count);
                    else runner.update(count);
                    if (transactional) connection.commit();
                }
                return;
            } catch (AutomigrateException | SQLException e) {
                String state = sqlState(e, connection);
                rollbackQuietly(connection);
                if (state.equals("55P03") && attempt < retries) {
                    request.log().accept(path + ": a lock was not granted within lock-timeout ("
                            + request.environment().lockTimeout().toMillis() + "ms); trying again in " + delay
                            + "ms (" + (attempt + 1) + "/" + retries + ")");
                    DatabaseAccess.sleep(delay);
                    delay = Math.min(delay * 2, request.environment().retry().maxDelay().toMillis());
                    continue;
                }
                throw stepFailure(request, path, transactional, rollback, e, state, attempt);
            } finally {
                Connections.closeQuietly(connection);
            }
        }
    }

    private static AutomigrateException stepFailure(DeployRequest request, String path, boolean transactional,
                                                    boolean rollback, Exception e, String state, int attempts) {
        String what = rollback ? "rolling back " + path : path;
        // A statement's failure names its place (file, line, column): every form of the failure keeps it.
        AutomigrateException.Location at = e instanceof AutomigrateException located ? located.location() : null;
        String undone = transactional ? "nothing of this step was committed (it was rolled back as a whole)"
                : "this changeset runs outside a transaction (runInTransaction:false) and is not recorded as applied: "
                + "to continue, undo the statements that ran and drop what the failed one left (an INVALID index "
                + "from CREATE INDEX CONCURRENTLY: DROP INDEX CONCURRENTLY IF EXISTS ...), fix the cause, then run "
                + "apply again (docs/troubleshooting.md)";
        String detail = (e instanceof SQLException s ? Connections.describe(s) : e.getMessage())
                .replaceAll("(liquibase\\.exception\\.\\w+|org\\.postgresql\\.util\\.PSQLException): ", "")
                .replaceAll("Migration failed for changeset (\\S+?):? Reason: ", "changeset $1: ");
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new AutomigrateException(ExitCode.DATABASE, what + ": the connection to "
                    + request.access().display() + " was lost (" + detail + "); " + undone + ". Steps before it are "
                    + "committed; run the command again to continue", e, at);
        }
        if (state.equals("55P03")) {
            return AutomigrateException.database(what + ": a lock was not granted within lock-timeout ("
                    + request.environment().lockTimeout().toMillis() + "ms) after " + (attempts + 1) + " tries: "
                    + "another session holds a conflicting lock on the table; " + undone + ". Run again when the "
                    + "table is quieter, or raise 'lock-timeout'", e);
        }
        if (state.equals("57014")) {
            return AutomigrateException.database(what + ": a statement ran longer than statement-timeout ("
                    + request.environment().statementTimeout().toMillis() + "ms); " + undone, e);
        }
        if (e instanceof AutomigrateException known && known.exitCode() != ExitCode.CHECK_FAILED) {
            return known;
        }
        return new AutomigrateException(ExitCode.CHECK_FAILED, what + ": " + detail.replaceFirst("^migration failed: ",
                "") + "; " + undone + ". Steps before it are committed", null, at);
    }

    static void setTimeouts(Connection connection, DeployRequest request) throws SQLException {
        // Numbers from a Duration: no user text reaches the SQL.
        DatabaseAccess.execute(connection, "SET lock_timeout = " + request.environment().lockTimeout().toMillis()
                + "; SET statement_timeout = " + request.environment().statementTimeout().toMillis());
    }

    private static void verify(DeployRequest request, String who, Catalog expected, boolean drifted, String when,
                               List<String> notes) {
        if (drifted) {
            notes.add("not verified " + when + ": the database had drifted before (--allow-drift)");
            return;
        }
        Connection connection = request.access().open(who);
        try {
            Optional<String> difference = difference(
                    StateReader.inspect(connection, inspectOptions(request)), expected);
            if (difference.isPresent()) {
                throw AutomigrateException.checkFailed(when + ", " + request.describe() + " differs from what the "
                        + "migration history gives; to reach it:\n" + difference.get());
            }
            notes.add("verified " + when + ": the live schema equals the history's");
        } finally {
            Connections.closeQuietly(connection);
        }
    }

    /** Empty when equal (as {@code drift} compares); else the SQL that turns {@code live} into {@code expected}. */
    private static Optional<String> difference(Catalog live, Catalog expected) {
        Drift drift = DriftCheck.compare(live, expected);
        if (!drift.drifted()) return Optional.empty();
        return Optional.of(drift.fixSql().isBlank() ? "-- " + String.join("; ", drift.notes()) : drift.fixSql().strip());
    }

    /**
     * The SQLSTATE of a step's failure. Liquibase does not always keep the driver's exception as a cause: then a
     * connection that no longer answers means it was lost, and PostgreSQL's message tells the timeouts apart.
     */
    private static String sqlState(Exception e, Connection connection) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
        }
        try {
            if (connection.isClosed() || !connection.isValid(2)) return "08006";
        } catch (SQLException closed) {
            return "08006";
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (text.contains("due to lock timeout")) return "55P03";
        if (text.contains("due to statement timeout")) return "57014";
        return "";
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) connection.rollback();
        } catch (SQLException ignored) {
            // the connection may be gone; the server rolls back an open transaction of a closed session
        }
    }

    private static DeployResult.StepResult stepResult(MigrationState.Step step, String sql, long millis) {
        return new DeployResult.StepResult(step.path(), step.changesets().stream()
                .map(c -> c.author() + ":" + c.id()).toList(), step.transactional(), sql, millis);
    }

    private static String sqlOf(List<Changeset> changesets) {
        return changesets.stream().map(c -> c.sql().strip()).collect(Collectors.joining("\n"));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** {@code automigrate apply (host pid 4242)}: what a waiting deployer sees in pg_stat_activity. */
    static String applicationName(String command) {
        return "automigrate " + command + " (" + hostName() + " pid " + ProcessHandle.current().pid() + ")";
    }

    /** This machine's name, for who-did-what records and messages. */
    static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "unknown host";
            }
        }
        return host;
    }
}
