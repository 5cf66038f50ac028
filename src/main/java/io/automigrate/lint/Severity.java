package io.automigrate.lint;

import java.util.Locale;

/** {@code ERROR} blocks production unless allowed; {@code WARNING} needs a reviewer's eye; {@code INFO} is context. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
