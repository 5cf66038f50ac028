package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.config.Config;
import io.automigrate.shadow.ShadowKind;
import io.automigrate.shadow.ShadowOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up API: the same apply through an application's DataSource. */
class MigratorTest {
    @TempDir
    Path project;

    private static PGSimpleDataSource dataSource(DeployFixture f) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {f.target.url().host()});
        ds.setPortNumbers(new int[] {f.target.url().port()});
        ds.setDatabaseName(f.target.name());
        ds.setUser(f.target.url().user());
        return ds;
    }

    private static Config config(DeployFixture f) {
        return Config.defaults().withShadow(new ShadowOptions(ShadowKind.URL, ShadowOptions.DEFAULT_PG_VERSION, f.shadowAdmin.url().display(), null));
    }

    @Test
    void migratesFromTheClassPathAndThenFindsNothingToDo() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "migrator")) {
            List<String> log = new ArrayList<>();
            Migrator migrator = Migrator.builder().dataSource(dataSource(f)).classpathMigrations("migrator/db/migrations")
                    .config(config(f)).log(log::add);
            DeployResult first = migrator.migrate();
            assertEquals(DeployResult.Status.APPLIED, first.status());
            assertEquals(List.of("migrator/db/migrations/20260101000000_add_users_table.sql"),
                    f.query("SELECT filename FROM databasechangelog"));
            assertTrue(f.tableExists("users"));
            assertEquals(DeployResult.Status.UP_TO_DATE, migrator.migrate().status());
            Thread.sleep(300);
            List<String> open = f.query("SELECT application_name || ': ' || coalesce(query, '') FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
            assertTrue(open.isEmpty(), "every connection was closed: " + open);
        }
    }

    @Test
    void refusesDriftLikeTheCommandLineOrLogsItAndGoesOnWhenAskedTo() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "migratordrift")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            Migrator migrator = Migrator.builder().dataSource(dataSource(f)).projectRoot(project).config(config(f));
            assertEquals(DeployResult.Status.APPLIED, migrator.migrate().status());
            f.execute("ALTER TABLE users ADD COLUMN nickname text");
            AutomigrateException e = assertThrows(AutomigrateException.class, migrator::migrate);
            assertEquals(1, e.exitCode().code());
            assertTrue(e.getMessage().contains("has drifted") && e.getMessage().contains("automigrate repair"),
                    e.getMessage());

            List<String> log = new ArrayList<>();
            DeployResult failed = migrator.failOnError(false).log(log::add).migrate();
            assertEquals(DeployResult.Status.FAILED, failed.status());
            assertTrue(failed.notes().get(0).contains("has drifted"), failed.notes().toString());
            assertTrue(log.get(log.size() - 1).startsWith("automigrate: migration failed, the application starts "
                    + "anyway"), log.toString());
        }
    }

    @Test
    void logsEveryStepOfAnApply() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "migratorlog")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            f.migration("20260102000000_add_orders_table.sql", ApplyTest.ORDERS);
            List<String> log = new ArrayList<>();
            Migrator.builder().dataSource(dataSource(f)).projectRoot(project).config(config(f)).log(log::add).migrate();
            String all = String.join("\n", log);
            assertTrue(all.contains("applying db/migrations/20260101000000_add_users_table.sql (1 changeset(s), one "
                    + "transaction)"), all);
            assertTrue(all.contains("applying db/migrations/20260102000000_add_orders_table.sql (1 changeset(s), "
                    + "outside a transaction)"), all);
            assertTrue(all.contains("applied db/migrations/20260102000000_add_orders_table.sql in "), all);
            assertTrue(all.contains("verified after applying"), all);
            assertTrue(log.get(log.size() - 1).startsWith("automigrate: applied 3 changeset(s) to "), all);
        }
    }

    @Test
    void repairsWhatTheDatabaseLostBeforeApplyingAndThenFindsNothing() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "migratorrepair")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            f.migration("20260102000000_add_orders_table.sql", ApplyTest.ORDERS);
            Migrator migrator = Migrator.builder().dataSource(dataSource(f)).projectRoot(project).config(config(f))
                    .repair(true);
            assertEquals(DeployResult.Status.APPLIED, migrator.migrate().status());
            f.execute("ALTER TABLE orders DROP COLUMN user_id");
            List<String> log = new ArrayList<>();
            DeployResult first = migrator.log(log::add).migrate();
            assertEquals(DeployResult.Status.UP_TO_DATE, first.status());
            String note = first.notes().get(0);
            assertTrue(note.startsWith("repaired first: ") && note.contains("1 column") && note.contains("1 constraint")
                    && note.contains("1 index"), first.notes().toString());
            assertTrue(log.contains("re-creating: add column public.orders.user_id"), log.toString());
            assertTrue(f.tableExists("orders_user_id_idx"));

            log.clear();
            DeployResult second = migrator.migrate();
            assertEquals(DeployResult.Status.UP_TO_DATE, second.status());
            assertTrue(second.notes().stream().noneMatch(n -> n.startsWith("repaired")), second.notes().toString());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("nothing to repair")), log.toString());
            assertEquals(List.of("1"), f.query("SELECT count(*) FROM automigrate_repairs"));
        }
    }

    @Test
    void autoMigrateFalseSwitchesItOff() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "migratoroff")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            List<String> log = new ArrayList<>();
            DeployResult result = Migrator.builder().dataSource(dataSource(f)).projectRoot(project).config(config(f))
                    .repair(true).variables(Map.of("AUTO_MIGRATE", "false")).log(log::add).migrate();
            assertEquals(DeployResult.Status.SWITCHED_OFF, result.status());
            assertEquals(List.of("automigrate: AUTO_MIGRATE=false: migrations are switched off, nothing was done"), log);
            assertFalse(f.tableExists("databasechangelog") || f.tableExists("users"), "nothing was touched");
        }
    }

    /** Every off value of AUTO_MIGRATE is named as given, as apply and the Action name it (not always "false"). */
    @Test
    void autoMigrateOffIsNamedAsGiven() {
        List<String> log = new ArrayList<>();
        DeployResult result = Migrator.builder().urlFromVariable("DATABASE_URL")
                .variables(Map.of("AUTO_MIGRATE", "off")).log(log::add).migrate();
        assertEquals(DeployResult.Status.SWITCHED_OFF, result.status());
        assertEquals(List.of("automigrate: AUTO_MIGRATE=off: migrations are switched off, nothing was done"), log);
        assertEquals(List.of("AUTO_MIGRATE=off: unset it (or set it to true) to apply migrations"), result.notes());
    }

    @Test
    void withoutADatabaseItSkipsWithOneLogLine() {
        List<String> log = new ArrayList<>();
        DeployResult result = Migrator.builder().urlFromVariable("DATABASE_URL").skipWithoutDatabase(true)
                .projectRoot(project).variables(Map.of()).log(log::add).migrate();
        assertEquals(DeployResult.Status.SKIPPED, result.status());
        assertEquals(List.of("automigrate: DATABASE_URL is not set: skipping migrations"), log);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Migrator.builder()
                .urlFromVariable("DATABASE_URL").projectRoot(project).variables(Map.of()).migrate());
        assertTrue(e.getMessage().contains("DATABASE_URL is not set"), e.getMessage());
    }
}
