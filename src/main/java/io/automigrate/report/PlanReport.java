package io.automigrate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.automigrate.plan.PlanResult;
import io.automigrate.plan.ProofStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan's result for people (text, markdown for pull requests) and for machines (JSON). */
public final class PlanReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanReport() {
    }

    /** The one-line outcome, also used as the first line of every format. */
    public static String headline(PlanResult r) {
        return switch (r.status()) {
            case NO_RELEVANT_CHANGES -> "no schema changes";
            case IN_SYNC -> "schema and migrations agree";
            case PLANNED -> (r.written() ? "wrote " : "needs a migration: ") + r.migrationFile() + " (risk: " + r.risk() + ")";
            case PROOF_FAILED -> "the generated migration failed its proof: nothing was written";
        };
    }

    public static String text(PlanResult r) {
        StringBuilder out = new StringBuilder(headline(r)).append('\n');
        if (r.detection() != null) {
            out.append("detected by ").append(r.detection().method()).append(": ")
                    .append(r.detection().changedFiles().isEmpty() ? "no relevant files changed"
                            : String.join(", ", r.detection().changedFiles())).append('\n');
        }
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        if (!r.changed()) return out.toString();
        out.append("\nchanges:\n");
        r.changes().forEach(c -> out.append("  ").append(c).append('\n'));
        if (!r.findings().isEmpty()) {
            out.append("\nfindings (risk ").append(r.risk()).append("; ").append(FindingsReport.counts(r.findings()))
                    .append("):\n").append(FindingsReport.text(r.findings()).indent(2));
        }
        out.append("\nproof on ").append(r.shadow()).append(":\n");
        for (ProofStep step : r.proof()) {
            out.append("  ").append(step.passed() ? "ok   " : "FAIL ").append(step.name()).append('\n');
            if (!step.passed()) step.detail().lines().forEach(l -> out.append("       ").append(l).append('\n'));
        }
        out.append("\n-- migration\n").append(r.sql());
        out.append("\n-- rollback\n").append(r.rollbackSql());
        return out.toString();
    }

    public static String markdown(PlanResult r) {
        StringBuilder out = new StringBuilder();
        out.append("### automigrate: ").append(headline(r)).append("\n\n");
        if (!r.changed()) {
            r.notes().forEach(n -> out.append("> ").append(n).append("\n"));
            return out.toString();
        }
        out.append("**Risk:** ").append(r.risk()).append(" · **Migration:** `").append(r.migrationFile()).append("`\n\n");
        out.append("| change | findings |\n| --- | --- |\n");
        for (String change : r.changes()) {
            out.append("| ").append(cell(change)).append(" | |\n");
        }
        if (!r.findings().isEmpty()) {
            out.append("\n#### Findings (risk: ").append(r.risk()).append("; ").append(FindingsReport.counts(r.findings()))
                    .append(")\n").append(FindingsReport.markdown(r.findings()));
        }
        r.notes().forEach(n -> out.append("\n> ").append(n).append('\n'));
        out.append("\n<details><summary>Migration SQL</summary>\n\n```sql\n").append(r.sql()).append("```\n</details>\n");
        out.append("\n<details><summary>Rollback SQL</summary>\n\n```sql\n").append(r.rollbackSql()).append("```\n</details>\n");
        out.append("\n#### Proof (").append(r.shadow()).append(")\n\n");
        for (ProofStep step : r.proof()) {
            out.append("- ").append(step.passed() ? "✅ " : "❌ ").append(step.name()).append('\n');
            if (!step.passed()) out.append("  ```\n  ").append(step.detail().replace("\n", "\n  ")).append("\n  ```\n");
        }
        return out.toString();
    }

    public static String json(PlanResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        root.put("message", headline(r));
        root.put("changed", r.changed());
        root.put("risk", r.changed() ? r.risk() : "none");
        if (r.detection() != null) {
            root.put("detection", Map.of("changed", r.detection().changed(), "files", r.detection().changedFiles(),
                    "method", r.detection().method()));
        }
        if (r.changed()) {
            Map<String, Object> migration = new LinkedHashMap<>();
            migration.put("name", r.migrationName());
            migration.put("file", r.migrationFile());
            migration.put("written", r.written());
            migration.put("sql", r.sql());
            migration.put("rollback", r.rollbackSql());
            root.put("migration", migration);
        }
        root.put("changes", r.changes());
        root.put("findingCounts", FindingsReport.counts(r.findings()));
        root.put("findings", r.findings().stream().map(FindingsReport::json).toList());
        root.put("verification", Map.of("passed", r.proof().stream().allMatch(ProofStep::passed) && !r.proof().isEmpty(),
                "steps", r.proof().stream().map(s -> Map.of("name", s.name(), "passed", s.passed(), "detail", s.detail())).toList()));
        root.put("notes", r.notes());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
