package io.automigrate.plan;

import io.automigrate.git.Detection;
import io.automigrate.lint.Finding;
import io.automigrate.lint.LintPolicy;

import java.util.List;

/**
 * What {@code plan} found and did: {@code migration} is the generated migration, present exactly when
 * {@link #changed()}; {@code written} is false with {@code --check} or when the proof failed; {@code shadow} describes
 * the throwaway server (null when none was started). Built by {@link #nothingRelevant}, {@link #inSync} and
 * {@link #generated}.
 */
public record PlanResult(Status status, Detection detection, Migration migration, List<Finding> findings,
                         List<ProofStep> proof, List<String> notes, boolean written, String shadow) {

    /**
     * A generated migration: its name, its file relative to the project root, the file's text, its forward and
     * rollback SQL, and the changes it makes (one line each).
     */
    public record Migration(String name, String file, String text, String sql, String rollbackSql,
                            List<String> changes) {
        public Migration {
            changes = List.copyOf(changes);
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
        PROOF_FAILED
    }

    public PlanResult {
        findings = List.copyOf(findings);
        proof = List.copyOf(proof);
        notes = List.copyOf(notes);
        if ((migration != null) != (status == Status.PLANNED || status == Status.PROOF_FAILED)) {
            throw new IllegalArgumentException("a plan has a migration exactly when it generated one: " + status);
        }
    }

    /** Detection found no schema or migration change (nothing was started). */
    public static PlanResult nothingRelevant(Detection detection) {
        return new PlanResult(Status.NO_RELEVANT_CHANGES, detection, null, List.of(), List.of(), List.of(), false, null);
    }

    /** The history already produces the desired schema. */
    public static PlanResult inSync(Detection detection, List<String> notes, String shadow) {
        return new PlanResult(Status.IN_SYNC, detection, null, List.of(), List.of(), notes, false, shadow);
    }

    /** A migration was generated: PLANNED when every step of {@code proof} passed, PROOF_FAILED otherwise. */
    public static PlanResult generated(Detection detection, Migration migration, List<Finding> findings,
                                       List<ProofStep> proof, List<String> notes, boolean written, String shadow) {
        Status status = proof.stream().allMatch(ProofStep::passed) ? Status.PLANNED : Status.PROOF_FAILED;
        return new PlanResult(status, detection, migration, findings, proof, notes, written, shadow);
    }

    public boolean changed() {
        return status == Status.PLANNED || status == Status.PROOF_FAILED;
    }

    /**
     * low: nothing to worry about; medium: warnings; high: an error finding or a failed proof. Allowed (suppressed)
     * findings do not count.
     */
    public String risk() {
        return status == Status.PROOF_FAILED ? "high" : LintPolicy.risk(findings);
    }

    /** This result with {@code placed} as its findings (the same findings, placed elsewhere by a front end). */
    public PlanResult withFindings(List<Finding> placed) {
        return new PlanResult(status, detection, migration, placed, proof, notes, written, shadow);
    }

    /** This result with one more note. */
    public PlanResult withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new PlanResult(status, detection, migration, findings, proof, more, written, shadow);
    }
}
