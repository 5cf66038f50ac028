package io.automigrate.deploy;

import io.automigrate.AutomigrateException;
import io.automigrate.config.Config;
import io.automigrate.config.ShadowConfig;
import io.automigrate.shadow.ShadowKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return Config.defaults().withShadow(new ShadowConfig(ShadowKind.URL, null, f.shadowAdmin.url().display(), null));
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
    void refusesDriftLikeTheCommandLine() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "migratordrift")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            f.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text)");
            AutomigrateException e = assertThrows(AutomigrateException.class, () -> Migrator.builder()
                    .dataSource(dataSource(f)).projectRoot(project).config(config(f)).migrate());
            assertEquals(1, e.exitCode().code());
            assertTrue(e.getMessage().contains("has drifted"), e.getMessage());
        }
    }
}
