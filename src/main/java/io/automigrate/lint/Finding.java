package io.automigrate.lint;

import io.automigrate.catalog.ObjectRef;

/**
 * One risk in a migration: its code (AM1xx destructive, AM2xx backward-incompatible, AM3xx data-dependent, AM4xx
 * locking, AM5xx transaction shape), severity, the object and the statement concerned, the statement's line in the
 * migration file (0 when not known yet), why it matters and how to do it safely.
 */
public record Finding(String code, Severity severity, String title, ObjectRef target, String statement, int line,
                      String why, String safer) {
    public Finding withLine(int newLine) {
        return new Finding(code, severity, title, target, statement, newLine, why, safer);
    }

    /** Where {@code docs/lint.md} explains this code. */
    public String docsAnchor() {
        return "docs/lint.md#" + code.toLowerCase(java.util.Locale.ROOT);
    }
}
