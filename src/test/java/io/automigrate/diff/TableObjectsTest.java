package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.automigrate.diff.TestCatalogs.catalog;
import static io.automigrate.diff.TestCatalogs.check;
import static io.automigrate.diff.TestCatalogs.column;
import static io.automigrate.diff.TestCatalogs.name;
import static io.automigrate.diff.TestCatalogs.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the table family does with objects another change forces it to re-create. */
class TableObjectsTest {
    private static final ObjectRef COLUMN_A = TableChanges.column(name("t"), "a");

    private static List<String> diff(Catalog from, Catalog to, Set<ObjectRef> forced) {
        return new TableObjects().diff(new DiffContext(from, to, DiffOptions.defaults(), forced)).stream()
                .map(Change::describe).toList();
    }

    @Test
    void aForcedColumnDefaultIsDroppedAndSetAgain() {
        Column withDefault = new Column("a", "integer", null, false, "next_number()", null, null, true, null,
                List.of());
        Catalog both = catalog().table(table("t", List.of(withDefault))).build();
        assertTrue(diff(both, both, Set.of()).isEmpty());
        assertEquals(List.of("drop default of column public.t.a", "set default of column public.t.a"),
                diff(both, both, Set.of(COLUMN_A)));
    }

    @Test
    void aForcedGeneratedColumnIsDroppedAndAddedAgain() {
        Column generated = new Column("a", "integer", null, false, null, null, "twice(b)", true, null, List.of());
        Catalog both = catalog().table(table("t", List.of(generated, column("b", "integer")))).build();
        assertEquals(List.of("drop column public.t.a", "add column public.t.a"), diff(both, both, Set.of(COLUMN_A)));
    }

    @Test
    void forcedConstraintsAndIndexesAreRecreatedAndForcedTablesAreNot() {
        ObjectRef index = ObjectRef.of(ObjectKind.INDEX, name("t_a_idx"));
        Catalog both = catalog().table(table("t", List.of(column("a", "integer")), check("t_a_check",
                        "CHECK ((a > 0))", "a")))
                .index(new io.automigrate.catalog.Index("public", "t_a_idx", name("t"),
                        "CREATE INDEX t_a_idx ON public.t USING btree (a)", false, null))
                .build();
        assertEquals(List.of("drop constraint t_a_check on public.t", "add constraint t_a_check on public.t",
                        "drop index public.t_a_idx", "create index public.t_a_idx"),
                diff(both, both, Set.of(TableChanges.constraint(name("t"), "t_a_check"), index,
                        ObjectRef.of(ObjectKind.TABLE, name("t")))));
    }

    @Test
    void inheritedColumnsAreTheParentsBusiness() {
        Column inherited = new Column("a", "integer", null, false, null, null, null, false, null, List.of());
        Column inheritedRetyped = new Column("a", "bigint", null, false, null, null, null, false, null, List.of());
        Catalog from = catalog().table(table("child", List.of(inherited, column("own", "text")))).build();
        Catalog to = catalog().table(table("child", List.of(inheritedRetyped))).build();
        assertEquals(List.of("drop column public.child.own"), diff(from, to, Set.of()));
    }
}
