package io.automigrate.sql;

import io.automigrate.catalog.ReplicaIdentity;
import io.automigrate.catalog.Catalog;
import io.automigrate.catalog.Column;
import io.automigrate.catalog.Constraint;
import io.automigrate.catalog.ConstraintKind;
import io.automigrate.catalog.Index;
import io.automigrate.catalog.QualifiedName;
import io.automigrate.catalog.Table;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeAction;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.TableChanges.AlterColumnNotNull;
import io.automigrate.diff.TableChanges.CreateConstraint;
import io.automigrate.diff.TableChanges.DropConstraint;
import io.automigrate.diff.TableChanges.CreateIndex;
import io.automigrate.diff.TableChanges.DropIndex;
import io.automigrate.diff.TableChanges.CreateTable;
import io.automigrate.diff.TableChanges.DropTable;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationBuilder;
import io.automigrate.migrate.MigrationBuilder.Group;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The online forms: exact statements, and how they fall into changesets. */
class OnlineSqlTest {
    private static final RenderOptions ONLINE = RenderOptions.online(Duration.ofSeconds(5));
    private static final QualifiedName ORDERS = new QualifiedName("Sales", "order");
    private static final QualifiedName ITEMS = new QualifiedName("Sales", "items");
    private static final QualifiedName EVENTS = new QualifiedName("Sales", "events");
    private static final String TX = "SET LOCAL lock_timeout = '5s';";
    private static final String NO_TX = "SET lock_timeout = 0;";

    private static Table table(QualifiedName name, String partitionKey, Constraint... constraints) {
        return new Table(name.schema(), name.name(), false, partitionKey, null, null, List.of(), List.of(),
                List.of(new Column("id", "bigint", null, false, null, null, null, true, null, List.of())),
                List.of(constraints), false, false, null, List.of(), ReplicaIdentity.DEFAULT);
    }

    /** The catalog before: "order" (plain, with a constraint named total_not_null) and "events" (partitioned). */
    private static Catalog current() {
        Catalog empty = Catalog.empty();
        Constraint taken = new Constraint("total_not_null", ConstraintKind.CHECK, "CHECK ((total > 0))",
                List.of("total"), null, true, true, null);
        return new Catalog(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(table(ORDERS, null, taken), table(EVENTS, "RANGE (day)")), empty.indexes(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<Group> groups(Change... changes) {
        SchemaDiff diff = new SchemaDiff(List.of(changes), List.of());
        return MigrationBuilder.groups(MigrationRenderer.render(diff, current(), ONLINE), ONLINE);
    }

    private static List<String> sql(List<Statement> statements) {
        return statements.stream().map(Statement::sql).toList();
    }

    private static Constraint constraint(String name, ConstraintKind kind, String definition, boolean validated) {
        return new Constraint(name, kind, definition, List.of("customer_id"), null, validated, true, null);
    }

    @Test
    void indexesAreBuiltAndDroppedConcurrentlyInChangesetsOfTheirOwnExceptOnANewTable() {
        Index onNew = new Index("Sales", "items_idx", ITEMS, "CREATE INDEX items_idx ON \"Sales\".items USING btree (id)",
                false, null);
        Index built = new Index("Sales", "Order Total", ORDERS,
                "CREATE UNIQUE INDEX \"Order Total\" ON \"Sales\".\"order\" USING btree (id) WHERE (id > 0)", true,
                "fast totals");
        Index dropped = new Index("Sales", "old_idx", ORDERS,
                "CREATE INDEX old_idx ON \"Sales\".\"order\" USING btree (id)", false, "it's old");
        List<Group> groups = groups(new CreateTable(table(ITEMS, null)),
                new CreateIndex(onNew), new CreateIndex(built),
                new DropIndex(dropped));
        assertEquals(4, groups.size(), groups.toString());

        assertTrue(groups.get(0).transactional());
        assertEquals(List.of(TX, "CREATE TABLE \"Sales\".items (\n    id bigint\n);",
                "CREATE INDEX items_idx ON \"Sales\".items USING btree (id);"), sql(groups.get(0).forward()));

        Group build = groups.get(1);
        assertEquals(false, build.transactional());
        assertEquals(List.of(NO_TX, "DROP INDEX CONCURRENTLY IF EXISTS \"Sales\".\"Order Total\";",
                "CREATE UNIQUE INDEX CONCURRENTLY \"Order Total\" ON \"Sales\".\"order\" USING btree (id) WHERE (id > 0);",
                "COMMENT ON INDEX \"Sales\".\"Order Total\" IS 'fast totals';"), sql(build.forward()));
        assertEquals(List.of("DROP INDEX CONCURRENTLY \"Sales\".\"Order Total\";"), sql(build.rollback()),
                "outside a transaction the rollback is one statement, without SET");

        assertEquals(List.of(TX, "COMMENT ON INDEX \"Sales\".old_idx IS NULL;"), sql(groups.get(2).forward()));
        assertEquals(List.of(TX, "COMMENT ON INDEX \"Sales\".old_idx IS 'it''s old';"), sql(groups.get(2).rollback()));
        Group drop = groups.get(3);
        assertEquals(false, drop.transactional());
        assertEquals(List.of(NO_TX, "DROP INDEX CONCURRENTLY \"Sales\".old_idx;"), sql(drop.forward()));
        assertEquals(List.of("CREATE INDEX CONCURRENTLY old_idx ON \"Sales\".\"order\" USING btree (id);"),
                sql(drop.rollback()));
    }

    @Test
    void aPartitionedTablesIndexKeepsThePlainForm() {
        Index partitioned = new Index("Sales", "events_day_idx", EVENTS,
                "CREATE INDEX events_day_idx ON ONLY \"Sales\".events USING btree (day)", false, null);
        List<Group> groups = groups(new CreateIndex(partitioned));
        assertEquals(1, groups.size());
        assertEquals(List.of(TX, "CREATE INDEX events_day_idx ON ONLY \"Sales\".events USING btree (day);"),
                sql(groups.get(0).forward()), "each partition's index is created and attached by a change of its own");
    }

    @Test
    void aPartitionsIndexForItsParentsIndexIsBuiltConcurrentlyThenAttached() {
        QualifiedName partition = new QualifiedName("Sales", "events_2026");
        Index attached = new Index("Sales", "events_2026_day_idx", partition,
                "CREATE INDEX events_2026_day_idx ON \"Sales\".events_2026 USING btree (day)", false, null,
                new QualifiedName("Sales", "events_day_idx"), true);
        List<Group> groups = groups(new CreateIndex(attached));
        assertEquals(2, groups.size(), groups.toString());
        assertEquals(false, groups.get(0).transactional());
        assertEquals(List.of(NO_TX, "DROP INDEX CONCURRENTLY IF EXISTS \"Sales\".events_2026_day_idx;",
                "CREATE INDEX CONCURRENTLY events_2026_day_idx ON \"Sales\".events_2026 USING btree (day);"),
                sql(groups.get(0).forward()));
        assertEquals(List.of(TX,
                "ALTER INDEX \"Sales\".events_day_idx ATTACH PARTITION \"Sales\".events_2026_day_idx;"),
                sql(groups.get(1).forward()));
        assertEquals(List.of(), sql(groups.get(0).rollback()), "an attached index goes with its parent index");
        assertEquals(List.of(), sql(groups.get(1).rollback()));
    }

    @Test
    void foreignKeysAndChecksAreAddedNotValidTogetherThenEachValidatedInAChangesetOfItsOwn() {
        Constraint fk = constraint("order_customer_fk", ConstraintKind.FOREIGN_KEY,
                "FOREIGN KEY (customer_id) REFERENCES \"Sales\".customers(id)", true);
        Constraint check = constraint("Positive", ConstraintKind.CHECK, "CHECK ((customer_id > 0))", true);
        Constraint alreadyNotValid = constraint("loose", ConstraintKind.CHECK, "CHECK ((customer_id < 10))", false);
        List<Group> groups = groups(new CreateConstraint(ORDERS, fk, ORDERS),
                new CreateConstraint(ORDERS, check, ORDERS),
                new CreateConstraint(ORDERS, alreadyNotValid, ORDERS));
        assertEquals(4, groups.size(), groups.toString());
        assertEquals(List.of(TX,
                "ALTER TABLE \"Sales\".\"order\" ADD CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) "
                        + "REFERENCES \"Sales\".customers(id) NOT VALID;",
                "ALTER TABLE \"Sales\".\"order\" ADD CONSTRAINT \"Positive\" CHECK ((customer_id > 0)) NOT VALID;"),
                sql(groups.get(0).forward()));
        assertEquals(List.of(TX, "ALTER TABLE \"Sales\".\"order\" VALIDATE CONSTRAINT order_customer_fk;"),
                sql(groups.get(1).forward()));
        assertEquals(List.of(TX, "ALTER TABLE \"Sales\".\"order\" DROP CONSTRAINT order_customer_fk;",
                "ALTER TABLE \"Sales\".\"order\" ADD CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) "
                        + "REFERENCES \"Sales\".customers(id) NOT VALID;"), sql(groups.get(1).rollback()),
                "undoing the validation makes the constraint NOT VALID again, without a scan");
        assertEquals(List.of(TX, "ALTER TABLE \"Sales\".\"order\" VALIDATE CONSTRAINT \"Positive\";"),
                sql(groups.get(2).forward()));
        assertEquals(List.of(TX,
                "ALTER TABLE \"Sales\".\"order\" ADD CONSTRAINT loose CHECK ((customer_id < 10)) NOT VALID;"),
                sql(groups.get(3).forward()), "a constraint meant NOT VALID stays so, after the validations");
        assertTrue(groups.stream().allMatch(Group::transactional));
    }

    @Test
    void setNotNullGoesThroughAValidatedCheckWhoseNameIsFree() {
        List<Group> groups = groups(new AlterColumnNotNull(ORDERS, "total", true));
        assertEquals(3, groups.size(), groups.toString());
        String table = "ALTER TABLE \"Sales\".\"order\" ";
        assertEquals(List.of(TX, table + "ADD CONSTRAINT total_not_null2 CHECK (total IS NOT NULL) NOT VALID;"),
                sql(groups.get(0).forward()));
        assertEquals(List.of(TX, table + "DROP CONSTRAINT total_not_null2;"), sql(groups.get(0).rollback()));
        assertEquals(List.of(TX, table + "VALIDATE CONSTRAINT total_not_null2;"), sql(groups.get(1).forward()));
        assertEquals(List.of(TX, table + "ALTER COLUMN total SET NOT NULL;",
                table + "DROP CONSTRAINT total_not_null2;"), sql(groups.get(2).forward()));
        assertEquals(List.of(TX, table + "ADD CONSTRAINT total_not_null2 CHECK (total IS NOT NULL) NOT VALID;",
                table + "ALTER COLUMN total DROP NOT NULL;"), sql(groups.get(2).rollback()));

        List<Group> dropping = groups(new AlterColumnNotNull(ORDERS, "total", false));
        assertEquals(List.of(TX, table + "ALTER COLUMN total DROP NOT NULL;"), sql(dropping.get(0).forward()),
                "DROP NOT NULL needs no scan and keeps the plain form");
    }

    @Test
    void uniqueAndPrimaryKeysAreAttachedToAConcurrentlyBuiltIndex() {
        Constraint unique = new Constraint("order_code_key", ConstraintKind.UNIQUE,
                "UNIQUE NULLS NOT DISTINCT (\"Code (x)\", id) INCLUDE (note) DEFERRABLE INITIALLY DEFERRED",
                List.of("Code (x)", "id"), null, true, true, "one code per order");
        Constraint pk = new Constraint("order_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)", List.of("id"),
                null, true, true, null);
        List<Group> groups = groups(new CreateConstraint(ORDERS, unique, ORDERS),
                new CreateConstraint(ORDERS, pk, ORDERS));
        assertEquals(4, groups.size(), groups.toString());
        assertEquals(List.of(NO_TX, "DROP INDEX CONCURRENTLY IF EXISTS \"Sales\".order_code_key;",
                "CREATE UNIQUE INDEX CONCURRENTLY order_code_key ON \"Sales\".\"order\" USING btree (\"Code (x)\", id) "
                        + "INCLUDE (note) NULLS NOT DISTINCT;"), sql(groups.get(0).forward()));
        assertEquals(List.of("DROP INDEX CONCURRENTLY IF EXISTS \"Sales\".order_code_key;"),
                sql(groups.get(0).rollback()), "dropping the constraint already dropped its index");
        assertEquals(List.of(TX, "ALTER TABLE \"Sales\".\"order\" ADD CONSTRAINT order_code_key UNIQUE USING INDEX "
                        + "order_code_key DEFERRABLE INITIALLY DEFERRED;",
                "COMMENT ON CONSTRAINT order_code_key ON \"Sales\".\"order\" IS 'one code per order';"),
                sql(groups.get(1).forward()));
        assertEquals(List.of(TX, "ALTER TABLE \"Sales\".\"order\" DROP CONSTRAINT order_code_key;"),
                sql(groups.get(1).rollback()));
        assertEquals(List.of(NO_TX, "DROP INDEX CONCURRENTLY IF EXISTS \"Sales\".order_pkey;",
                "CREATE UNIQUE INDEX CONCURRENTLY order_pkey ON \"Sales\".\"order\" USING btree (id);"),
                sql(groups.get(2).forward()));
        assertEquals(List.of(TX, "ALTER TABLE \"Sales\".\"order\" ADD CONSTRAINT order_pkey PRIMARY KEY USING INDEX "
                + "order_pkey;"), sql(groups.get(3).forward()));
    }

    @Test
    void whatPostgresqlRefusesOnlineKeepsThePlainForm() {
        Constraint fk = new Constraint("events_fk", ConstraintKind.FOREIGN_KEY,
                "FOREIGN KEY (id) REFERENCES \"Sales\".\"order\"(id)", List.of("id"), ORDERS, true, true, null);
        Constraint key = new Constraint("events_key", ConstraintKind.UNIQUE, "UNIQUE (id)", List.of("id"), null,
                true, true, null);
        Constraint exclusion = new Constraint("order_excl", ConstraintKind.EXCLUSION,
                "EXCLUDE USING gist (id WITH =)", List.of("id"), null, true, true, null);
        List<Group> groups = groups(new CreateConstraint(EVENTS, fk, EVENTS),
                new CreateConstraint(EVENTS, key, EVENTS),
                new CreateConstraint(ORDERS, exclusion, ORDERS));
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(List.of(TX,
                "ALTER TABLE \"Sales\".events ADD CONSTRAINT events_fk FOREIGN KEY (id) REFERENCES \"Sales\".\"order\"(id);",
                "ALTER TABLE \"Sales\".events ADD CONSTRAINT events_key UNIQUE (id);",
                "ALTER TABLE \"Sales\".\"order\" ADD CONSTRAINT order_excl EXCLUDE USING gist (id WITH =);"),
                sql(groups.get(0).forward()));
    }

    @Test
    void offlineOptionsRenderExactlyAsBefore() {
        SchemaDiff diff = new SchemaDiff(List.of(new AlterColumnNotNull(ORDERS, "total", true),
                new CreateConstraint(ORDERS, constraint("fk", ConstraintKind.FOREIGN_KEY,
                        "FOREIGN KEY (customer_id) REFERENCES \"Sales\".customers(id)", true), ORDERS)), List.of());
        RenderedMigration offline = MigrationRenderer.render(diff, current(), RenderOptions.offline());
        assertEquals(MigrationRenderer.render(diff), offline);
        List<Group> groups = MigrationBuilder.groups(offline, RenderOptions.offline());
        assertEquals(1, groups.size());
        assertEquals("ALTER TABLE \"Sales\".\"order\" ALTER COLUMN total SET NOT NULL;", groups.get(0).forward().get(0).sql(),
                "no lock_timeout offline");
    }

    @Test
    void lockTimeoutIsWrittenInTheUnitPostgresqlReadsAndZeroSetsNone() {
        assertEquals("SET LOCAL lock_timeout = '1500ms';",
                RenderOptions.online(Duration.ofMillis(1500)).lockTimeoutStatement(true).sql());
        assertEquals("SET LOCAL lock_timeout = '120s';",
                RenderOptions.online(Duration.ofMinutes(2)).lockTimeoutStatement(true).sql());
        assertEquals(NO_TX, ONLINE.lockTimeoutStatement(false).sql());
        assertNull(RenderOptions.online(Duration.ZERO).lockTimeoutStatement(true));
        assertNull(RenderOptions.offline().lockTimeoutStatement(true));
    }

    @Test
    void theMigrationFileSplitsStatementsOnlyOutsideTransactions() {
        Index built = new Index("Sales", "order_idx", ORDERS, "CREATE INDEX order_idx ON \"Sales\".\"order\" USING btree (id)",
                false, null);
        SchemaDiff diff = new SchemaDiff(List.of(new CreateIndex(built),
                new AlterColumnNotNull(ORDERS, "note", false)), List.of());
        String text = FormattedSql.write(MigrationBuilder.build("20261122153000_x.sql",
                MigrationRenderer.render(diff, current(), ONLINE), "automigrate", null, ONLINE));
        assertEquals("""
                --liquibase formatted sql

                --changeset automigrate:20261122153000_x runInTransaction:false rollbackSplitStatements:false splitStatements:true
                SET lock_timeout = 0;
                DROP INDEX CONCURRENTLY IF EXISTS "Sales".order_idx;
                CREATE INDEX CONCURRENTLY order_idx ON "Sales"."order" USING btree (id);
                --rollback DROP INDEX CONCURRENTLY "Sales".order_idx;

                --changeset automigrate:20261122153000_x-2 splitStatements:false rollbackSplitStatements:false
                SET LOCAL lock_timeout = '5s';
                ALTER TABLE "Sales"."order" ALTER COLUMN note DROP NOT NULL;
                --rollback SET LOCAL lock_timeout = '5s';
                --rollback ALTER TABLE "Sales"."order" ALTER COLUMN note SET NOT NULL;
                """, text);
    }
}
