package io.automigrate.plan;

/** One step of the proof of a migration on throwaway databases. {@code detail} says why it failed. */
public record ProofStep(String name, boolean passed, String detail) {
    public static ProofStep passed(String name) {
        return new ProofStep(name, true, "");
    }

    public static ProofStep failed(String name, String detail) {
        return new ProofStep(name, false, detail);
    }
}
