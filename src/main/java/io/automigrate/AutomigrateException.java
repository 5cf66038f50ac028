package io.automigrate;

/**
 * A failure the user must act on. The message is shown as it is, so it names the file, line, host or object
 * concerned and says what to do; it never contains a secret (build it with {@link Secrets#redact(String)} where
 * a URL or driver message is involved). The exit code follows from the kind of failure.
 */
public class AutomigrateException extends RuntimeException {
    private final ExitCode exitCode;

    public AutomigrateException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public AutomigrateException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
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
