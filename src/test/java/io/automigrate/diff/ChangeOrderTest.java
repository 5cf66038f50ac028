package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.automigrate.diff.TestCatalogs.catalog;
import static io.automigrate.diff.TestCatalogs.column;
import static io.automigrate.diff.TestCatalogs.name;
import static io.automigrate.diff.TestCatalogs.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeOrderTest {
    /** A change of another family, which knows nothing of {@link OrderingHints}. */
    record Foreign(ObjectRef target, ChangeAction action, String describe) implements Change {
        public Change inverse() {
            return new Foreign(target, TableChanges.flip(action), describe);
        }
    }

    /** A change with ordering hints only. */
    record Hinted(ObjectRef target, Set<ObjectRef> needs, String describe) implements Change, OrderingHints {
        public ChangeAction action() {
            return ChangeAction.ALTER;
        }

        public Change inverse() {
            return this;
        }
    }

    private static final ObjectRef VIEW = ObjectRef.of(ObjectKind.VIEW, name("v"));

    private static List<String> order(List<Change> changes, Catalog from, Catalog to, List<String> notes) {
        return ChangeOrder.order(changes, from, to, notes).stream().map(Change::describe).toList();
    }

    @Test
    void withoutDependenciesDropsComeFirstInReverseAndCreatesByPhase() {
        var t = table("t", List.of(column("a", "integer")));
        List<Change> changes = List.of(
                new TableChanges.CommentChange(ObjectRef.schema("s"), null, "c"),
                new Foreign(VIEW, ChangeAction.CREATE, "create view"),
                new TableChanges.TableExists(ChangeAction.DROP, t),
                new TableChanges.SchemaExists(ChangeAction.CREATE, new Schema("s", null, List.of())),
                new Foreign(ObjectRef.of(ObjectKind.VIEW, name("old")), ChangeAction.DROP, "drop view"));
        assertEquals(List.of("drop view", "drop table public.t", "create schema s", "create view",
                "set comment on schema s"), order(changes, Catalog.empty(), Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void anotherFamilysViewIsCreatedAfterTheTableItUsesAndDroppedBeforeTheColumnItUsed() {
        var t = table("t", List.of(column("a", "integer")));
        ObjectRef a = TableChanges.column(name("t"), "a");
        Catalog withView = catalog().table(t).dependency(VIEW, a).build();
        List<Change> create = List.of(new Foreign(VIEW, ChangeAction.CREATE, "create view"),
                new TableChanges.TableExists(ChangeAction.CREATE, t));
        assertEquals(List.of("create table public.t", "create view"),
                order(create, Catalog.empty(), withView, new ArrayList<>()));
        // The column drop has the earlier default phase (columns before views); the dependency wins.
        List<Change> drop = List.of(
                new TableChanges.ColumnExists(ChangeAction.DROP, name("t"), column("a", "integer"), name("t")),
                new Foreign(VIEW, ChangeAction.DROP, "drop view"));
        assertEquals(List.of("drop view", "drop column public.t.a"),
                order(drop, withView, Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void aSchemaIsDroppedAfterWhatIsInIt() {
        // The table's drop waits for a view's change, which has a late phase; the schema's drop waits for the table.
        ObjectRef table = new ObjectRef(ObjectKind.TABLE, "s", "t", "");
        Catalog from = catalog().dependency(VIEW, table).build();
        List<Change> changes = List.of(
                new TableChanges.SchemaExists(ChangeAction.DROP, new Schema("s", null, List.of())),
                new Foreign(table, ChangeAction.DROP, "drop table"),
                new Foreign(VIEW, ChangeAction.ALTER, "alter view"));
        assertEquals(List.of("alter view", "drop table", "drop schema s"),
                order(changes, from, Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void aRenameFreesItsOldNameBeforeANewTableTakesIt() {
        var t = table("t", List.of(column("a", "integer")));
        List<Change> changes = List.of(new TableChanges.TableExists(ChangeAction.CREATE, t),
                new TableChanges.TableRename(name("t"), name("t_old")));
        assertEquals(List.of("rename table public.t to t_old", "create table public.t"),
                order(changes, Catalog.empty(), Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void identityIsAddedOnlyAfterTheSequenceOfItsNameIsDropped() {
        ObjectRef seq = ObjectRef.of(ObjectKind.SEQUENCE, name("t_id_seq"));
        var identity = new TableChanges.ColumnIdentity(name("t"), "id", "integer", null,
                new io.automigrate.catalog.Identity(true, TestCatalogs.options("integer")));
        // The view still uses the sequence, so the drop waits for the view's change, whose phase is later than
        // the identity's: only the name the drop frees keeps the identity waiting too.
        Catalog from = catalog().dependency(VIEW, seq).build();
        List<Change> changes = List.of(identity, new Foreign(seq, ChangeAction.DROP, "drop sequence"),
                new Foreign(VIEW, ChangeAction.ALTER, "alter view"));
        assertEquals(List.of("alter view", "drop sequence", "add identity to column public.t.id"),
                order(changes, from, Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void aCycleIsBrokenDeterministicallyAndReported() {
        ObjectRef x = ObjectRef.of(ObjectKind.TABLE, name("x"));
        ObjectRef y = ObjectRef.of(ObjectKind.TABLE, name("y"));
        List<Change> changes = List.of(new Hinted(x, Set.of(y), "x needs y"), new Hinted(y, Set.of(x), "y needs x"));
        List<String> notes = new ArrayList<>();
        assertEquals(List.of("x needs y", "y needs x"), order(changes, Catalog.empty(), Catalog.empty(), notes));
        assertEquals(List.of("could not order every change by its dependencies; \"x needs y\" was placed first of "
                + "a cycle"), notes);
    }

    @Test
    void newColumnsComeInTheTablesOrder() {
        List<Change> changes = new ArrayList<>();
        for (String column : List.of("zeta", "alpha", "mid")) {
            changes.add(new TableChanges.ColumnExists(ChangeAction.CREATE, name("t"), column(column, "text"),
                    name("t")));
        }
        assertEquals(List.of("add column public.t.zeta", "add column public.t.alpha", "add column public.t.mid"),
                order(changes, Catalog.empty(), Catalog.empty(), new ArrayList<>()));
    }
}
