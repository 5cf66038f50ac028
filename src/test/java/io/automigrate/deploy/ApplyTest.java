package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apply and rollback end to end through the CLI, against a real database. */
class ApplyTest {
    @TempDir
    Path project;

    static final String USERS = """
            --changeset automigrate:20260101000000_add_users_table
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
            --rollback DROP TABLE users;
            """;
    static final String ORDERS = """
            --changeset automigrate:20260102000000_add_orders_table
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id));
            --rollback DROP TABLE orders;

            --changeset automigrate:20260102000000_add_orders_table-2 runInTransaction:false
            CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);
            --rollback DROP INDEX CONCURRENTLY orders_user_id_idx;
            """;

    @Test
    void appliesReportsAndRollsBack() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "apply")) {
            f.migration("20260101000000_add_users_table.sql", USERS);
            f.migration("20260102000000_add_orders_table.sql", ORDERS);

            DeployFixture.Outcome dry = f.apply("--dry-run");
            assertEquals(0, dry.exit(), dry.all());
            assertTrue(dry.out().contains("CREATE INDEX CONCURRENTLY orders_user_id_idx"), dry.all());
            assertFalse(f.tableExists("databasechangelog"), "a dry run creates nothing");
            assertFalse(f.tableExists("databasechangeloglock"), "a dry run creates nothing");

            DeployFixture.Outcome applied = f.apply("--format", "json");
            assertEquals(0, applied.exit(), applied.all());
            assertTrue(applied.out().contains("\"status\" : \"applied\"") && applied.out().contains("\"changesets\" : 3"),
                    applied.all());
            assertEquals(List.of("20260101000000_add_users_table", "20260102000000_add_orders_table",
                    "20260102000000_add_orders_table-2"), f.changelogIds());
            assertTrue(f.tableExists("orders") && f.tableExists("orders_user_id_idx"));

            DeployFixture.Outcome again = f.apply();
            assertEquals(0, again.exit(), again.all());
            assertTrue(again.out().contains("up to date"), again.all());

            DeployFixture.Outcome back = f.run("rollback", "--url", f.url(), "--to", "20260101000000_add_users_table");
            assertEquals(0, back.exit(), back.all());
            assertTrue(back.out().contains("rolled back 2 changeset(s)"), back.all());
            assertFalse(f.tableExists("orders"));
            assertEquals(List.of("20260101000000_add_users_table"), f.changelogIds());

            DeployFixture.Outcome reapplied = f.apply("--format", "markdown");
            assertEquals(0, reapplied.exit(), reapplied.all());
            assertTrue(reapplied.out().contains("| `db/migrations/20260102000000_add_orders_table.sql` |"), reapplied.all());
        }
    }
}
