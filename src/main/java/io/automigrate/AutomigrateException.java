package io.automigrate;

/**
 * A failure the user must act on. The message is shown as it is, so it names the file, line, host or object
 * concerned and says what to do; it never contains a secret (build it with {@link Secrets#redact(String)} where
 * a URL or driver message is involved). The exit code follows from the kind of failure.
 */
public class AutomigrateException extends RuntimeException {
    private final ExitCode exitCode;
    private final Location location;

    /**
     * The place a failure is about, as data: {@code file} as the message names it (relative to the project, or
     * absolute), {@code line} and {@code col} 1-based, 0 when unknown. Front ends (the Action's annotations) read
     * this, never the message's text.
     */
    public record Location(String file, int line, int col) {
        /** "file:line:col", "file:line" or "file", as messages begin. */
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line + (col > 0 ? ":" + col : "") : "");
        }
    }

    public AutomigrateException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null);
    }

    public AutomigrateException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, cause, null);
    }

    /**
     * {@code location} null: none of its own; then that of {@code cause}, when it is an AutomigrateException, so a
     * failure wrapped with more words keeps its place.
     */
    public AutomigrateException(ExitCode exitCode, String message, Throwable cause, Location location) {
        super(message, cause);
        this.exitCode = exitCode;
        this.location = location != null ? location
                : cause instanceof AutomigrateException located ? located.location() : null;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** Where the failure is (null: nowhere in particular). */
    public Location location() {
        return location;
    }

    /**
     * Bad input at a place (exit 2): the message begins with it ({@code db/schema.sql:10:34: ...}) and {@link
     * #location()} carries it.
     */
    public static AutomigrateException badInputAt(Location at, String message) {
        return new AutomigrateException(ExitCode.BAD_INPUT, at + ": " + message, null, at);
    }

    /** A check failed at a place (exit 1); see {@link #badInputAt}. */
    public static AutomigrateException checkFailedAt(Location at, String message) {
        return new AutomigrateException(ExitCode.CHECK_FAILED, at + ": " + message, null, at);
    }

    /** Bad usage, configuration or input (exit 2). */
    public static AutomigrateException badInput(String message) {
        return new AutomigrateException(ExitCode.BAD_INPUT, message);
    }

    /** Database or network failure (exit 3). */
    public static AutomigrateException database(String message, Throwable cause) {
        return new AutomigrateException(ExitCode.DATABASE, message, cause);
    }

    /** A check failed (exit 1). */
    public static AutomigrateException checkFailed(String message) {
        return new AutomigrateException(ExitCode.CHECK_FAILED, message);
    }
}
