package example;

import io.automigrate.deploy.DeployResult;
import io.automigrate.deploy.Migrator;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;

/**
 * The same start-up through a DataSource, as an application with a connection pool has one. MIGRATION_FAILURE=continue
 * chooses to log a failed migration and start anyway; by default a failure stops the start-up.
 */
public final class DataSourceApp {
    private DataSourceApp() {
    }

    public static void main(String[] args) {
        String url = System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) {
            System.out.println("DATABASE_URL is not set: starting without a database");
            return;
        }
        DeployResult result = Migrator.builder()
                .dataSource(dataSource(URI.create(url)))
                .classpathMigrations("db/migrations")
                .repair(true)
                .failOnError(!"continue".equals(System.getenv("MIGRATION_FAILURE")))
                .log(line -> System.out.println("[migrate] " + line))
                .migrate();
        System.out.println("application started (migrations: " + result.status() + ")");
    }

    /** postgresql://user:password@host:5432/db as the driver's DataSource (a pool would be configured the same way). */
    static PGSimpleDataSource dataSource(URI url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {url.getHost()});
        ds.setPortNumbers(new int[] {url.getPort() < 0 ? 5432 : url.getPort()});
        ds.setDatabaseName(url.getPath().replaceFirst("^/", ""));
        String info = url.getUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            ds.setUser(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) ds.setPassword(info.substring(colon + 1));
        }
        return ds;
    }
}
