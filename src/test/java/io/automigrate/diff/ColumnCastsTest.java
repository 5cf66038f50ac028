package io.automigrate.diff;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ColumnCasts} agrees with PostgreSQL on which type changes need USING. */
class ColumnCastsTest {
    private static final List<String> TYPES = List.of("smallint", "integer", "bigint", "numeric(10,2)", "real",
            "double precision", "text", "character varying(20)", "character(5)", "boolean", "date",
            "timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone", "interval",
            "json", "jsonb", "uuid", "inet", "cidr", "bit(8)", "bit varying(8)", "integer[]", "bigint[]", "text[]",
            "bytea");

    @Test
    void usingIsWrittenExactlyWhenPostgresNeedsIt() throws SQLException {
        List<String> disagreements = new ArrayList<>();
        try (ShadowDatabase db = TestPostgres.newDatabase("casts"); Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (String from : TYPES) {
                for (String to : TYPES) {
                    if (from.equals(to)) {
                        continue;
                    }
                    boolean postgresNeedsUsing = needsUsing(c, from, to);
                    if (postgresNeedsUsing != ColumnCasts.needsUsing(from, to)) {
                        disagreements.add(from + " -> " + to + ": PostgreSQL "
                                + (postgresNeedsUsing ? "needs" : "does not need") + " USING");
                    }
                }
            }
            c.rollback();
        }
        assertEquals(List.of(), disagreements);
    }

    /** Whether ALTER COLUMN TYPE without USING is refused for lack of an assignment cast (on an empty table). */
    private static boolean needsUsing(Connection c, String from, String to) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE probe (v " + from + ")");
            st.execute("ALTER TABLE probe ALTER COLUMN v TYPE " + to);
            return false;
        } catch (SQLException e) {
            if (!e.getMessage().contains("cannot be cast automatically")) {
                throw e;
            }
            return true;
        } finally {
            c.rollback(savepoint);
        }
    }
}
