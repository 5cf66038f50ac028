package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Catalog × catalog → ordered changes. */
public final class SchemaDiffer {
    private SchemaDiffer() {
    }

    static List<ObjectFamily> families() {
        return List.of(new TableObjects(), new ProgrammableObjects());
    }

    /**
     * Whether two catalogs hold the same schema, as plan's proof and the drift check judge it: column order and
     * dependencies aside (see {@link Catalog#normalized()}), and privileges aside (roles differ between
     * environments, and automigrate does not manage them).
     */
    public static boolean sameSchema(Catalog a, Catalog b) {
        return a.normalized().withoutGrants().equals(b.normalized().withoutGrants());
    }

    /**
     * The changes that turn {@code from} into {@code to}, in an order that applies. Objects that depend on something
     * a change drops or invalidates are dropped and re-created around it, transitively, until nothing new is found.
     * Those only a change's inverse needs moved ({@link Change#invalidatesOnRollback()}) are found by diffing again
     * without them: a re-creation of an unchanged object that only the first diff has runs in the rollback only
     * ({@link RecreateOnRollback}).
     */
    public static SchemaDiff diff(Catalog from, Catalog to, DiffOptions options) {
        List<Dependency> fromGraph = DependencyGraph.of(from);
        Map<ObjectRef, List<ObjectRef>> dependants = dependants(from, fromGraph);
        Fixpoint full = fixpoint(from, to, options, dependants, false);
        List<Change> changes = full.changes();
        Set<Change> rollbackOnly = Collections.newSetFromMap(new IdentityHashMap<>());
        if (changes.stream().anyMatch(c -> !c.invalidatesOnRollback().isEmpty())) {
            rollbackOnly = rollbackOnly(changes, fixpoint(from, to, options, dependants, true).changes());
        }
        Set<String> notes = new LinkedHashSet<>();
        for (ObjectFamily family : families()) {
            notes.addAll(family.notes(full.context()));
        }
        List<String> orderNotes = new ArrayList<>();
        List<Change> ordered = ChangeOrder.order(changes, fromGraph, DependencyGraph.of(to), orderNotes);
        notes.addAll(orderNotes);
        NotGenerated.between(from, to, options.withPrivileges()).forEach(d -> notes.add(d.message()));
        Set<Change> marked = rollbackOnly;
        List<Change> out = ordered.stream().map(c -> marked.contains(c) ? new RecreateOnRollback(c) : c).toList();
        return new SchemaDiff(out, List.copyOf(notes));
    }

    private record Fixpoint(DiffContext context, List<Change> changes) {
    }

    private static Fixpoint fixpoint(Catalog from, Catalog to, DiffOptions options,
                                     Map<ObjectRef, List<ObjectRef>> dependants, boolean forwardOnly) {
        Set<ObjectRef> forced = new TreeSet<>();
        while (true) {
            DiffContext context = new DiffContext(from, to, options, forced, forwardOnly);
            List<Change> changes = new ArrayList<>();
            for (ObjectFamily family : families()) {
                changes.addAll(family.diff(context));
            }
            Set<ObjectRef> wider = new TreeSet<>(forced);
            wider.addAll(affected(changes, dependants, forwardOnly));
            if (wider.equals(forced)) {
                return new Fixpoint(context, changes);
            }
            forced = wider;
        }
    }

    /**
     * The changes of {@code full} that the forward-only diff does not have and whose exact inverse {@code full} also
     * has, unneeded by the forward migration too: the drop and create of an unchanged object, the copy of its rows
     * aside and back (by identity, as changes of equal value may repeat).
     */
    private static Set<Change> rollbackOnly(List<Change> full, List<Change> forward) {
        Set<Change> needed = new HashSet<>(forward);
        Set<Change> found = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Change change : full) {
            if (needed.contains(change) || found.contains(change)) continue;
            Change inverse = change.inverse();
            for (Change partner : full) {
                if (partner != change && !needed.contains(partner) && !found.contains(partner)
                        && partner.equals(inverse)) {
                    found.add(change);
                    found.add(partner);
                    break;
                }
            }
        }
        return found;
    }

    /** Everything that transitively depends on what the changes invalidate, except what they drop anyway. */
    private static Set<ObjectRef> affected(List<Change> changes, Map<ObjectRef, List<ObjectRef>> dependants,
                                           boolean forwardOnly) {
        Set<ObjectRef> dropped = new HashSet<>();
        Deque<ObjectRef> pending = new ArrayDeque<>();
        for (Change change : changes) {
            if (change.action() == ChangeAction.DROP) {
                dropped.add(change.target());
            }
            pending.addAll(change.invalidates());
            if (!forwardOnly) {
                pending.addAll(change.invalidatesOnRollback());
            }
        }
        Set<ObjectRef> seen = new HashSet<>(pending);
        Set<ObjectRef> found = new TreeSet<>();
        while (!pending.isEmpty()) {
            for (ObjectRef dependant : dependants.getOrDefault(pending.pop(), List.of())) {
                if (seen.add(dependant)) {
                    pending.add(dependant);
                    if (!dropped.contains(dependant)) {
                        found.add(dependant);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Direct dependants of every ref; a table's include those of its columns, and its triggers and policies, which
     * PostgreSQL records as parts of the table rather than as its dependants (a table dropped and created again,
     * such as one whose partitioning changes, must get them back).
     */
    private static Map<ObjectRef, List<ObjectRef>> dependants(Catalog from, List<Dependency> dependencies) {
        Map<ObjectRef, List<ObjectRef>> map = new HashMap<>();
        Map<QualifiedName, List<ObjectRef>> ofColumns = new HashMap<>();
        for (Dependency d : dependencies) {
            map.computeIfAbsent(d.referenced(), k -> new ArrayList<>()).add(d.dependent());
            if (d.referenced().kind() == ObjectKind.COLUMN) {
                ofColumns.computeIfAbsent(d.referenced().qualifiedName(), k -> new ArrayList<>()).add(d.dependent());
            }
        }
        from.triggers().forEach(t -> map.computeIfAbsent(ObjectRef.of(ObjectKind.TABLE, t.tableName()),
                k -> new ArrayList<>()).add(t.ref()));
        from.policies().forEach(p -> map.computeIfAbsent(ObjectRef.of(ObjectKind.TABLE, p.tableName()),
                k -> new ArrayList<>()).add(p.ref()));
        ofColumns.forEach((table, list) ->
                map.computeIfAbsent(ObjectRef.of(ObjectKind.TABLE, table), k -> new ArrayList<>()).addAll(list));
        return map;
    }
}
