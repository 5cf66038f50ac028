package io.automigrate.diff;

import java.util.List;

/** Types (enum, composite, domain), views, materialized views, functions, procedures, triggers and policies. */
public final class ProgrammableObjects implements ObjectFamily {
    /** Placeholder until this family lands: no changes. */
    @Override
    public List<Change> diff(DiffContext context) {
        return List.of();
    }
}
