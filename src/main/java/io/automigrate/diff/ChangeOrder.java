package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Dependency;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.diff.OrderingHints.Group;
import io.automigrate.diff.OrderingHints.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Puts changes in an order in which they apply: a topological sort (Kahn's algorithm) over the edges the catalogs'
 * dependencies, names and {@link OrderingHints} imply, taking among the ready changes the one of the earliest phase
 * (the table {@link #CREATE_ORDER}), then by target kind and name, then in the order the families emitted them
 * (so a table's new columns come in the table's order). Same input, same output.
 */
public final class ChangeOrder {
    /**
     * The default phases. Drops come first, in the reverse of this order (dependants before what they depend on,
     * and every name freed before it is taken again); then creates and alters in this order; comments and grants
     * last.
     */
    static final List<Group> CREATE_ORDER = List.of(Group.SCHEMA, Group.EXTENSION, Group.TYPE, Group.SEQUENCE,
            Group.TABLE, Group.COLUMN, Group.CONSTRAINT, Group.ROUTINE, Group.VIEW, Group.INDEX, Group.FOREIGN_KEY,
            Group.TRIGGER, Group.RULE, Group.POLICY);

    private static final Set<ObjectKind> MEMBER_KINDS =
            Set.of(ObjectKind.COLUMN, ObjectKind.CONSTRAINT, ObjectKind.TRIGGER, ObjectKind.RULE, ObjectKind.POLICY);
    /** Kinds whose names share one namespace per schema (pg_class and pg_type). */
    private static final Set<ObjectKind> RELATION_KINDS =
            Set.of(ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.SEQUENCE, ObjectKind.INDEX, ObjectKind.TYPE);

    private final List<Change> changes;
    private final List<Set<Integer>> after = new ArrayList<>();
    private final Map<ObjectRef, List<Integer>> byTarget = new HashMap<>();
    private final Map<ObjectRef, List<Integer>> byTakenName = new HashMap<>();
    private final Map<ObjectRef, List<Integer>> byInvalidated = new HashMap<>();
    private final Map<QualifiedName, QualifiedName> tableRenames = new HashMap<>();
    private final Map<ObjectRef, ObjectRef> memberRenames = new HashMap<>();

    private ChangeOrder(List<Change> changes) {
        this.changes = changes;
        for (int i = 0; i < changes.size(); i++) {
            after.add(new HashSet<>());
            Change c = changes.get(i);
            byTarget.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(i);
            for (ObjectRef name : takes(c)) {
                byTakenName.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
            }
            // What only the inverse moves is re-created around the change too (in the rollback only).
            Set<ObjectRef> invalidated = new HashSet<>(c.invalidates());
            invalidated.addAll(c.invalidatesOnRollback());
            for (ObjectRef ref : invalidated) {
                byInvalidated.computeIfAbsent(ref, k -> new ArrayList<>()).add(i);
            }
            ObjectRef old = hints(c).renamedFrom();
            if (old != null && MEMBER_KINDS.contains(old.kind())) {
                memberRenames.put(old, c.target());
            } else if (old != null) {
                tableRenames.put(old.qualifiedName(), c.target().qualifiedName());
            }
        }
    }

    /**
     * {@code changes} in an order that applies to {@code from} and yields {@code to}. Where their constraints form a
     * cycle, the earliest change by priority is taken anyway and a note naming it is added to {@code notes}.
     */
    public static List<Change> order(List<Change> changes, Catalog from, Catalog to, List<String> notes) {
        return order(changes, DependencyGraph.of(from), DependencyGraph.of(to), notes);
    }

    /** The same, with the catalogs' dependency edges already built (the differ has the current one's). */
    static List<Change> order(List<Change> changes, List<Dependency> from, List<Dependency> to, List<String> notes) {
        List<Change> byPriority = new ArrayList<>(changes);
        Map<Change, Integer> emitted = new java.util.IdentityHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            emitted.put(changes.get(i), i);
        }
        // Within one table (schema, ...), the order the families emitted: columns as the table lists them.
        byPriority.sort(PRIORITY.thenComparing(emitted::get));
        ChangeOrder order = new ChangeOrder(byPriority);
        order.addEdges(from, to);
        return order.sort(notes);
    }

    static final Comparator<Change> PRIORITY = Comparator.<Change>comparingInt(ChangeOrder::phase)
            .thenComparing(c -> c.target().kind())
            .thenComparing(c -> c.target().schema())
            .thenComparing(c -> c.target().name());

    /** Index of the change's phase: drops (reverse order), then creates and alters, then comments and grants. */
    static int phase(Change change) {
        Group group = group(change);
        if (group == Group.METADATA) {
            return 3 * CREATE_ORDER.size();
        }
        int position = CREATE_ORDER.indexOf(group);
        return switch (change.action()) {
            case DROP -> CREATE_ORDER.size() - 1 - position;
            case CREATE -> CREATE_ORDER.size() + 2 * position;
            case ALTER -> CREATE_ORDER.size() + 2 * position + 1;
        };
    }

    private static Group group(Change change) {
        Group declared = hints(change).group();
        return declared != null ? declared : Group.valueOf(change.target().kind().name());
    }

    private static final OrderingHints NO_HINTS = new OrderingHints() {
    };

    private static OrderingHints hints(Change change) {
        return change instanceof OrderingHints h ? h : NO_HINTS;
    }

    private static Set<ObjectRef> takes(Change c) {
        Set<ObjectRef> names = new HashSet<>();
        if (c.action() == ChangeAction.CREATE) {
            names.add(nameKey(c.target()));
        }
        hints(c).takesNames().forEach(n -> names.add(nameKey(n)));
        return names;
    }

    private static Set<ObjectRef> frees(Change c) {
        Set<ObjectRef> names = new HashSet<>();
        if (c.action() == ChangeAction.DROP) {
            names.add(nameKey(c.target()));
        }
        hints(c).freesNames().forEach(n -> names.add(nameKey(n)));
        return names;
    }

    /** Relations and types share one namespace per schema: a dropped table frees the name for a view. */
    private static ObjectRef nameKey(ObjectRef ref) {
        return RELATION_KINDS.contains(ref.kind()) ? new ObjectRef(ObjectKind.TABLE, ref.schema(), ref.name(), "")
                : ref;
    }

    /**
     * Changes that put {@code ref} (as in {@code to}) in place for its dependants: create it, rename to it, reshape
     * it (step 2), or create the table it belongs to.
     */
    private Set<Integer> creatorsOf(ObjectRef ref) {
        return arrivals(ref, Step.RESHAPE, Step.RESHAPE);
    }

    /** Changes that bring {@code ref} to its desired state and so need what it depends on: also adds (steps 3, 4). */
    private Set<Integer> arrivalsOf(ObjectRef ref) {
        return arrivals(ref, Step.RESHAPE, Step.ADD);
    }

    private Set<Integer> arrivals(ObjectRef ref, Step fromStep, Step toStep) {
        Set<Integer> found = new HashSet<>();
        for (int i : byTarget.getOrDefault(ref, List.of())) {
            Change c = changes.get(i);
            Step step = hints(c).step();
            if (c.action() == ChangeAction.CREATE
                    || c.action() == ChangeAction.ALTER && step.compareTo(fromStep) >= 0 && step.compareTo(toStep) <= 0) {
                found.add(i);
            }
        }
        found.addAll(byTakenName.getOrDefault(nameKey(ref), List.of()));
        found.addAll(parentChanges(ref, ChangeAction.CREATE));
        return found;
    }

    /** Changes that drop {@code ref} (as in {@code from}) or change it so its dependants must go. */
    private Set<Integer> droppersOf(ObjectRef ref) {
        Set<Integer> found = new HashSet<>(byInvalidated.getOrDefault(ref, List.of()));
        for (ObjectRef parent : parentsOf(ref)) {
            for (int i : byInvalidated.getOrDefault(parent, List.of())) {
                if (changes.get(i).action() == ChangeAction.DROP) {
                    found.add(i);
                }
            }
        }
        return found;
    }

    /** Changes that drop {@code ref} (as in {@code from}) or change it while it still depends on the old state. */
    private Set<Integer> leaversOf(ObjectRef fromRef) {
        ObjectRef ref = renamed(fromRef);
        Set<Integer> found = new HashSet<>();
        for (int i : byTarget.getOrDefault(ref, List.of())) {
            Change c = changes.get(i);
            if (c.action() == ChangeAction.DROP || c.action() == ChangeAction.ALTER
                    && hints(c).step().compareTo(Step.RESHAPE) <= 0) {
                found.add(i);
            }
        }
        found.addAll(parentChanges(ref, ChangeAction.DROP));
        return found;
    }

    /**
     * Creates or drops of the table (view, type) a member belongs to, which create or drop the member with it,
     * unless the member has changes of its own (a foreign key is added after its table).
     */
    private List<Integer> parentChanges(ObjectRef member, ChangeAction action) {
        if (byTarget.containsKey(member)) {
            return List.of();
        }
        List<Integer> found = new ArrayList<>();
        for (ObjectRef parent : parentsOf(member)) {
            for (int i : byTarget.getOrDefault(parent, List.of())) {
                if (changes.get(i).action() == action) {
                    found.add(i);
                }
            }
        }
        return found;
    }

    /** A ref of {@code from} under the names renames give it. */
    private ObjectRef renamed(ObjectRef ref) {
        QualifiedName table = tableRenames.get(ref.qualifiedName());
        ObjectRef moved = table == null ? ref : new ObjectRef(ref.kind(), table.schema(), table.name(), ref.member());
        return memberRenames.getOrDefault(moved, moved);
    }

    /** The table, view or type a member belongs to. */
    private static List<ObjectRef> parentsOf(ObjectRef ref) {
        if (!MEMBER_KINDS.contains(ref.kind())) {
            return List.of();
        }
        QualifiedName owner = ref.qualifiedName();
        return List.of(ObjectRef.of(ObjectKind.TABLE, owner), ObjectRef.of(ObjectKind.VIEW, owner),
                ObjectRef.of(ObjectKind.TYPE, owner));
    }

    private void edge(int first, int then) {
        if (first != then) {
            after.get(first).add(then);
        }
    }

    private void addEdges(List<Dependency> fromDependencies, List<Dependency> toDependencies) {
        // What a created or reshaped object depends on is put in place first.
        for (Dependency d : toDependencies) {
            Set<Integer> dependants = arrivalsOf(d.dependent());
            if (dependants.isEmpty()) {
                continue;
            }
            for (int first : creatorsOf(d.referenced())) {
                dependants.forEach(then -> edge(first, then));
            }
        }
        // What a dropped or invalidated object had depending on it goes first.
        for (Dependency d : fromDependencies) {
            Set<Integer> dependants = leaversOf(d.dependent());
            if (dependants.isEmpty()) {
                continue;
            }
            for (int then : droppersOf(d.referenced())) {
                dependants.forEach(first -> edge(first, then));
            }
        }
        renameEdges(fromDependencies);
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            OrderingHints h = hints(c);
            int self = i;
            // A freed name before it is taken again (drop before re-create, renames).
            for (ObjectRef name : frees(c)) {
                byTakenName.getOrDefault(name, List.of()).forEach(then -> edge(self, then));
            }
            // Anything dropped from a schema or table before the schema or table is dropped.
            if (c.action() == ChangeAction.DROP) {
                for (ObjectRef parent : containersOf(c.target())) {
                    for (int then : byTarget.getOrDefault(parent, List.of())) {
                        if (changes.get(then).action() == ChangeAction.DROP) {
                            edge(self, then);
                        }
                    }
                }
            }
            // A new schema, table or renamed table before anything in it.
            for (ObjectRef parent : containersOf(c.target())) {
                for (int first : byTakenName.getOrDefault(nameKey(parent), List.of())) {
                    boolean dropOfOld = c.action() == ChangeAction.DROP
                            && changes.get(first).action() == ChangeAction.CREATE;
                    if (!dropOfOld) {
                        edge(first, self);
                    }
                }
            }
            for (ObjectRef ref : h.needs()) {
                creatorsOf(ref).forEach(first -> edge(first, self));
            }
            for (ObjectRef ref : h.precedes()) {
                for (int then : byTarget.getOrDefault(ref, List.of())) {
                    if (changes.get(then).action() == ChangeAction.CREATE) edge(self, then);
                }
            }
            for (ObjectRef ref : h.settledFirst()) {
                arrivals(ref, Step.RENAME, Step.ADD).forEach(first -> edge(first, self));
            }
            for (ObjectRef ref : h.usesUntilDropped()) {
                droppersOf(ref).forEach(then -> edge(self, then));
            }
            for (ObjectRef ref : h.droppedFirst()) {
                droppersOf(ref).forEach(first -> edge(first, self));
            }
        }
        orderWithinTargets();
    }

    /**
     * A view dropped as it was (re-created after a rename) goes before the rename of what it uses: its rollback,
     * which creates it again from its old text, then runs after the rename is undone. (Members of a renamed table,
     * such as policies and triggers, are dropped under the new name, after the rename.)
     */
    private void renameEdges(List<Dependency> fromDependencies) {
        for (int r = 0; r < changes.size(); r++) {
            ObjectRef old = hints(changes.get(r)).renamedFrom();
            if (old == null) continue;
            for (Dependency d : fromDependencies) {
                ObjectRef used = d.referenced();
                boolean renamedHere = used.equals(old) || old.kind() == ObjectKind.TABLE
                        && MEMBER_KINDS.contains(used.kind()) && used.qualifiedName().equals(old.qualifiedName());
                if (!renamedHere) continue;
                for (int i : byTarget.getOrDefault(d.dependent(), List.of())) {
                    if (changes.get(i).action() == ChangeAction.DROP) edge(i, r);
                }
            }
        }
    }

    private static List<ObjectRef> containersOf(ObjectRef ref) {
        List<ObjectRef> containers = new ArrayList<>(parentsOf(ref));
        if (!ref.schema().isEmpty()) {
            containers.add(ObjectRef.schema(ref.schema()));
        }
        return containers;
    }

    /** Alters of a created object after its creation, of a dropped one before its drop; alters by step. */
    private void orderWithinTargets() {
        for (List<Integer> same : byTarget.values()) {
            if (same.size() < 2) {
                continue;
            }
            Map<ChangeAction, List<Integer>> byAction = new EnumMap<>(ChangeAction.class);
            for (int i : same) {
                byAction.computeIfAbsent(changes.get(i).action(), k -> new ArrayList<>()).add(i);
            }
            List<Integer> creates = byAction.getOrDefault(ChangeAction.CREATE, List.of());
            List<Integer> drops = byAction.getOrDefault(ChangeAction.DROP, List.of());
            List<Integer> alters = byAction.getOrDefault(ChangeAction.ALTER, List.of());
            for (int a : alters) {
                if (!creates.isEmpty()) {
                    creates.forEach(c -> edge(c, a));
                } else {
                    drops.forEach(d -> edge(a, d));
                }
                for (int b : alters) {
                    if (hints(changes.get(a)).step().compareTo(hints(changes.get(b)).step()) < 0) {
                        edge(a, b);
                    }
                }
            }
        }
    }

    private List<Change> sort(List<String> notes) {
        int n = changes.size();
        int[] waiting = new int[n];
        for (Set<Integer> next : after) {
            next.forEach(j -> waiting[j]++);
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        boolean[] done = new boolean[n];
        List<Change> ordered = new ArrayList<>(n);
        while (ordered.size() < n) {
            int next;
            if (ready.isEmpty()) {
                // A cycle: take the earliest remaining change; verification on the shadow database judges the result.
                next = 0;
                while (done[next]) {
                    next++;
                }
                notes.add("could not order every change by its dependencies; \"" + changes.get(next).describe()
                        + "\" was placed first of a cycle");
            } else {
                next = ready.poll();
                if (done[next]) {
                    continue;
                }
            }
            done[next] = true;
            ordered.add(changes.get(next));
            for (int j : after.get(next)) {
                if (--waiting[j] == 0 && !done[j]) {
                    ready.add(j);
                }
            }
        }
        return ordered;
    }
}
