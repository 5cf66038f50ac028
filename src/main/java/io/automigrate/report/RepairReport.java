package io.automigrate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.automigrate.deploy.RepairResult;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A repair's result: text for a terminal or log, markdown for a job summary, JSON for machines. */
public final class RepairReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String LEFT_ALONE = "drift repair leaves alone (it never drops, narrows or rewrites)";

    private RepairReport() {
    }

    public static String headline(RepairResult r) {
        return switch (r.status()) {
            case SWITCHED_OFF -> "repair is switched off (AUTO_MIGRATE=false): nothing was done";
            case SKIPPED -> "skipped: no database URL for " + r.database();
            case UP_TO_DATE -> r.database() + " lacks nothing its applied migrations give: nothing to repair";
            case NOTHING_TO_REPAIR -> r.database() + " lacks nothing repair can re-create"
                    + (r.ok() ? "" : ", but it differs from its history");
            case DRY_RUN -> "dry run: " + (r.repaired().isEmpty() ? "nothing" : r.summary()) + " would be re-created in "
                    + r.database() + " (nothing was touched)";
            case REPAIRED -> "repaired " + r.database() + ": re-created " + r.summary() + " in " + seconds(r.millis());
        };
    }

    public static String text(RepairResult r) {
        StringBuilder out = new StringBuilder(headline(r)).append('\n');
        if (r.backup() != null) out.append("backup: ").append(r.backup()).append('\n');
        r.repaired().forEach(c -> out.append("  ").append(c).append('\n'));
        if (!r.blocked().isEmpty()) {
            out.append("\nnot added: existing rows violate it (fix the rows, then run repair again, or the SQL):\n");
            for (RepairResult.Blocked b : r.blocked()) {
                out.append("  ").append(b.change()).append(": ").append(b.rows()).append(b.rows() == 1 ? " row" : " rows")
                        .append(" violate it\n").append(indent(b.sql()));
            }
        }
        if (!r.leftAlone().isEmpty()) {
            out.append('\n').append(LEFT_ALONE).append(r.remainingAccepted() ? " (accepted: --allow-remaining-drift)"
                    : "").append(":\n");
            r.leftAlone().forEach(c -> out.append("  ").append(c).append('\n'));
            out.append("SQL a person could run to bring it back to its history (review it: it may drop or rewrite):\n")
                    .append(indent(r.leftAloneSql()));
        }
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        if (!r.sql().isBlank() || !r.concurrentSql().isBlank()) {
            out.append('\n').append(r.status() == RepairResult.Status.DRY_RUN ? "-- SQL that would run" : "-- SQL run")
                    .append(" (one transaction)\n").append(r.sql().strip()).append('\n');
            if (!r.concurrentSql().isBlank()) {
                out.append("-- after it, outside a transaction (large tables)\n").append(r.concurrentSql().strip())
                        .append('\n');
            }
        }
        return out.toString();
    }

    public static String markdown(RepairResult r) {
        StringBuilder out = new StringBuilder("### automigrate: ").append(headline(r)).append("\n\n");
        if (r.backup() != null) out.append("Backup: `").append(r.backup()).append("`\n\n");
        r.repaired().forEach(c -> out.append("- ").append(c).append('\n'));
        if (!r.blocked().isEmpty()) {
            out.append("\n**Not added: existing rows violate it**\n\n");
            r.blocked().forEach(b -> out.append("- ").append(b.change()).append(": ").append(b.rows())
                    .append(" rows\n"));
        }
        if (!r.leftAlone().isEmpty()) {
            out.append("\n**").append(LEFT_ALONE).append("**\n\n");
            r.leftAlone().forEach(c -> out.append("- ").append(c).append('\n'));
            out.append("\n```sql\n").append(r.leftAloneSql().strip()).append("\n```\n");
        }
        r.notes().forEach(n -> out.append("\n> ").append(n.replace("\n", "\n> ")).append('\n'));
        if (!r.sql().isBlank()) {
            out.append("\n<details><summary>SQL</summary>\n\n```sql\n").append(r.sql().strip()).append('\n')
                    .append(r.concurrentSql().strip()).append("\n```\n</details>\n");
        }
        return out.toString();
    }

    public static String json(RepairResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", "repair");
        root.put("status", r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        root.put("message", headline(r));
        root.put("database", r.database());
        root.put("summary", r.summary());
        root.put("repaired", r.repaired());
        root.put("sql", r.sql());
        root.put("concurrent_sql", r.concurrentSql());
        root.put("blocked", r.blocked().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("change", b.change());
            m.put("violating_rows", b.rows());
            m.put("sql", b.sql());
            return m;
        }).toList());
        root.put("left_alone", r.leftAlone());
        root.put("left_alone_sql", r.leftAloneSql());
        root.put("remaining_drift_accepted", r.remainingAccepted());
        root.put("ok", r.ok());
        root.put("millis", r.millis());
        root.put("backup", r.backup());
        root.put("notes", r.notes());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
    }

    private static String indent(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.strip().split("\n")) out.append("    ").append(line).append('\n');
        return out.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
    }
}
