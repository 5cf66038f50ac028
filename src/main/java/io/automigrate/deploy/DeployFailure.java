package io.automigrate.deploy;

import io.automigrate.AutomigrateException;

import java.util.List;

/**
 * An apply that stopped (refused by a check, or a migration that failed) once it knew its pending files: the same
 * message and exit code as the failure, plus the files it ran before stopping ({@code applied}, committed) and
 * those it did not run ({@code notRun}), so that a front end reports them without reading the message.
 */
public final class DeployFailure extends AutomigrateException {
    private final List<String> applied;
    private final List<String> notRun;

    DeployFailure(AutomigrateException cause, List<String> applied, List<String> notRun) {
        super(cause.exitCode(), cause.getMessage(), cause);
        this.applied = List.copyOf(applied);
        this.notRun = List.copyOf(notRun);
    }

    /** The migration files that ran (and are committed) before the failure, in order. */
    public List<String> applied() {
        return applied;
    }

    /** The pending migration files this apply did not run (a file whose step failed included), in order. */
    public List<String> notRun() {
        return notRun;
    }
}
