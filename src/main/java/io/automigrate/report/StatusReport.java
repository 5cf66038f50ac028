package io.automigrate.report;

import io.automigrate.deploy.FileState;
import io.automigrate.deploy.StatusResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code automigrate status} for people (text, markdown) and machines (JSON). */
public final class StatusReport {
    private StatusReport() {
    }

    public static String headline(StatusResult r) {
        List<String> counts = new ArrayList<>();
        for (FileState.State state : FileState.State.values()) {
            long n = r.count(state);
            if (n > 0) counts.add(n + " " + state.label());
        }
        String summary = counts.isEmpty() ? "no migrations" : String.join(", ", counts);
        String drift = r.drift() == null ? "" : r.drift().drifted() ? "; drift found" : "; no drift";
        return (r.clean() ? "up to date: " : "needs attention: ") + r.target() + ": " + summary + drift;
    }

    public static String text(StatusResult r) {
        StringBuilder out = new StringBuilder(headline(r)).append("\n\n");
        int width = r.migrations().stream().mapToInt(m -> m.state().label().length()).max().orElse(0);
        for (FileState m : r.migrations()) {
            out.append("  ").append(String.format("%-" + width + "s", m.state().label())).append("  ").append(m.file())
                    .append('\n');
            if (!m.detail().isBlank()) out.append("  ").append(" ".repeat(width)).append("    ").append(m.detail())
                    .append('\n');
        }
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        if (r.drift() != null) {
            out.append('\n').append(DriftReport.text("drift against " + DriftReport.HISTORY, r.drift(),
                    "brings it back to its history"));
        }
        return out.toString();
    }

    public static String markdown(StatusResult r) {
        StringBuilder out = new StringBuilder("### automigrate: ").append(headline(r)).append("\n\n");
        if (!r.migrations().isEmpty()) {
            out.append("| state | migration | detail |\n| --- | --- | --- |\n");
            for (FileState m : r.migrations()) {
                out.append("| ").append(m.state().label()).append(" | `").append(m.file()).append("` | ")
                        .append(m.detail().replace("|", "\\|")).append(" |\n");
            }
            out.append('\n');
        }
        r.notes().forEach(n -> out.append("> ").append(n).append("\n\n"));
        if (r.drift() != null) {
            out.append(DriftReport.markdown("Drift against " + DriftReport.HISTORY, r.drift(),
                    "brings it back to its history"));
        }
        return out.toString();
    }

    public static String json(StatusResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target", r.target());
        root.put("clean", r.clean());
        root.put("message", headline(r));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FileState.State state : FileState.State.values()) {
            counts.put(state.name().toLowerCase(java.util.Locale.ROOT), r.count(state));
        }
        root.put("counts", counts);
        root.put("migrations", r.migrations().stream().map(m -> Map.of("file", m.file(),
                "state", m.state().name().toLowerCase(java.util.Locale.ROOT), "detail", m.detail())).toList());
        root.put("drift", r.drift() == null ? null : DriftReport.json(r.drift()));
        root.put("notes", r.notes());
        return DriftReport.write(root);
    }
}
