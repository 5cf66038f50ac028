package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;

import java.util.Set;

/**
 * Optional ordering facts a {@link Change} knows better than the catalogs' dependencies. {@link ChangeOrder} reads
 * them from changes that implement this interface; every method has a neutral default.
 */
public interface OrderingHints {
    /** Default phase groups, in the order of {@link ChangeOrder}'s phase table. */
    enum Group {
        SCHEMA, EXTENSION, TYPE, SEQUENCE, TABLE, COLUMN, CONSTRAINT, ROUTINE, VIEW, INDEX, FOREIGN_KEY, TRIGGER,
        RULE, POLICY,
        /** Comments and grants: they change nothing another statement depends on. */
        METADATA
    }

    /** The phase group; null for the one named like the target's kind. */
    default Group group() {
        return null;
    }

    /** Order among ALTER changes of one target, earliest first. */
    enum Step {
        RENAME,
        /** Drop default, drop identity, revoke, detach. */
        REMOVE,
        /** A type change: what uses the column's old shape goes before it, what needs the new one after. */
        RESHAPE,
        /** NOT NULL, options. */
        ADJUST,
        /** Set default, add identity, grant, attach. */
        ADD
    }

    /** Order among ALTER changes of one target: see {@link Step}. */
    default Step step() {
        return Step.RESHAPE;
    }

    /** Refs (as in the desired catalog) whose creation or reshaping ({@link Step#RESHAPE}) must come before this one. */
    default Set<ObjectRef> needs() {
        return Set.of();
    }

    /** Refs (as in the desired catalog) every creating or altering change of which must come before this one. */
    default Set<ObjectRef> settledFirst() {
        return Set.of();
    }

    /** Refs (as in the current catalog) this change still uses: changes that drop or invalidate them come after. */
    default Set<ObjectRef> usesUntilDropped() {
        return Set.of();
    }

    /** Refs (as in the current catalog) whose drop must come before this change. */
    default Set<ObjectRef> droppedFirst() {
        return Set.of();
    }

    /** Refs (as in the desired catalog) whose creation must wait for this change. */
    default Set<ObjectRef> precedes() {
        return Set.of();
    }

    /** Names this change takes besides a created target (changes that free them come first). */
    default Set<ObjectRef> takesNames() {
        return Set.of();
    }

    /** Names this change frees besides a dropped target. */
    default Set<ObjectRef> freesNames() {
        return Set.of();
    }

    /** For a rename: the target's name before it (members of a renamed table follow it). */
    default ObjectRef renamedFrom() {
        return null;
    }
}
