package io.automigrate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.automigrate.lint.Finding;
import io.automigrate.lint.LintPolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of {@code automigrate lint FILE...}: text, markdown, JSON. */
public final class LintReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LintReport() {
    }

    public static String headline(List<String> files, List<Finding> findings) {
        String what = files.size() == 1 ? files.get(0) : files.size() + " files";
        if (findings.isEmpty()) return "lint " + what + ": no findings";
        return "lint " + what + ": risk " + LintPolicy.risk(findings) + " (" + FindingsReport.counts(findings) + ")"
                + (LintPolicy.blocks(findings) ? "; an error finding is not allowed" : "");
    }

    public static String text(List<String> files, List<Finding> findings, List<String> notes) {
        StringBuilder out = new StringBuilder(headline(files, findings)).append('\n');
        notes.forEach(n -> out.append("note: ").append(n).append('\n'));
        if (!findings.isEmpty()) out.append('\n').append(FindingsReport.text(findings));
        return out.toString();
    }

    public static String markdown(List<String> files, List<Finding> findings, List<String> notes) {
        StringBuilder out = new StringBuilder("### automigrate: ").append(headline(files, findings)).append('\n');
        notes.forEach(n -> out.append("\n> ").append(n).append('\n'));
        return out.append(FindingsReport.markdown(findings)).toString();
    }

    public static String json(List<String> files, List<Finding> findings, List<String> notes) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", files);
        root.put("risk", LintPolicy.risk(findings));
        root.put("blocked", LintPolicy.blocks(findings));
        root.put("findingCounts", FindingsReport.counts(findings));
        root.put("findings", findings.stream().map(FindingsReport::json).toList());
        root.put("notes", notes);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lint result as JSON", e);
        }
    }
}
