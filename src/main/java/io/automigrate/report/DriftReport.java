package io.automigrate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.automigrate.deploy.Baseline;
import io.automigrate.deploy.Drift;
import io.automigrate.deploy.DriftResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code automigrate drift} for people (text, markdown) and machines (JSON); the drift sections status shares. */
public final class DriftReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String HISTORY = "its migration history";
    static final String SCHEMA = "the desired schema";

    private DriftReport() {
    }

    public static String headline(DriftResult r) {
        if (!r.ahead().isEmpty()) {
            return "ahead of this checkout: " + String.join(", ", r.ahead()) + " applied there, not here: "
                    + r.target() + " was not compared (not drift)";
        }
        String baseline = r.history().notes().stream().filter(n -> n.contains(Baseline.NEVER_BASELINED)).findFirst()
                .orElse(null);
        if (baseline != null) return "not baselined: " + baseline;
        if (!r.drifted()) return "no drift: " + r.target() + " matches " + HISTORY + " and " + SCHEMA + pending(r);
        String what = r.history().drifted() && r.schema().drifted() ? HISTORY + " and from " + SCHEMA
                : r.history().drifted() ? HISTORY : SCHEMA;
        return "drift: " + r.target() + " differs from " + what + pending(r);
    }

    /** "; 1 migration pending: db/migrations/x.sql" (pending is not drift), or nothing. */
    private static String pending(DriftResult r) {
        if (r.pending().isEmpty()) return "";
        return "; " + r.pending().size() + (r.pending().size() == 1 ? " migration" : " migrations") + " pending: "
                + String.join(", ", r.pending());
    }

    public static String text(DriftResult r) {
        return headline(r) + "\n\n" + text("against " + HISTORY, r.history(), "brings it back to its history")
                + "\n" + text("against " + SCHEMA, r.schema(), "brings it to the schema");
    }

    /** One comparison: its changes, the SQL that fixes it and the SQL that was run by hand. */
    static String text(String title, Drift d, String fixTitle) {
        StringBuilder out = new StringBuilder(title).append(": ").append(d.drifted() ? "differs" : "no difference")
                .append('\n');
        d.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
        if (!d.drifted()) return out.toString();
        d.changes().forEach(c -> out.append("  ").append(c).append('\n'));
        if (!d.fixSql().isBlank()) {
            out.append("  -- SQL that ").append(fixTitle).append(":\n").append(indent(d.fixSql()));
        }
        if (!d.driftSql().isBlank()) {
            out.append("  -- what was changed outside the migrations, as SQL:\n").append(indent(d.driftSql()));
        }
        return out.toString();
    }

    public static String markdown(DriftResult r) {
        return "### automigrate: " + headline(r) + "\n\n"
                + markdown("Against " + HISTORY, r.history(), "brings it back to its history")
                + markdown("Against " + SCHEMA, r.schema(), "brings it to the schema");
    }

    static String markdown(String title, Drift d, String fixTitle) {
        StringBuilder out = new StringBuilder("#### ").append(title).append(": ")
                .append(d.drifted() ? "differs" : "no difference").append("\n\n");
        d.notes().forEach(n -> out.append("> ").append(n).append("\n\n"));
        if (!d.drifted()) return out.toString();
        d.changes().forEach(c -> out.append("- ").append(c).append('\n'));
        if (!d.fixSql().isBlank()) {
            out.append("\nSQL that ").append(fixTitle).append(":\n\n```sql\n").append(d.fixSql()).append("```\n");
        }
        if (!d.driftSql().isBlank()) {
            out.append("\nWhat was changed outside the migrations:\n\n```sql\n").append(d.driftSql()).append("```\n");
        }
        return out.append('\n').toString();
    }

    public static String json(DriftResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target", r.target());
        root.put("drifted", r.drifted());
        root.put("message", headline(r));
        root.put("pending", r.pending());
        root.put("ahead", r.ahead());
        root.put("history", json(r.history()));
        root.put("schema", json(r.schema()));
        return write(root);
    }

    static Map<String, Object> json(Drift d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drifted", d.drifted());
        m.put("changes", d.changes());
        m.put("fixSql", d.fixSql());
        m.put("driftSql", d.driftSql());
        m.put("notes", d.notes());
        return m;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    static String indent(String sql) {
        return sql.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }
}
