package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;

import java.util.Set;

/**
 * One typed step of a migration, as plain data: what it creates, drops or alters, with both the before and
 * the after state it needs, so that {@link #inverse()} is exact and {@code io.automigrate.sql} can render both
 * directions. Implementations are records.
 */
public interface Change {
    /** The object this change creates, drops or alters. */
    ObjectRef target();

    ChangeAction action();

    /** The change that undoes this one: applied after it, the schema is as it was before. */
    Change inverse();

    /** One line for people, e.g. {@code add column public.users.email}. */
    String describe();

    /**
     * Objects whose dependants (views, defaults, indexes, triggers, ...) must be dropped before this change and
     * re-created after it. A drop invalidates what it drops; a column type change invalidates the column.
     */
    default Set<ObjectRef> invalidates() {
        return action() == ChangeAction.DROP ? Set.of(target()) : Set.of();
    }
}
