package example;

import io.automigrate.deploy.DeployResult;
import io.automigrate.deploy.Migrator;

/**
 * A plain Java application that brings its database up to date before it serves anything: the database URL comes
 * from DATABASE_URL, the migrations from the jar.
 */
public final class PlainApp {
    private PlainApp() {
    }

    public static void main(String[] args) {
        DeployResult result = Migrator.builder()
                .urlFromVariable("DATABASE_URL")       // postgresql://user:password@host:5432/db
                .skipWithoutDatabase(true)             // DATABASE_URL unset (a local run): one log line, no failure
                .classpathMigrations("db/migrations")  // src/main/resources/db/migrations, packaged in the jar
                .repair(true)                          // first re-create a lost column or index; never drops
                .log(line -> System.out.println("[migrate] " + line))
                .migrate();                            // a failure throws: the application does not start
        System.out.println("application started (migrations: " + result.status() + ")");
    }
}
