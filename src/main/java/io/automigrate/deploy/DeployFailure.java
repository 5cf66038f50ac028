package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.config.Config;
import io.automigrate.migrate.MigrationHistory;

import java.nio.file.Path;
import java.util.List;

/**
 * An apply that stopped (refused by a check, or a migration that failed) once it knew its pending files: the same
 * message and exit code as the failure, plus the files it ran before stopping ({@code applied}, committed) and
 * those it did not run ({@code notRun}), so that a front end reports them without reading the message. An apply
 * that stopped before it could read the database's history (unreachable, deploy lock not granted) ran nothing:
 * {@code notRun} is then every migration file of the folder and {@link #historyRead()} is false, because which of
 * them the database already has is not known.
 */
public final class DeployFailure extends AutomigrateException {
    private final List<String> applied;
    private final List<String> notRun;
    private final boolean historyRead;

    DeployFailure(AutomigrateException cause, List<String> applied, List<String> notRun) {
        this(cause, applied, notRun, true);
    }

    private DeployFailure(AutomigrateException cause, List<String> applied, List<String> notRun, boolean historyRead) {
        super(cause.exitCode(), cause.getMessage(), cause);
        this.applied = List.copyOf(applied);
        this.notRun = List.copyOf(notRun);
        this.historyRead = historyRead;
    }

    /** {@code cause} stopped an apply before the database's history was read: none of {@code files} ran. */
    static DeployFailure beforeHistory(AutomigrateException cause, List<String> files) {
        return cause instanceof DeployFailure known ? known : new DeployFailure(cause, List.of(), files, false);
    }

    /**
     * {@code cause} stopped an apply of the project at {@code root} before it read the database's history (the
     * database never answered): every migration file of its folder is one this apply did not run; none when the
     * folder itself cannot be read (that failure is {@code cause}'s message).
     */
    public static DeployFailure beforeHistory(AutomigrateException cause, Path root, Config config) {
        if (cause instanceof DeployFailure known) return known;
        return beforeHistory(cause, migrationFiles(root, config));
    }

    /**
     * Every migration file of the project at {@code root}, in order: those an apply that never read the database's
     * history did not run. None when the folder cannot be read (or a changelog is configured).
     */
    public static List<String> migrationFiles(Path root, Config config) {
        if (config.changelog() != null) return List.of();
        try {
            MigrationHistory history = MigrationHistory.read(root, config.migrations(), config.migrationFormat(), false);
            return history.files().stream().map(history::pathOf).toList();
        } catch (AutomigrateException unreadable) {
            return List.of(); // the failure that stopped the apply, if any, already says why
        }
    }

    /** The migration files that ran (and are committed) before the failure, in order. */
    public List<String> applied() {
        return applied;
    }

    /** The pending migration files this apply did not run (a file whose step failed included), in order. */
    public List<String> notRun() {
        return notRun;
    }

    /**
     * True when the database's history was read, so {@link #notRun} are exactly the files pending there; false when
     * the apply stopped before (then {@link #notRun} lists every migration file: none ran, and which the database
     * has is unknown).
     */
    public boolean historyRead() {
        return historyRead;
    }
}
