package io.automigrate.diff;

import io.automigrate.catalog.Grant;
import io.automigrate.catalog.ObjectRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Types (enum, composite, domain), views, materialized views, functions, procedures, triggers, rules and policies.
 * Each kind is diffed by its own class ({@link TypeDiff}, {@link ViewDiff}, {@link RoutineDiff},
 * {@link TriggerDiff}, {@link PolicyDiff}); this class runs them and holds what they share.
 */
public final class ProgrammableObjects implements ObjectFamily {
    @Override
    public List<Change> diff(DiffContext context) {
        // Types go first: a type swapped under its columns forces this family's own dependants of the type
        // (routines, views, other types) to be re-created, on top of what the context forces.
        Set<ObjectRef> forced = new HashSet<>(context.forcedRecreate());
        List<Change> changes = new ArrayList<>(TypeDiff.diff(context, forced));
        changes.addAll(ViewDiff.diff(context, forced));
        forced.addAll(onRecreatedViews(context, changes));
        changes.addAll(RoutineDiff.diff(context, forced));
        changes.addAll(TriggerDiff.diff(context, forced));
        changes.addAll(RuleDiff.diff(context, forced));
        changes.addAll(PolicyDiff.diff(context, forced));
        return List.copyOf(changes);
    }

    /**
     * Triggers and rules on a view that is dropped and created again: DROP VIEW takes them along, and no dependency
     * edge says so (PostgreSQL records them as part of their relation), so they are re-created after the view.
     */
    private static Set<ObjectRef> onRecreatedViews(DiffContext context, List<Change> changes) {
        Set<io.automigrate.catalog.QualifiedName> recreated = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof ViewChanges.DropView drop && context.to().view(drop.view().qualifiedName()).isPresent()) {
                recreated.add(drop.view().qualifiedName());
            }
        }
        Set<ObjectRef> triggers = new HashSet<>();
        context.from().triggers().stream().filter(t -> recreated.contains(t.tableName()))
                .forEach(t -> triggers.add(t.ref()));
        context.from().rules().stream().filter(r -> recreated.contains(r.tableName()))
                .forEach(r -> triggers.add(r.ref()));
        return triggers;
    }

    /** The same object in both catalogs; one side is null when it exists only in the other. */
    record Pair<T>(T before, T after) {
        boolean both() {
            return before != null && after != null;
        }
    }

    /** Objects of both catalogs matched by {@code key}, in key order. */
    static <T, K extends Comparable<? super K>> List<Pair<T>> pairs(List<T> from, List<T> to, Function<T, K> key) {
        TreeMap<K, T> before = new TreeMap<>();
        from.forEach(o -> before.put(key.apply(o), o));
        TreeMap<K, T> after = new TreeMap<>();
        to.forEach(o -> after.put(key.apply(o), o));
        TreeMap<K, Pair<T>> all = new TreeMap<>();
        before.forEach((k, o) -> all.put(k, new Pair<>(o, after.get(k))));
        after.forEach((k, o) -> all.putIfAbsent(k, new Pair<>(null, o)));
        return List.copyOf(all.values());
    }

    /**
     * Drops what is gone, creates what is new, and drops then creates again what must be re-created.
     * Returns true when the object stays and the caller diffs it in place.
     */
    static <T> boolean createOrDrop(List<Change> out, Pair<T> pair, boolean recreate,
                                    Function<T, Change> create, Function<T, Change> drop) {
        boolean recreated = pair.both() && recreate;
        if (pair.before() != null && (pair.after() == null || recreated)) {
            out.add(drop.apply(pair.before()));
        }
        if (pair.after() != null && (pair.before() == null || recreated)) {
            out.add(create.apply(pair.after()));
        }
        return pair.both() && !recreated;
    }

    static void comment(List<Change> out, ProgrammableSubject subject, ObjectRef object, String member,
                        String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(new AlterProgrammableComment(subject, object, member, before, after));
        }
    }

    static void grants(List<Change> out, DiffContext context, ProgrammableSubject subject, ObjectRef object,
                       List<Grant> before, List<Grant> after) {
        if (context.options().withPrivileges() && !Set.copyOf(before).equals(Set.copyOf(after))) {
            out.add(new AlterProgrammableGrants(subject, object, before, after));
        }
    }
}
