package io.automigrate.deploy;

/**
 * {@code automigrate drift}: the live database against what its applied migrations should have produced
 * ({@code history}) and against the desired schema files ({@code schema}).
 */
public record DriftResult(String target, Drift history, Drift schema) {
    public boolean drifted() {
        return history.drifted() || schema.drifted();
    }
}
