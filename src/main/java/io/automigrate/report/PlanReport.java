package io.automigrate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.automigrate.lint.Finding;
import io.automigrate.plan.MigrationReview;
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
            case SCHEMA_LACKS -> "a migration of this change creates what the schema does not have: nothing was "
                    + "generated";
        } + (r.refusedAtDeploy() && r.status() != PlanResult.Status.SCHEMA_LACKS
                ? "; deploy will refuse " + refusedCount(r.review()) : "");
    }

    private static String refusedCount(MigrationReview review) {
        long files = review.files().stream().filter(f -> !f.refusedBy().isEmpty()).count() + review.edited().size()
                + review.gaps().stream().map(MigrationReview.SchemaGap::migrationFile).distinct().count();
        return files == 1 ? "a migration file of this change" : files + " migration files of this change";
    }

    public static String text(PlanResult r) {
        StringBuilder out = new StringBuilder(headline(r)).append('\n');
        if (r.detection() != null) {
            out.append("detected by ").append(r.detection().method()).append(": ")
                    .append(r.detection().changedFiles().isEmpty() ? "no relevant files changed"
                            : String.join(", ", r.detection().changedFiles())).append('\n');
        }
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append(reviewText(r.review()));
        if (!r.changed()) return out.toString();
        out.append("\nchanges:\n");
        r.migration().changes().forEach(c -> out.append("  ").append(c).append('\n'));
        if (r.migration().review() != null) {
            out.append("\nat deploy: ").append(verdicts(r.migration().review(), false)).append('\n');
        }
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
            return out.append(reviewMarkdown(r.review())).toString();
        }
        out.append("**Risk:** ").append(r.risk()).append(" · **Migration:** `").append(r.migration().file()).append("`\n\n");
        if (r.migration().review() != null) {
            // What the run after it is in the change will say of it: judged by every environment it will reach.
            out.append("**At deploy:** ").append(r.generatedRefused() ? "❌ " : "✅ ")
                    .append(verdicts(r.migration().review(), true)).append("\n\n");
        }
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
        out.append(reviewMarkdown(r.review()));
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
     * were detected and for which commit; {@code project} is the project's folder in the repository, named in the
     * title (null or empty: the repository's top).
     */
    public record PullRequest(String marker, String baseBranch, String deploysTo, boolean fork, String committed,
                              List<String> addedMigrations, String detail, String project) {
        public PullRequest {
            addedMigrations = List.copyOf(addedMigrations);
        }
    }

    /** The pull-request comment: the markdown report, what happens on merge, and what the author has to do. */
    public static String pullRequestComment(PlanResult r, PullRequest pr) {
        String report = markdown(r);
        if (pr.project() != null && !pr.project().isEmpty()) {
            report = report.replaceFirst("^### automigrate: ", java.util.regex.Matcher.quoteReplacement(
                    "### automigrate (" + pr.project() + "): "));
        }
        StringBuilder out = new StringBuilder(pr.marker()).append('\n').append(report);
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
            case SCHEMA_LACKS -> out.append("\n**To do:** declare in the schema what the migration creates, or take it "
                    + "out of the migration; automigrate proposes no migration until they agree (one would drop it "
                    + "again).\n");
        }
        if ((r.refusedAtDeploy() || r.generatedRefused()) && r.status() != PlanResult.Status.SCHEMA_LACKS) {
            out.append("\n**Before merging:** the deploy after the merge will refuse what is marked ❌ above; fix it "
                    + "here, where it is cheap.\n");
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

    /** What deploy will check in the change's own migration files, for a terminal. */
    static String reviewText(MigrationReview review) {
        if (review.isEmpty()) return "";
        StringBuilder out = new StringBuilder("\nmigration files of this change (what deploy will check):\n");
        for (MigrationReview.EditedMigration e : review.edited()) {
            out.append("  error: ").append(e.file()).append(e.line() > 0 ? ":" + e.line() : "").append(": ")
                    .append(e.message()).append('\n');
        }
        for (MigrationReview.SchemaGap g : review.gaps()) {
            out.append("  error: ").append(g.migrationFile()).append(':').append(g.line()).append(": ")
                    .append(g.message()).append('\n');
        }
        for (MigrationReview.FileReview f : review.files()) {
            out.append("  ").append(f.file()).append(": ").append(verdicts(f, false)).append('\n');
            if (!f.findings().isEmpty()) out.append(FindingsReport.text(f.findings()).indent(4));
        }
        return out.toString();
    }

    /** What deploy will check in the change's own migration files, for a pull request or a job summary. */
    static String reviewMarkdown(MigrationReview review) {
        if (review.isEmpty()) return "";
        StringBuilder out = new StringBuilder("\n#### Migration files of this change (what deploy will check)\n\n");
        for (MigrationReview.EditedMigration e : review.edited()) {
            out.append("- ❌ `").append(e.file()).append('`').append(e.line() > 0 ? " (line " + e.line() + ")" : "")
                    .append(' ').append(Markdown.text(e.what())).append(": ").append(Markdown.text(e.message()))
                    .append(".\n");
        }
        for (MigrationReview.SchemaGap g : review.gaps()) {
            out.append("- ❌ ").append(Markdown.text(g.message())).append(" (`").append(g.migrationFile()).append("` line ")
                    .append(g.line()).append(", `").append(g.schema()).append("`).\n");
        }
        for (MigrationReview.FileReview f : review.files()) {
            out.append("- ").append(f.refusedBy().isEmpty() ? "✅ `" : "❌ `").append(f.file()).append("`: ")
                    .append(verdicts(f, true)).append('\n');
            if (!f.findings().isEmpty()) out.append(FindingsReport.markdown(f.findings()).indent(2));
        }
        return out.toString();
    }

    /** "refused by environment production (AM102 not allowed); accepted by environment staging". */
    private static String verdicts(MigrationReview.FileReview f, boolean markdown) {
        List<String> parts = new java.util.ArrayList<>();
        for (MigrationReview.Verdict v : f.verdicts()) {
            String who = markdown ? v.describe().replaceFirst("environment (.*)", "environment **$1**") : v.describe();
            parts.add(v.refuses() ? "refused by " + who + " (" + String.join(", ", v.blocking().stream()
                    .map(Finding::code).distinct().toList()) + " not allowed)" : "accepted by " + v.describe());
        }
        return String.join("; ", parts);
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
            if (r.migration().review() != null) {
                // what each environment's apply will make of it once it is in the change, as for the change's own files
                migration.put("environments", verdictsJson(r.migration().review().verdicts()));
            }
            root.put("migration", migration);
        }
        root.put("changes", r.changed() ? r.migration().changes() : List.of());
        root.put("findingCounts", FindingsReport.counts(r.findings()));
        root.put("findings", r.findings().stream().map(FindingsReport::json).toList());
        root.put("verification", Map.of("passed", r.proof().stream().allMatch(ProofStep::passed) && !r.proof().isEmpty(),
                "steps", r.proof().stream().map(s -> Map.of("name", s.name(), "passed", s.passed(), "detail", s.detail())).toList()));
        root.put("notes", r.notes());
        root.put("review", reviewJson(r.review()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
    }

    private static Map<String, Object> reviewJson(MigrationReview review) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("refused", review.blocks());
        out.put("edited", review.edited().stream().map(e -> {
            Map<String, Object> edit = new LinkedHashMap<>();
            edit.put("file", e.file());
            edit.put("line", e.line());
            edit.put("change", e.how().name().toLowerCase(java.util.Locale.ROOT));
            if (e.previous() != null) edit.put("previous", e.previous());
            edit.put("message", e.message());
            return edit;
        }).toList());
        out.put("schemaLacks", review.gaps().stream().map(g -> Map.of("file", g.migrationFile(), "line", g.line(),
                "object", g.object().toString(), "schema", g.schema(), "message", g.message())).toList());
        out.put("files", review.files().stream().map(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("file", f.file());
            file.put("findings", f.findings().stream().map(FindingsReport::json).toList());
            file.put("environments", verdictsJson(f.verdicts()));
            return file;
        }).toList());
        return out;
    }

    /** Each environment's verdict on one file; {@code environment} is null when no environment is configured. */
    private static List<Map<String, Object>> verdictsJson(List<MigrationReview.Verdict> verdicts) {
        return verdicts.stream().map(v -> {
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("environment", v.environment());
            verdict.put("refuses", v.refuses());
            verdict.put("blocking", v.blocking().stream().map(Finding::code).distinct().toList());
            return verdict;
        }).toList();
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
