package io.automigrate.bench;

import io.automigrate.catalog.Catalog;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One inspect in a fresh JVM, as a command-line run does it: the benchmark times this whole process (JVM start,
 * class loading, connect, inspect) against pg_dump's. Arguments: host, port, database, user; the password, if
 * any, in {@code PGPASSWORD}. Prints the number of objects read.
 */
public final class InspectOnce {
    private InspectOnce() {
    }

    public static void main(String[] args) throws SQLException {
        DatabaseUrl url = DatabaseUrl.of(args[0], Integer.parseInt(args[1]), args[2], args[3],
                System.getenv("PGPASSWORD"));
        try (Connection connection = Connections.open(url)) {
            Catalog catalog = CatalogInspector.inspect(connection, InspectOptions.all());
            System.out.println(catalog.objectCount());
        }
    }
}
