package io.automigrate.diff;

import io.automigrate.catalog.Grant;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Routine;
import io.automigrate.catalog.RoutineKind;

import java.util.List;
import java.util.Set;

/** Changes to functions and procedures. */
public final class RoutineChanges {
    /** What PostgreSQL grants on a new function or procedure: EXECUTE to PUBLIC. */
    public static final List<Grant> DEFAULT_GRANTS = List.of(new Grant("PUBLIC", "EXECUTE", false));

    private RoutineChanges() {
    }

    private static String noun(Routine routine) {
        return (routine.kind() == RoutineKind.PROCEDURE ? "procedure " : "function ") + routine.qualifiedName()
                + "(" + routine.identityArguments() + ")";
    }

    /**
     * Created from its {@code definition}, with its comment and its privileges (granted and revoked from
     * {@link #DEFAULT_GRANTS}).
     */
    public record CreateRoutine(Routine routine) implements Change {
        public ObjectRef target() {
            return routine.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropRoutine(routine);
        }

        public String describe() {
            return "create " + noun(routine);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropRoutine(Routine routine) implements Change {
        public ObjectRef target() {
            return routine.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateRoutine(routine);
        }

        public String describe() {
            return "drop " + noun(routine);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code CREATE OR REPLACE} with the new definition: same kind, result and arguments (names, defaults).
     * {@code rebuildDependants} when indexes or materialized views computed with the old body depend on it: they
     * are re-created so that they hold what the new body computes.
     */
    public record ReplaceRoutine(Routine before, Routine after, boolean rebuildDependants) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ReplaceRoutine(after, before, rebuildDependants);
        }

        public Set<ObjectRef> invalidates() {
            return rebuildDependants ? Set.of(target()) : Set.of();
        }

        public String describe() {
            return "replace " + noun(after);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
