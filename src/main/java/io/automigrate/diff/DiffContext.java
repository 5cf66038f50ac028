package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ObjectRef;

import java.util.Set;

/**
 * What every {@link ObjectFamily} diffs: the current and desired catalogs, the options, and the objects that
 * must be dropped and re-created even though they did not change themselves, because something they depend on
 * is dropped or changed in a way PostgreSQL cannot do under them (refs as in {@code from}). {@code forwardOnly}: the
 * objects only a change's inverse must move ({@link Change#invalidatesOnRollback()}) are not forced; {@link
 * SchemaDiffer} diffs that way too, to tell which re-creations the forward migration needs.
 */
public record DiffContext(Catalog from, Catalog to, DiffOptions options, Set<ObjectRef> forcedRecreate,
                          boolean forwardOnly) {
    public DiffContext {
        forcedRecreate = Set.copyOf(forcedRecreate);
    }

    public DiffContext(Catalog from, Catalog to, DiffOptions options, Set<ObjectRef> forcedRecreate) {
        this(from, to, options, forcedRecreate, false);
    }

    public boolean mustRecreate(ObjectRef ref) {
        return forcedRecreate.contains(ref);
    }
}
