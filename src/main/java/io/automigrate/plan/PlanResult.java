package io.automigrate.plan;

import io.automigrate.git.Detection;
import io.automigrate.lint.Finding;
import io.automigrate.lint.LintPolicy;

import java.util.List;

/**
 * What {@code plan} found and did. {@code migrationFile} is relative to the project root; {@code written} is false
 * with {@code --check} or when the proof failed.
 */
public record PlanResult(Status status, Detection detection, String migrationName, String migrationFile,
                         String fileText, String sql, String rollbackSql, List<String> changes, List<Finding> findings,
                         List<ProofStep> proof, List<String> notes, boolean written, String shadow) {

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
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        proof = List.copyOf(proof);
        notes = List.copyOf(notes);
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

    /** This result with one more note. */
    public PlanResult withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new PlanResult(status, detection, migrationName, migrationFile, fileText, sql, rollbackSql, changes,
                findings, proof, more, written, shadow);
    }
}
