package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ObjectRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A desired schema written in a language that cannot express every object (a Prisma schema has no functions,
 * triggers, views, check constraints, partial indexes...) says nothing about those objects: it does not ask for
 * them to be dropped. This takes the drops of such objects out of a diff and lists them as kept. An object that is
 * dropped to be re-created (around a column change, say) is not kept out: its re-creation needs the drop.
 */
public final class KeptObjects {
    private KeptObjects() {
    }

    /** The diff without the kept drops, and the objects kept, in the diff's order. */
    public record Result(SchemaDiff diff, List<ObjectRef> kept) {
        public Result {
            kept = List.copyOf(kept);
        }
    }

    /**
     * What a desired schema leaves alone: {@code language} names the schema's language in the note
     * ({@code schema.prisma}); {@code models} says whether it can express an object a diff would drop from a catalog.
     */
    public record Scope(String language, BiPredicate<ObjectRef, Catalog> models) {
    }

    /** The start of the note that lists the kept objects. */
    public static final String NOTE = "kept: not modelled by ";

    /**
     * {@code diff} (from {@code current} to a desired schema of {@code scope}) without the drops of what the desired
     * schema cannot express, and a note that lists them; unchanged when {@code scope} is null (SQL says everything).
     */
    public static SchemaDiff keep(SchemaDiff diff, Catalog current, Scope scope) {
        if (scope == null) return diff;
        Result result = keep(diff, ref -> scope.models().test(ref, current));
        if (result.kept().isEmpty()) return diff;
        List<String> notes = new ArrayList<>(diff.notes());
        notes.add(NOTE + scope.language() + ": " + String.join(", ", result.kept().stream().map(ObjectRef::toString)
                .toList()) + " (the schema cannot express them, so it does not ask for their drop; set "
                + "'schema: {path: ..., keep-unmodelled: false}' in automigrate.yml to drop them)");
        return new SchemaDiff(result.diff().changes(), notes);
    }

    /** {@code modelled}: whether the desired schema's language can express the object a change drops. */
    public static Result keep(SchemaDiff diff, Predicate<ObjectRef> modelled) {
        Set<ObjectRef> created = new HashSet<>();
        for (Change c : diff.changes()) {
            if (c.action() == ChangeAction.CREATE) created.add(c.target());
        }
        List<Change> changes = new ArrayList<>();
        List<ObjectRef> kept = new ArrayList<>();
        for (Change c : diff.changes()) {
            if (c.action() == ChangeAction.DROP && !created.contains(c.target()) && !modelled.test(c.target())) {
                kept.add(c.target());
            } else {
                changes.add(c);
            }
        }
        return new Result(new SchemaDiff(changes, diff.notes()), kept);
    }
}
