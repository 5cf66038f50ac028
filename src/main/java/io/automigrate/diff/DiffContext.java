package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ObjectRef;

import java.util.Set;

/**
 * What every {@link ObjectFamily} diffs: the current and desired catalogs, the options, and the objects that
 * must be dropped and re-created even though they did not change themselves, because something they depend on
 * is dropped or changed in a way PostgreSQL cannot do under them (refs as in {@code from}).
 */
public record DiffContext(Catalog from, Catalog to, DiffOptions options, Set<ObjectRef> forcedRecreate) {
    public DiffContext {
        forcedRecreate = Set.copyOf(forcedRecreate);
    }

    public boolean mustRecreate(ObjectRef ref) {
        return forcedRecreate.contains(ref);
    }
}
