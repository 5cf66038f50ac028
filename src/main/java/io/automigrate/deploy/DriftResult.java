package io.automigrate.deploy;

import java.util.List;

/**
 * {@code automigrate drift}: the live database against what its applied migrations should have produced
 * ({@code history}) and against the desired schema files ({@code schema}). {@code pending} lists the migration files
 * it has not applied yet (not drift); {@code ahead} the migrations it applied that this checkout does not have (then
 * nothing was compared: the database is ahead of this checkout, which is not drift either).
 */
public record DriftResult(String target, Drift history, Drift schema, List<String> pending, List<String> ahead) {
    public DriftResult {
        pending = List.copyOf(pending);
        ahead = List.copyOf(ahead);
    }

    public DriftResult(String target, Drift history, Drift schema) {
        this(target, history, schema, List.of(), List.of());
    }

    public boolean drifted() {
        return history.drifted() || schema.drifted();
    }
}
