package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A migration of 10 changesets where statement k fails on the live data (a duplicate key the throwaway database
 * cannot foresee), for every k: the database inspects exactly as before and DATABASECHANGELOG is unchanged.
 */
class AtomicityTest {
    @TempDir
    Path project;

    private static String migration(int failing) {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            body.append("--changeset automigrate:20260102000000_ten-").append(i).append('\n');
            if (i == failing) {
                body.append("INSERT INTO users (id, email) VALUES (1, 'duplicate');\n");
            } else if (i % 2 == 0) {
                body.append("ALTER TABLE users ADD COLUMN c").append(i).append(" integer;\n");
            } else {
                body.append("CREATE TABLE t").append(i).append(" (id integer PRIMARY KEY);\n");
            }
            body.append("--rollback SELECT 1;\n\n");
        }
        return body.toString();
    }

    @Test
    void aFailingStatementLeavesTheDatabaseAsItWas() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "atomic")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            assertEquals(0, f.apply().exit());
            f.execute("INSERT INTO users (id, email) VALUES (1, 'ann@example.com')");
            String before = f.snapshot();
            for (int k = 1; k <= 10; k++) {
                f.migration("20260102000000_ten.sql", migration(k));
                DeployFixture.Outcome outcome = f.apply();
                assertEquals(1, outcome.exit(), "k=" + k + "\n" + outcome.all());
                assertTrue(outcome.err().contains("db/migrations/20260102000000_ten.sql")
                        && outcome.err().contains("duplicate key") && outcome.err().contains("nothing of this step was "
                        + "committed"), "k=" + k + "\n" + outcome.all());
                assertEquals(before, f.snapshot(), "k=" + k + ": the database changed");
            }
            f.execute("DELETE FROM users");
            DeployFixture.Outcome applied = f.apply();
            assertEquals(0, applied.exit(), applied.all());
            assertEquals(11, f.changelogIds().size());
        }
    }
}
