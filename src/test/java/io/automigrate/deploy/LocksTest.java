package io.automigrate.deploy;

import io.automigrate.deploy.DeployFixture.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deploy lock's holder is named to a deployer that gave up waiting; lock_timeout failures are retried. */
class LocksTest {
    @TempDir
    Path project;

    private static final String ADD_NICKNAME = """
            --changeset automigrate:20260102000000_add_users_nickname
            ALTER TABLE users ADD COLUMN nickname text;
            --rollback ALTER TABLE users DROP COLUMN nickname;
            """;

    private static DeployFixture fixture(Path project, String purpose, String settings) throws Exception {
        DeployFixture f = new DeployFixture(project, purpose);
        f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
        Outcome first = f.apply();
        assertEquals(0, first.exit(), first.all());
        f.migration("20260102000000_add_users_nickname.sql", ADD_NICKNAME);
        f.config("environments:\n  staging:\n    url-env: STAGING_DATABASE_URL\n" + settings);
        f.environment.put("STAGING_DATABASE_URL", f.url());
        return f;
    }

    @Test
    void aDeployerThatCannotGetTheLockSaysWhoHoldsIt() throws Exception {
        try (DeployFixture f = fixture(project, "held", "    lock-wait: 1s\n");
             Connection holder = f.target.connect()) {
            try (Statement st = holder.createStatement()) {
                st.execute("SET application_name = 'automigrate apply (ci-runner-7 pid 4242)'");
            }
            try (PreparedStatement st = holder.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                st.setInt(1, DeployLock.NAMESPACE);
                st.setInt(2, DeployLock.projectKey("db/migrations"));
                st.execute();
            }
            String before = f.snapshot();
            Outcome outcome = f.run("apply", "--env", "staging");
            assertEquals(3, outcome.exit(), outcome.all());
            assertTrue(outcome.err().contains("another deployer holds the deploy lock")
                    && outcome.err().contains("automigrate apply (ci-runner-7 pid 4242) from 127.0.0.1, connected since")
                    && outcome.err().contains("waited 1s"), outcome.all());
            assertTrue(outcome.err().contains("waiting for the deploy lock"), outcome.all());
            assertEquals(before, f.snapshot());
        }
    }

    @Test
    void aLockTimeoutIsRetriedAndThenReported() throws Exception {
        try (DeployFixture f = fixture(project, "locktimeout",
                "    lock-timeout: 300ms\n    retry: {initial-delay: 200ms, lock-timeout-retries: 2}\n")) {
            try (Connection blocker = f.target.connect()) {
                blocker.setAutoCommit(false);
                try (Statement st = blocker.createStatement()) {
                    st.execute("LOCK TABLE users IN ACCESS SHARE MODE");
                }
                String before = f.snapshot();
                Outcome refused = f.run("apply", "--env", "staging");
                assertEquals(3, refused.exit(), refused.all());
                assertTrue(refused.err().contains("a lock was not granted within lock-timeout (300ms) after 3 tries")
                        && refused.err().contains("trying again in 200ms (1/2)"), refused.all());
                assertEquals(before, f.snapshot());

                CompletableFuture<Outcome> retried = CompletableFuture.supplyAsync(() -> f.run("apply", "--env", "staging"));
                for (int i = 0; i < 600 && !retried.isDone(); i++) {
                    Thread.sleep(50);
                    if (!f.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type "
                            + "= 'Lock' AND application_name LIKE 'automigrate apply%'").isEmpty()) {
                        break;
                    }
                }
                blocker.rollback();
                Outcome outcome = retried.get(120, TimeUnit.SECONDS);
                assertEquals(0, outcome.exit(), outcome.all());
            }
            assertEquals(1, f.query("SELECT 1 FROM information_schema.columns WHERE column_name = 'nickname'").size());
        }
    }
}
