package io.automigrate.lint;

import io.automigrate.catalog.ObjectRef;

import java.util.Locale;

/**
 * One risk in a migration: its code (see {@link Rule}), its effective severity, the object and the statement
 * concerned, the statement's line (0 when not known) and {@code file} (null for a migration being planned), why it
 * matters and how to do it safely. {@code detail} says what exactly (a removed label, the hint line of a rename, rows
 * counted on the target, a table's size); empty when there is nothing to add. {@code probe} says what
 * {@code --inspect-url} may count for it (null: nothing). {@code suppression} is set when the finding is allowed.
 */
public record Finding(String code, Severity severity, String title, ObjectRef target, String statement, int line,
                      String why, String safer, String file, String detail, Probe probe, Suppression suppression) {

    /** Why a finding does not count: who allowed it. */
    public record Suppression(String source, String reason) {
        @Override
        public String toString() {
            return reason == null || reason.isBlank() ? source : source + ": " + reason;
        }
    }

    public Finding {
        statement = statement == null ? "" : statement;
        detail = detail == null ? "" : detail;
    }

    public Finding(String code, Severity severity, String title, ObjectRef target, String statement, int line,
                   String why, String safer) {
        this(code, severity, title, target, statement, line, why, safer, null, "", null, null);
    }

    public Finding withLine(int newLine) {
        return new Finding(code, severity, title, target, statement, newLine, why, safer, file, detail, probe,
                suppression);
    }

    public Finding at(String newFile, int newLine) {
        return new Finding(code, severity, title, target, statement, newLine, why, safer, newFile, detail, probe,
                suppression);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(code, newSeverity, title, target, statement, line, why, safer, file, detail, probe,
                suppression);
    }

    public Finding withDetail(String newDetail) {
        return new Finding(code, severity, title, target, statement, line, why, safer, file, newDetail, probe,
                suppression);
    }

    /** Adds a sentence to {@link #detail()}. */
    public Finding addDetail(String more) {
        return withDetail(detail.isEmpty() ? more : detail + " " + more);
    }

    public Finding withProbe(Probe newProbe) {
        return new Finding(code, severity, title, target, statement, line, why, safer, file, detail, newProbe,
                suppression);
    }

    public Finding suppressed(Suppression by) {
        return new Finding(code, severity, title, target, statement, line, why, safer, file, detail, probe, by);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    /** An error that nobody allowed: blocks production. */
    public boolean blocks() {
        return severity == Severity.ERROR && suppression == null;
    }

    /** Where {@code docs/lint.md} explains this code. */
    public String docsAnchor() {
        return "docs/lint.md#" + code.toLowerCase(Locale.ROOT);
    }
}
