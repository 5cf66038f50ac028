package io.automigrate.migrate;

import io.automigrate.catalog.ReplicaIdentity;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Schema;
import io.automigrate.catalog.Table;
import io.automigrate.catalog.View;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.TableChanges;
import io.automigrate.diff.ViewChanges;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationNamesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T15:30:00Z");
    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");

    /** A real change of {@code target}'s kind with {@code action}: naming reads only the target and the action. */
    private static Change step(ObjectRef target, ChangeAction action) {
        if (action == ChangeAction.ALTER) {
            return new TableChanges.AlterComment(target, null, "x");
        }
        QualifiedName name = target.qualifiedName();
        Change create = switch (target.kind()) {
            case TABLE -> new TableChanges.CreateTable(table(name));
            case INDEX -> new TableChanges.CreateIndex(new Index(name.schema(), name.name(), ORDERS,
                    "CREATE INDEX ...", false, null));
            case CONSTRAINT -> new TableChanges.CreateConstraint(name, new Constraint(target.member(),
                    ConstraintKind.CHECK, "CHECK (true)", List.of(), null, true, true, null), name);
            case COLUMN -> new TableChanges.CreateColumn(name, new Column(target.member(), "integer", null, false,
                    null, null, null, true, null, List.of()), name);
            case VIEW -> new ViewChanges.CreateView(new View(name.schema(), name.name(), false, " SELECT 1;",
                    List.of(), List.of(), true, null, List.of()));
            case SCHEMA -> new TableChanges.CreateSchema(new Schema(target.name(), null, List.of()));
            default -> throw new IllegalArgumentException(target.toString());
        };
        return action == ChangeAction.CREATE ? create : create.inverse();
    }

    private static Table table(QualifiedName name) {
        return new Table(name.schema(), name.name(), false, null, null, null, List.of(), List.of(), List.of(),
                List.of(), false, false, null, List.of(), ReplicaIdentity.DEFAULT);
    }

    private static Catalog with(Table table, Index... indexes) {
        Catalog e = Catalog.empty();
        return new Catalog(e.schemas(), e.extensions(), e.enums(), e.compositeTypes(), e.domains(), e.sequences(),
                List.of(table), List.of(indexes), e.views(), e.routines(), e.triggers(), e.policies(), e.dependencies(),
                e.collations());
    }

    private static String name(Catalog from, Catalog to, Change... changes) {
        return MigrationNames.suggest(new SchemaDiff(List.of(changes), List.of()), from, to, NOW);
    }

    @Test
    void oneTableAddedOrDropped() {
        Index index = new Index("public", "orders_user_idx", ORDERS, "CREATE INDEX ...", false, null);
        Catalog withOrders = with(table(ORDERS), index);
        assertEquals("add_orders_table", name(Catalog.empty(), withOrders,
                step(ObjectRef.of(ObjectKind.TABLE, ORDERS), ChangeAction.CREATE),
                step(index.ref(), ChangeAction.CREATE),
                step(ObjectRef.member(ObjectKind.CONSTRAINT, ORDERS, "orders_user_fk"), ChangeAction.CREATE)));
        assertEquals("drop_orders_table", name(withOrders, Catalog.empty(),
                step(ObjectRef.of(ObjectKind.TABLE, ORDERS), ChangeAction.DROP)));
    }

    @Test
    void oneColumnAddedOrChangedAndOneIndex() {
        Catalog c = with(table(ORDERS));
        ObjectRef total = ObjectRef.member(ObjectKind.COLUMN, ORDERS, "total");
        assertEquals("add_orders_total", name(c, c, step(total, ChangeAction.CREATE)));
        assertEquals("modify_orders_total", name(c, c, step(total, ChangeAction.ALTER), step(total, ChangeAction.ALTER)));
        assertEquals("add_orders_total_idx_index", name(c, c,
                step(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("public", "orders_total_idx")), ChangeAction.CREATE)));
    }

    @Test
    void viewsRecreatedAroundAColumnChangeDoNotCount() {
        Catalog c = with(table(ORDERS));
        ObjectRef total = ObjectRef.member(ObjectKind.COLUMN, ORDERS, "total");
        ObjectRef view = ObjectRef.of(ObjectKind.VIEW, QualifiedName.of("public", "order_totals"));
        assertEquals("modify_orders_total", name(c, c, step(view, ChangeAction.DROP),
                step(total, ChangeAction.ALTER), step(view, ChangeAction.CREATE)));
    }

    @Test
    void anythingLargerIsAnAutoUpdate() {
        Catalog c = with(table(ORDERS));
        assertEquals("auto_schema_update_20261122153000", name(c, c,
                step(ObjectRef.member(ObjectKind.COLUMN, ORDERS, "a"), ChangeAction.CREATE),
                step(ObjectRef.member(ObjectKind.COLUMN, ORDERS, "b"), ChangeAction.CREATE)));
        assertEquals("auto_schema_update_20261122153000", name(c, c,
                step(ObjectRef.schema("billing"), ChangeAction.CREATE)));
    }

    @Test
    void namesAreSnakeCaseAsciiAndBounded() {
        assertEquals("add_user_accounts_table", MigrationNames.sanitize("add_UserAccounts_table"));
        assertEquals("add_cafe_menu", MigrationNames.sanitize("add café-menu!"));
        assertEquals("migration", MigrationNames.sanitize("***"));
        String longName = MigrationNames.sanitize("add_" + "x".repeat(100) + "_table");
        assertEquals(63, longName.length());
        assertTrue(longName.matches("[a-z0-9_]+"));
    }

    @Test
    void aNewMigrationSortsAfterTheNewestFile() {
        assertEquals(NOW, MigrationNames.nextTimestamp(NOW, List.of("20260101000000_a.sql")));
        assertEquals(Instant.parse("2099-01-01T00:00:01Z"),
                MigrationNames.nextTimestamp(NOW, List.of("20260101000000_a.sql", "20990101000000_b.sql", "notes.txt")));
    }

    @Test
    void namesAreUniqueInTheDirectory() {
        List<String> existing = List.of("20260101000000_add_orders_table.sql", "20260102000000_add_orders_table_2.sql");
        assertEquals("add_orders_table_3", MigrationNames.unique("add_orders_table", existing));
        assertEquals("add_users_table", MigrationNames.unique("add_users_table", existing));
        assertEquals("20261122153000_add_users_table.sql", MigrationNames.fileName(NOW, "add_users_table"));
    }
}
