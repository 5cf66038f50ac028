package io.automigrate.plan;

import io.automigrate.git.Detection;
import io.automigrate.lint.Finding;
import io.automigrate.lint.LintPolicy;

import java.util.List;

/**
 * What {@code plan} found and did: {@code migration} is the generated migration, present exactly when
 * {@link #changed()}; {@code written} is false with {@code --check} or when the proof failed; {@code shadow} describes
 * the throwaway server (null when none was started); {@code review} is what the migration files the change adds or
 * edits will meet at deploy (empty without a detected change set). Built by {@link #nothingRelevant},
 * {@link #inSync}, {@link #generated} and {@link #schemaLacks}.
 */
public record PlanResult(Status status, Detection detection, Migration migration, List<Finding> findings,
                         List<ProofStep> proof, List<String> notes, boolean written, String shadow,
                         MigrationReview review) {

    /**
     * A generated migration: its name, its file relative to the project root, the file's text, its forward and
     * rollback SQL, and the changes it makes (one line each). {@code files}: every file it writes, relative to the
     * project root, {@code file} first (a folder in another tool's format may take more than one: a down migration, an
     * undo file, drizzle-kit's journal). {@code review}: the migration as the run after it is in the change will review
     * it (linted as apply lints a file, judged by every environment's policy; null when its proof failed).
     */
    public record Migration(String name, String file, String text, String sql, String rollbackSql,
                            List<String> changes, java.util.Map<String, String> files,
                            MigrationReview.FileReview review) {
        public Migration {
            changes = List.copyOf(changes);
            files = files == null || files.isEmpty() ? java.util.Map.of(file, text)
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        }

        /** A migration of one file, not reviewed. */
        public Migration(String name, String file, String text, String sql, String rollbackSql, List<String> changes) {
            this(name, file, text, sql, rollbackSql, changes, null, null);
        }

        /** The environments whose apply will refuse this migration once it is in the change. */
        public List<MigrationReview.Verdict> refusedBy() {
            return review == null ? List.of() : review.refusedBy();
        }
    }

    public enum Status {
        /** Detection found no schema or migration change: nothing was started. */
        NO_RELEVANT_CHANGES,
        /** The history already produces the desired schema. */
        IN_SYNC,
        /** A migration was generated and proven. */
        PLANNED,
        /** A migration was generated but its proof failed: nothing was written. */
        PROOF_FAILED,
        /**
         * A migration the change adds creates what the schema does not declare ({@link MigrationReview#gaps()}):
         * nothing was generated, as the plan would only drop it again.
         */
        SCHEMA_LACKS
    }

    public PlanResult {
        review = review == null ? MigrationReview.none() : review;
        findings = List.copyOf(findings);
        proof = List.copyOf(proof);
        notes = List.copyOf(notes);
        if ((migration != null) != (status == Status.PLANNED || status == Status.PROOF_FAILED)) {
            throw new IllegalArgumentException("a plan has a migration exactly when it generated one: " + status);
        }
    }

    /** Detection found no schema or migration change (nothing was started). */
    public static PlanResult nothingRelevant(Detection detection) {
        return new PlanResult(Status.NO_RELEVANT_CHANGES, detection, null, List.of(), List.of(), List.of(), false, null,
                MigrationReview.none());
    }

    /** The history already produces the desired schema. */
    public static PlanResult inSync(Detection detection, List<String> notes, String shadow) {
        return new PlanResult(Status.IN_SYNC, detection, null, List.of(), List.of(), notes, false, shadow,
                MigrationReview.none());
    }

    /** A migration was generated: PLANNED when every step of {@code proof} passed, PROOF_FAILED otherwise. */
    public static PlanResult generated(Detection detection, Migration migration, List<Finding> findings,
                                       List<ProofStep> proof, List<String> notes, boolean written, String shadow) {
        Status status = proof.stream().allMatch(ProofStep::passed) ? Status.PLANNED : Status.PROOF_FAILED;
        return new PlanResult(status, detection, migration, findings, proof, notes, written, shadow,
                MigrationReview.none());
    }

    /**
     * A migration the change adds creates what the schema lacks ({@code review}'s gaps): no migration is generated,
     * as it would drop that again.
     */
    public static PlanResult schemaLacks(Detection detection, MigrationReview review, List<String> notes,
                                         String shadow) {
        return new PlanResult(Status.SCHEMA_LACKS, detection, null, List.of(), List.of(), notes, false, shadow, review);
    }

    public boolean changed() {
        return status == Status.PLANNED || status == Status.PROOF_FAILED;
    }

    /**
     * low: nothing to worry about; medium: warnings; high: an error finding, a failed proof, or something of the
     * change's own migration files that deploy will refuse. Allowed (suppressed) findings do not count.
     */
    public String risk() {
        if (status == Status.PROOF_FAILED || review.blocks() || generatedRefused()) return "high";
        List<Finding> all = new java.util.ArrayList<>(findings);
        review.files().forEach(f -> all.addAll(f.findings()));
        return LintPolicy.risk(all);
    }

    /** True when deploy will refuse something of the change's own migration files (the check fails). */
    public boolean refusedAtDeploy() {
        return review.blocks();
    }

    /**
     * True when deploy will refuse the generated migration once it is in the change (committed, or added by its
     * author): what the next run's review of it will say.
     */
    public boolean generatedRefused() {
        return migration != null && !migration.refusedBy().isEmpty();
    }

    /** This result with {@code found}, the review of the change's own migration files. */
    public PlanResult withReview(MigrationReview found) {
        return new PlanResult(status, detection, migration, findings, proof, notes, written, shadow, found);
    }

    /**
     * This result with every path (the migration file, the findings' files, the review's files) under {@code prefix}:
     * paths from the repository's top for a project in a folder of it ({@code services/shop/}).
     */
    public PlanResult under(String prefix) {
        if (prefix == null || prefix.isEmpty()) return this;
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        if (migration != null) migration.files().forEach((file, text) -> files.put(prefix + file, text));
        Migration moved = migration == null ? null : new Migration(migration.name(), prefix + migration.file(),
                migration.text(), migration.sql(), migration.rollbackSql(), migration.changes(), files,
                migration.review() == null ? null : migration.review().under(prefix));
        return new PlanResult(status, detection, moved, MigrationReview.under(findings, prefix), proof, notes, written,
                shadow, review.under(prefix));
    }

    /**
     * This result with the findings placed in the generated migration's files placed nowhere (line 0): for a
     * migration written to be committed that was not committed, whose lines the change does not have.
     */
    public PlanResult unplacedInMigration() {
        if (migration == null) return this;
        return new PlanResult(status, detection, migration, findings.stream()
                .map(f -> f.file() != null && migration.files().containsKey(f.file()) ? f.at(null, 0) : f).toList(),
                proof, notes, written, shadow, review);
    }

    /** This result with one more note. */
    public PlanResult withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new PlanResult(status, detection, migration, findings, proof, more, written, shadow, review);
    }
}
