package io.automigrate.diff;

import io.automigrate.catalog.Routine;
import io.automigrate.catalog.RoutineKind;
import io.automigrate.catalog.View;

/**
 * What a comment or a privilege of the programmable family is attached to: it decides the SQL object keyword
 * ({@code COMMENT ON DOMAIN}, {@code GRANT ... ON FUNCTION}, ...) that the target's {@code ObjectRef} alone does not
 * tell apart (enum or domain, view or materialized view, function or procedure).
 */
public enum ProgrammableSubject {
    /** Enum or composite type. */
    TYPE,
    DOMAIN,
    /** A constraint of a domain: the change names it in {@code member}. */
    DOMAIN_CONSTRAINT,
    VIEW,
    MATERIALIZED_VIEW,
    /** A column of a view or materialized view: the change names it in {@code member}. */
    VIEW_COLUMN,
    FUNCTION,
    PROCEDURE,
    TRIGGER,
    RULE,
    POLICY;

    public static ProgrammableSubject of(View view) {
        return view.materialized() ? MATERIALIZED_VIEW : VIEW;
    }

    public static ProgrammableSubject of(Routine routine) {
        return routine.kind() == RoutineKind.PROCEDURE ? PROCEDURE : FUNCTION;
    }
}
