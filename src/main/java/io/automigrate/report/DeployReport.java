package io.automigrate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.automigrate.deploy.DeployResult;
import io.automigrate.deploy.DeployResult.StepResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An apply's or rollback's result: text for a terminal or log, markdown for a job summary, JSON for machines. */
public final class DeployReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeployReport() {
    }

    public static String headline(DeployResult r) {
        return switch (r.status()) {
            case SWITCHED_OFF -> "apply is switched off (AUTO_MIGRATE=false): nothing was done";
            case SKIPPED -> "skipped: no database URL for " + r.database();
            case UP_TO_DATE -> r.database() + " is up to date: nothing to apply";
            case DRY_RUN -> "dry run: " + r.changesetCount() + " changeset(s) would be applied to " + r.database()
                    + " (nothing was touched)";
            case APPLIED -> "applied " + r.changesetCount() + " changeset(s) to " + r.database() + " in " + seconds(r.millis());
            case ROLLED_BACK -> "rolled back " + r.changesetCount() + " changeset(s) of " + r.database() + " in "
                    + seconds(r.millis());
            case FAILED -> "failed, and the application started anyway: " + String.join("; ", r.notes());
        };
    }

    public static String text(DeployResult r) {
        StringBuilder out = new StringBuilder(headline(r)).append('\n');
        if (r.backup() != null) out.append("backup: ").append(r.backup()).append('\n');
        for (StepResult step : r.steps()) {
            out.append("  ").append(step.file()).append(' ').append(String.join(", ", step.changesets()))
                    .append(step.transactional() ? "" : " (outside a transaction)")
                    .append(r.status() == DeployResult.Status.DRY_RUN ? "" : " " + seconds(step.millis())).append('\n');
        }
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        if (r.status() == DeployResult.Status.DRY_RUN && !r.steps().isEmpty()) {
            out.append("\n-- SQL that would run\n");
            for (StepResult step : r.steps()) {
                out.append("-- ").append(step.file()).append(step.transactional() ? " (one transaction)"
                        : " (outside a transaction)").append('\n').append(step.sql().strip()).append("\n\n");
            }
        }
        return out.toString();
    }

    public static String markdown(DeployResult r) {
        StringBuilder out = new StringBuilder("### automigrate: ").append(headline(r)).append("\n\n");
        if (r.backup() != null) out.append("Backup: `").append(r.backup()).append("`\n\n");
        if (!r.steps().isEmpty()) {
            out.append("| migration | changesets | transaction | time |\n| --- | --- | --- | --- |\n");
            for (StepResult step : r.steps()) {
                out.append("| `").append(step.file()).append("` | ").append(String.join(", ", step.changesets()))
                        .append(" | ").append(step.transactional() ? "one" : "none (runs alone)").append(" | ")
                        .append(r.status() == DeployResult.Status.DRY_RUN ? "-" : seconds(step.millis())).append(" |\n");
            }
        }
        r.notes().forEach(n -> out.append("\n> ").append(n.replace("\n", "\n> ")).append('\n'));
        if (!r.steps().isEmpty()) {
            out.append("\n<details><summary>SQL</summary>\n\n```sql\n");
            r.steps().forEach(s -> out.append(s.sql().strip()).append('\n'));
            out.append("```\n</details>\n");
        }
        return out.toString();
    }

    public static String json(DeployResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", r.kind().name().toLowerCase(Locale.ROOT));
        root.put("status", r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        root.put("message", headline(r));
        root.put("database", r.database());
        root.put("changesets", r.changesetCount());
        root.put("millis", r.millis());
        root.put("backup", r.backup());
        root.put("steps", r.steps().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", s.file());
            m.put("changesets", s.changesets());
            m.put("transactional", s.transactional());
            m.put("millis", s.millis());
            m.put("sql", s.sql());
            return m;
        }).toList());
        root.put("notes", r.notes());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
    }

}
