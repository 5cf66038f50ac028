package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.View;

/** Changes to plain and materialized views. */
public final class ViewChanges {
    private ViewChanges() {
    }

    private static String noun(View view) {
        return (view.materialized() ? "materialized view " : "view ") + view.qualifiedName();
    }

    /** Created with its options, comments (view and columns) and privileges. */
    public record CreateView(View view) implements Change {
        public ObjectRef target() {
            return view.ref();
        }

        public ChangeAction action() {
            return ChangeAction.CREATE;
        }

        public Change inverse() {
            return new DropView(view);
        }

        public String describe() {
            return "create " + noun(view);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    public record DropView(View view) implements Change {
        public ObjectRef target() {
            return view.ref();
        }

        public ChangeAction action() {
            return ChangeAction.DROP;
        }

        public Change inverse() {
            return new CreateView(view);
        }

        public String describe() {
            return "drop " + noun(view);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Whether {@code after}'s columns are {@code before}'s (names and types, in order) plus any appended ones:
     * PostgreSQL's condition for {@code CREATE OR REPLACE VIEW}.
     */
    public static boolean keepsColumns(View before, View after) {
        if (after.columns().size() < before.columns().size()) {
            return false;
        }
        for (int i = 0; i < before.columns().size(); i++) {
            View.ViewColumn old = before.columns().get(i);
            View.ViewColumn now = after.columns().get(i);
            if (!old.name().equals(now.name()) || !old.type().equals(now.type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The view's query changes in place. When {@link #keepsColumns} holds, {@code CREATE OR REPLACE VIEW}, with
     * the new options replacing the old ones, and dependants stay. Otherwise (only as the inverse of appending
     * columns, which the diff does only when nothing depends on the view) the view is dropped and created again.
     */
    public record ReplaceView(View before, View after) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new ReplaceView(after, before);
        }

        public String describe() {
            return "replace " + noun(after);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Only the options changed: {@code ALTER [MATERIALIZED] VIEW ... SET (...) / RESET (...)}. */
    public record AlterViewOptions(View before, View after) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new AlterViewOptions(after, before);
        }

        public String describe() {
            return "set options of " + noun(after) + " to (" + String.join(", ", after.options()) + ")";
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** A materialized view becomes populated or unpopulated: {@code REFRESH ... WITH [NO] DATA}. */
    public record RefreshMaterializedView(View before, View after) implements Change {
        public ObjectRef target() {
            return after.ref();
        }

        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return new RefreshMaterializedView(after, before);
        }

        public String describe() {
            return (after.withData() ? "populate " : "truncate to unscannable ") + noun(after);
        }

        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
