package io.automigrate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.automigrate.lint.Finding;
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
            case PLANNED -> (r.written() ? "wrote " : "needs a migration: ") + r.migration().file() + " (risk: " + r.risk() + ")";
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
        r.migration().changes().forEach(c -> out.append("  ").append(c).append('\n'));
        if (!r.findings().isEmpty()) {
            out.append("\nfindings (risk ").append(r.risk()).append("; ").append(FindingsReport.counts(r.findings()))
                    .append("):\n").append(FindingsReport.text(r.findings()).indent(2));
        }
        out.append("\nproof on ").append(r.shadow()).append(":\n");
        for (ProofStep step : r.proof()) {
            out.append("  ").append(step.passed() ? "ok   " : "FAIL ").append(step.name()).append('\n');
            if (!step.passed()) step.detail().lines().forEach(l -> out.append("       ").append(l).append('\n'));
        }
        out.append("\n-- migration\n").append(r.migration().sql());
        out.append("\n-- rollback\n").append(r.migration().rollbackSql());
        return out.toString();
    }

    public static String markdown(PlanResult r) {
        StringBuilder out = new StringBuilder();
        out.append("### automigrate: ").append(headline(r)).append("\n\n");
        if (!r.changed()) {
            r.notes().forEach(n -> out.append("> ").append(Markdown.text(n)).append("\n"));
            return out.toString();
        }
        out.append("**Risk:** ").append(r.risk()).append(" · **Migration:** `").append(r.migration().file()).append("`\n\n");
        out.append("| change | findings |\n| --- | --- |\n");
        for (String change : r.migration().changes()) {
            String codes = String.join(", ", r.findings().stream().filter(f -> concerns(f, change))
                    .map(f -> f.code() + " " + f.severity().id()).distinct().toList());
            out.append("| ").append(cell(change)).append(" | ").append(cell(codes)).append(" |\n");
        }
        if (!r.findings().isEmpty()) {
            out.append("\n#### Findings (risk: ").append(r.risk()).append("; ").append(FindingsReport.counts(r.findings()))
                    .append(")\n").append(FindingsReport.markdown(r.findings()));
        }
        r.notes().forEach(n -> out.append("\n> ").append(Markdown.text(n)).append('\n'));
        out.append("\n<details><summary>Migration SQL</summary>\n\n```sql\n").append(r.migration().sql()).append("```\n</details>\n");
        out.append("\n<details><summary>Rollback SQL</summary>\n\n```sql\n").append(r.migration().rollbackSql()).append("```\n</details>\n");
        out.append("\n#### Proof (").append(r.shadow()).append(")\n\n");
        for (ProofStep step : r.proof()) {
            out.append("- ").append(step.passed() ? "✅ " : "❌ ").append(step.name()).append('\n');
            if (!step.passed()) out.append("  ```\n  ").append(step.detail().replace("\n", "\n  ")).append("\n  ```\n");
        }
        return out.toString();
    }

    /**
     * Where a pull request's plan is posted: {@code marker} (a hidden HTML comment) finds the comment again on the
     * next push; {@code deploysTo} is the environment the base branch deploys to (null: none); {@code fork} says the
     * author must add the file themselves; {@code committed} is the commit that added the migration (null: none);
     * {@code addedMigrations} are the migration files the pull request adds; {@code detail} one line on how changes
     * were detected and for which commit.
     */
    public record PullRequest(String marker, String baseBranch, String deploysTo, boolean fork, String committed,
                              List<String> addedMigrations, String detail) {
        public PullRequest {
            addedMigrations = List.copyOf(addedMigrations);
        }
    }

    /** The pull-request comment: the markdown report, what happens on merge, and what the author has to do. */
    public static String pullRequestComment(PlanResult r, PullRequest pr) {
        StringBuilder out = new StringBuilder(pr.marker()).append('\n').append(markdown(r));
        switch (r.status()) {
            case NO_RELEVANT_CHANGES -> out.append("\nThis pull request no longer changes the schema or the migrations: "
                    + "there is nothing to review here, and nothing will be deployed on merge.\n");
            case IN_SYNC -> {
                out.append("\nThe schema and the migrations agree.");
                if (!pr.addedMigrations().isEmpty()) {
                    out.append(" This pull request adds ").append(String.join(", ", pr.addedMigrations().stream()
                            .map(f -> "`" + f + "`").toList())).append('.');
                }
                out.append('\n');
            }
            case PLANNED -> {
                if (pr.committed() != null) {
                    out.append("\n✅ Committed `").append(r.migration().file()).append("` to this pull request as ")
                            .append(pr.committed(), 0, Math.min(7, pr.committed().length())).append(".\n");
                } else {
                    out.append("\n**To do:** add this migration to the pull request")
                            .append(pr.fork() ? " (it comes from a fork, so automigrate does not push to it)" : "")
                            .append(": run `automigrate plan` in your clone and commit `").append(r.migration().file())
                            .append("`, or save the file below under that name.\n");
                    out.append("\n<details><summary>Migration file <code>").append(r.migration().file())
                            .append("</code></summary>\n\n```sql\n").append(r.migration().text()).append("```\n</details>\n");
                }
            }
            case PROOF_FAILED -> out.append("\n**The migration failed its proof**: it is not safe to deploy. Fix the "
                    + "schema, or write the migration by hand (see the failed step above).\n");
        }
        if (r.status() != PlanResult.Status.NO_RELEVANT_CHANGES) {
            out.append("\n**On merge:** ").append(pr.deploysTo() == null
                    ? "`" + pr.baseBranch() + "` is not mapped to an environment in automigrate.yml: nothing is deployed."
                    : "merging into `" + pr.baseBranch() + "` applies the pending migrations to **" + pr.deploysTo()
                    + "**.").append('\n');
        }
        if (pr.detail() != null && !pr.detail().isBlank()) {
            out.append("\n<sub>").append(pr.detail()).append("</sub>\n");
        }
        return out.toString();
    }

    /** The pull-request comment when the plan could not run at all (bad SQL in the schema, a history that fails). */
    public static String pullRequestFailure(String marker, String message, String detail) {
        return marker + "\n### automigrate: the plan failed\n\n```\n" + message.strip() + "\n```\n"
                + (detail == null || detail.isBlank() ? "" : "\n<sub>" + detail + "</sub>\n");
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
            migration.put("name", r.migration().name());
            migration.put("file", r.migration().file());
            migration.put("written", r.written());
            migration.put("sql", r.migration().sql());
            migration.put("rollback", r.migration().rollbackSql());
            root.put("migration", migration);
        }
        root.put("changes", r.changed() ? r.migration().changes() : List.of());
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

    /** The findings as one line of JSON (the action's {@code findings} output). */
    public static String findingsJson(List<Finding> findings) {
        try {
            return new ObjectMapper().writeValueAsString(findings.stream().map(FindingsReport::json).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the findings as JSON", e);
        }
    }

    /** A finding belongs to a change when the change names the finding's object. */
    private static boolean concerns(Finding f, String change) {
        String name = f.target().toString();
        String bare = name.substring(name.indexOf(' ') + 1);
        return java.util.regex.Pattern.compile("(^|[\\s(])" + java.util.regex.Pattern.quote(bare) + "($|[\\s(),])")
                .matcher(change).find();
    }

    private static String cell(String text) {
        return Markdown.text(text).replace("|", "\\|").replace("\n", " ");
    }
}
