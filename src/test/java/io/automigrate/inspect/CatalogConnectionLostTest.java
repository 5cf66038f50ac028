package io.automigrate.inspect;

import io.automigrate.AutomigrateException;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session killed while the catalog is read: the message names the database and says what to do next. */
class CatalogConnectionLostTest {
    @Test
    void aKilledSessionNamesTheDatabaseAndTheNextStep() throws Exception {
        try (ShadowDatabase database = TestPostgres.newDatabase("killed")) {
            TestPostgres.execute(database, "CREATE TABLE users (id bigint PRIMARY KEY);");
            try (Connection reader = database.connect(); Connection admin = database.connect()) {
                // The reader is set up on a live session, as a command's is; the session dies before its queries run.
                CatalogQueries queries = new CatalogQueries(reader);
                int pid;
                try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getInt(1);
                }
                try (Statement st = admin.createStatement()) {
                    st.execute("SELECT pg_terminate_backend(" + pid + ")");
                    for (int i = 0; i < 100; i++) {
                        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
                            rs.next();
                            if (rs.getInt(1) == 0) break;
                        }
                        Thread.sleep(20);
                    }
                }
                AutomigrateException e = assertThrows(AutomigrateException.class,
                        () -> CatalogInspector.inspect(reader, InspectOptions.all(), queries));
                assertEquals(3, e.exitCode().code());
                String message = e.getMessage();
                assertTrue(message.contains("database '" + database.name() + "'"), message);
                assertTrue(message.contains("was lost while reading its catalog") && message.contains("nothing was changed")
                        && message.contains("run the command again"), message);
                assertFalse(message.startsWith("cannot set up a read-only transaction"), message);
            }
        }
    }
}
