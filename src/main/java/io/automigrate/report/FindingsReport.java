package io.automigrate.report;

import io.automigrate.Version;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings for people and machines, the same in the plan and lint reports: grouped by severity (allowed ones last),
 * each with its statement and line, why, detail, the safe way, and its section of {@code docs/lint.md}.
 */
public final class FindingsReport {
    private FindingsReport() {
    }

    /** "2 errors, 1 warning, 3 info, 1 allowed". */
    public static String counts(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Severity severity : Severity.values()) {
            long n = findings.stream().filter(f -> !f.isSuppressed() && f.severity() == severity).count();
            if (out.length() > 0) out.append(", ");
            out.append(n).append(' ').append(severity.id()).append(n == 1 || severity == Severity.INFO ? "" : "s");
        }
        long allowed = findings.stream().filter(Finding::isSuppressed).count();
        return out.append(", ").append(allowed).append(" allowed").toString();
    }

    public static String text(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Finding>> group : groups(findings).entrySet()) {
            out.append(group.getKey()).append(" (").append(group.getValue().size()).append("):\n");
            for (Finding f : group.getValue()) {
                out.append("  ").append(f.code()).append(' ').append(f.title()).append(": ").append(target(f))
                        .append(where(f)).append('\n');
                if (!f.statement().isBlank()) {
                    out.append("    statement: ").append(f.statement().strip().replace("\n", "\n               "))
                            .append('\n');
                }
                if (!f.detail().isBlank()) out.append("    detail: ").append(f.detail()).append('\n');
                out.append("    why: ").append(f.why()).append('\n');
                out.append("    safer: ").append(f.safer()).append('\n');
                if (f.isSuppressed()) out.append("    allowed: ").append(f.suppression()).append('\n');
                out.append("    docs: ").append(f.docsAnchor()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Each finding next to its statement, with an absolute link to its section of docs/lint.md in this version's
     * docs (the markdown is read on other repositories' pull requests, where a relative link leads nowhere).
     */
    public static String markdown(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Finding>> group : groups(findings).entrySet()) {
            out.append("\n**").append(capitalized(group.getKey())).append(" (").append(group.getValue().size())
                    .append(")**\n\n");
            for (Finding f : group.getValue()) {
                out.append("- [").append(f.code()).append("](").append(Version.docsUrl(f.docsAnchor())).append(") **")
                        .append(Markdown.text(f.title())).append("**: `").append(target(f)).append('`').append(where(f))
                        .append('\n');
                if (!f.statement().isBlank()) {
                    out.append("  ```sql\n  ").append(f.statement().strip().replace("\n", "\n  ")).append("\n  ```\n");
                }
                if (!f.detail().isBlank()) out.append("  ").append(Markdown.text(f.detail())).append("  \n");
                out.append("  ").append(Markdown.text(f.why())).append("  \n  *Safer:* ")
                        .append(Markdown.text(f.safer())).append('\n');
                if (f.isSuppressed()) out.append("  *Allowed:* ").append(Markdown.text(f.suppression().toString()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    public static Map<String, Object> json(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("severity", f.severity().id());
        m.put("title", f.title());
        m.put("target", target(f));
        if (f.file() != null) m.put("file", f.file());
        m.put("line", f.line());
        m.put("statement", f.statement());
        m.put("detail", f.detail());
        m.put("why", f.why());
        m.put("safer", f.safer());
        m.put("docs", Version.docsUrl(f.docsAnchor()));
        m.put("allowed", f.isSuppressed());
        if (f.isSuppressed()) m.put("allowedBy", f.suppression().toString());
        return m;
    }

    /** errors, warnings, info, then allowed; empty groups left out. */
    private static Map<String, List<Finding>> groups(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            List<Finding> group = findings.stream().filter(f -> !f.isSuppressed() && f.severity() == severity).toList();
            if (!group.isEmpty()) groups.put(severity == Severity.INFO ? "info" : severity.id() + "s", group);
        }
        List<Finding> allowed = findings.stream().filter(Finding::isSuppressed).toList();
        if (!allowed.isEmpty()) groups.put("allowed", allowed);
        return groups;
    }

    /** The object concerned; for transaction-shape findings (AM5xx) the changeset. */
    static String target(Finding f) {
        return f.code().startsWith("AM5") ? f.target().name() : f.target().toString();
    }

    private static String where(Finding f) {
        if (f.line() <= 0) return "";
        return f.file() == null ? " (line " + f.line() + ")" : " (" + f.file() + ":" + f.line() + ")";
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
