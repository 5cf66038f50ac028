package io.automigrate;

/** The process exit codes every command uses (DESIGN.md, "Commands and exit codes"). */
public enum ExitCode {
    /** Done, including "nothing to do". */
    OK(0),
    /** A check failed: drift, lint policy, verification, a difference with {@code --exit-code}. */
    CHECK_FAILED(1),
    /** Bad usage, configuration or input; nothing was touched. */
    BAD_INPUT(2),
    /** Database or network failure after retries. */
    DATABASE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
