package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The smaller edges of the deploy side: the AUTO_MIGRATE switch and an SSL refusal. */
class DeployEdgesTest {
    @TempDir
    Path project;

    @Test
    void autoMigrateZeroNoAndOffSwitchApplyOffLikeFalse() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "switch")) {
            f.migration("20260101000000_users.sql", "--changeset dev:users\nCREATE TABLE users (id bigint);\n");
            for (String off : new String[] {"0", "no", "off", "OFF", "false"}) {
                f.environment.put("AUTO_MIGRATE", off);
                DeployFixture.Outcome outcome = f.apply();
                assertEquals(0, outcome.exit(), outcome.all());
                assertTrue(outcome.out().contains("switched off"), off + ": " + outcome.all());
                assertFalse(f.tableExists("users"), off + " switched apply off");
            }
            f.environment.put("AUTO_MIGRATE", "maybe");
            DeployFixture.Outcome typo = f.apply();
            assertEquals(2, typo.exit(), typo.all());
            assertTrue(typo.err().contains("AUTO_MIGRATE='maybe'"), typo.all());
            assertFalse(f.tableExists("users"));
            f.environment.put("AUTO_MIGRATE", "1");
            assertEquals(0, f.apply().exit());
            assertTrue(f.tableExists("users"));
        }
    }

    @Test
    void anSslRefusalIsNotRetried() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "ssl")) {
            long start = System.nanoTime();
            DeployFixture.Outcome status = f.run("status", "--url", f.url() + "?sslmode=require");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(3, status.exit(), status.all());
            assertTrue(status.err().contains("SSL") && status.err().contains("sslmode"), status.all());
            assertFalse(status.err().contains("retrying"), status.all());
            assertTrue(seconds < 10, "took " + seconds + " s");
        }
    }
}
