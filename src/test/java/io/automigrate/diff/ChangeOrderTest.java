package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.Schema;
import io.automigrate.catalog.View;
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
    private static View view(String name) {
        return new View("public", name, false, " SELECT 1;", List.of(), List.of(), true, null, List.of());
    }

    /** A view's change: another family than the table's, which the ordering knows only through the catalogs. */
    private static Change createView() {
        return new ViewChanges.CreateView(view("v"));
    }

    private static Change dropView(String name) {
        return new ViewChanges.DropView(view(name));
    }

    private static Change alterView() {
        return new ViewChanges.AlterViewOptions(view("v"), view("v"));
    }

    private static final ObjectRef VIEW = ObjectRef.of(ObjectKind.VIEW, name("v"));

    private static List<String> order(List<Change> changes, Catalog from, Catalog to, List<String> notes) {
        return ChangeOrder.order(changes, from, to, notes).stream().map(Change::describe).toList();
    }

    @Test
    void withoutDependenciesDropsComeFirstInReverseAndCreatesByPhase() {
        var t = table("t", List.of(column("a", "integer")));
        List<Change> changes = List.of(
                new TableChanges.AlterComment(ObjectRef.schema("s"), null, "c"),
                createView(),
                new TableChanges.DropTable(t),
                new TableChanges.CreateSchema(new Schema("s", null, List.of())),
                dropView("old"));
        assertEquals(List.of("drop view public.old", "drop table public.t", "create schema s", "create view public.v",
                "set comment on schema s"), order(changes, Catalog.empty(), Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void anotherFamilysViewIsCreatedAfterTheTableItUsesAndDroppedBeforeTheColumnItUsed() {
        var t = table("t", List.of(column("a", "integer")));
        ObjectRef a = TableChanges.column(name("t"), "a");
        Catalog withView = catalog().table(t).dependency(VIEW, a).build();
        List<Change> create = List.of(createView(),
                new TableChanges.CreateTable(t));
        assertEquals(List.of("create table public.t", "create view public.v"),
                order(create, Catalog.empty(), withView, new ArrayList<>()));
        // The column drop has the earlier default phase (columns before views); the dependency wins.
        List<Change> drop = List.of(
                new TableChanges.DropColumn(name("t"), column("a", "integer"), name("t")),
                dropView("v"));
        assertEquals(List.of("drop view public.v", "drop column public.t.a"),
                order(drop, withView, Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void aSchemaIsDroppedAfterWhatIsInIt() {
        // The table's drop waits for a view's change, which has a late phase; the schema's drop waits for the table.
        var t = new io.automigrate.catalog.Table("s", "t", false, null, null, null, List.of(), List.of(), List.of(),
                List.of(), false, false, null, List.of(), io.automigrate.catalog.ReplicaIdentity.DEFAULT);
        Catalog from = catalog().dependency(VIEW, t.ref()).build();
        List<Change> changes = List.of(
                new TableChanges.DropSchema(new Schema("s", null, List.of())),
                new TableChanges.DropTable(t),
                alterView());
        assertEquals(List.of("set options of view public.v to ()", "drop table s.t", "drop schema s"),
                order(changes, from, Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void aRenameFreesItsOldNameBeforeANewTableTakesIt() {
        var t = table("t", List.of(column("a", "integer")));
        List<Change> changes = List.of(new TableChanges.CreateTable(t),
                new TableChanges.RenameTable(name("t"), name("t_old")));
        assertEquals(List.of("rename table public.t to t_old", "create table public.t"),
                order(changes, Catalog.empty(), Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void identityIsAddedOnlyAfterTheSequenceOfItsNameIsDropped() {
        ObjectRef seq = ObjectRef.of(ObjectKind.SEQUENCE, name("t_id_seq"));
        var identity = new TableChanges.AlterColumnIdentity(name("t"), "id", "integer", null,
                new io.automigrate.catalog.Identity(true, TestCatalogs.options("integer")));
        // The view still uses the sequence, so the drop waits for the view's change, whose phase is later than
        // the identity's: only the name the drop frees keeps the identity waiting too.
        Catalog from = catalog().dependency(VIEW, seq).build();
        List<Change> changes = List.of(identity, new TableChanges.DropSequence(
                        new io.automigrate.catalog.Sequence("public", "t_id_seq", TestCatalogs.options("bigint"), null,
                                null, List.of())),
                alterView());
        assertEquals(List.of("set options of view public.v to ()", "drop sequence public.t_id_seq",
                        "add identity to column public.t.id"),
                order(changes, from, Catalog.empty(), new ArrayList<>()));
    }

    @Test
    void aCycleIsBrokenDeterministicallyAndReported() {
        // Two views, each using the other in the desired catalog: a cycle no order satisfies.
        ObjectRef x = ObjectRef.of(ObjectKind.VIEW, name("x"));
        ObjectRef y = ObjectRef.of(ObjectKind.VIEW, name("y"));
        Catalog to = catalog().dependency(x, y).dependency(y, x).build();
        List<Change> changes = List.of(new ViewChanges.CreateView(view("x")), new ViewChanges.CreateView(view("y")));
        List<String> notes = new ArrayList<>();
        assertEquals(List.of("create view public.x", "create view public.y"),
                order(changes, Catalog.empty(), to, notes));
        assertEquals(List.of("could not order every change by its dependencies; \"create view public.x\" was placed "
                + "first of a cycle"), notes);
    }

    @Test
    void newColumnsComeInTheTablesOrder() {
        List<Change> changes = new ArrayList<>();
        for (String column : List.of("zeta", "alpha", "mid")) {
            changes.add(new TableChanges.CreateColumn(name("t"), column(column, "text"),
                    name("t")));
        }
        assertEquals(List.of("add column public.t.zeta", "add column public.t.alpha", "add column public.t.mid"),
                order(changes, Catalog.empty(), Catalog.empty(), new ArrayList<>()));
    }
}
