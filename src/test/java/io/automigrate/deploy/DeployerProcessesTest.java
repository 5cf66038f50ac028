package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deployers as separate processes: six at once, and one killed while it holds Liquibase's lock. */
class DeployerProcessesTest {
    @TempDir
    Path project;

    private static final String LOCK_STATE = "SELECT CASE WHEN locked THEN 'locked' ELSE 'free' END FROM databasechangeloglock";

    private Process start(DeployFixture f, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.automigrate.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(project.toFile());
        builder.environment().putAll(f.environment);
        return builder.start();
    }

    @Test
    void sixDeployersAtOnceApplyEachChangesetOnce() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "concurrent")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            f.migration("20260102000000_add_orders_table.sql", ApplyTest.ORDERS);
            f.migration("20260103000000_add_tags_table.sql", """
                    --changeset automigrate:20260103000000_add_tags_table
                    CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);
                    --rollback DROP TABLE tags;
                    --changeset automigrate:20260103000000_add_tags_table-2
                    INSERT INTO tags (id, name) VALUES (1, 'first');
                    --rollback DELETE FROM tags WHERE id = 1;
                    """);
            List<Process> processes = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Path log = Files.createTempFile("deployer", ".log");
                logs.add(log);
                processes.add(start(f, log, "apply", "--url", f.url(), "--format", "json"));
            }
            int applied = 0;
            for (int i = 0; i < 6; i++) {
                assertTrue(processes.get(i).waitFor(170, TimeUnit.SECONDS), "deployer " + i + " did not finish");
                String output = Files.readString(logs.get(i), StandardCharsets.UTF_8);
                assertEquals(0, processes.get(i).exitValue(), output);
                assertTrue(output.contains("\"status\" : \"applied\"") || output.contains("\"status\" : \"up-to-date\""),
                        output);
                if (output.contains("\"status\" : \"applied\"")) {
                    applied += Integer.parseInt(output.replaceAll("(?s).*\"changesets\" : (\\d+).*", "$1"));
                }
                Files.delete(logs.get(i));
            }
            List<String> ids = f.changelogIds();
            assertEquals(5, ids.size(), ids.toString());
            assertEquals(5, new TreeSet<>(ids).size(), ids.toString());
            assertEquals(5, applied);
            assertEquals(List.of("1"), f.query("SELECT count(*) FROM tags"));
            assertTrue(f.tableExists("orders_user_id_idx"));
            assertEquals(List.of("free"), f.query(LOCK_STATE));
        }
    }

    @Test
    void aStaleLockLeftByAKilledDeployerIsReleased() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "killed")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            assertEquals(0, f.apply().exit());
            f.execute("INSERT INTO users (id, email) VALUES (60, 'slow@example.com')");
            // Outside a transaction: Liquibase commits its lock row before the statement runs.
            f.migration("20260102000000_slow.sql", """
                    --changeset automigrate:20260102000000_slow runInTransaction:false
                    SELECT pg_sleep(coalesce((SELECT max(id) FROM users), 0));
                    --rollback SELECT 1;
                    """);
            Path log = Files.createTempFile("killed", ".log");
            Process deployer = start(f, log, "apply", "--url", f.url());
            boolean sleeping = false;
            for (int i = 0; i < 900 && !sleeping && deployer.isAlive(); i++) {
                Thread.sleep(100);
                sleeping = !f.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND "
                        + "application_name LIKE 'automigrate apply%' AND query LIKE '%pg_sleep%'").isEmpty();
            }
            assertTrue(sleeping, Files.readString(log));
            deployer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Files.delete(log);
            // The killed process's statement may run on in its backend until it notices: end it as an operator would.
            f.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND "
                    + "query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()");
            assertEquals(List.of("locked"), f.query(LOCK_STATE), "the killed deployer left Liquibase's lock taken");

            f.execute("UPDATE users SET id = 0");
            DeployFixture.Outcome rerun = f.apply();
            assertEquals(0, rerun.exit(), rerun.all());
            assertTrue(rerun.err().contains("released a stale Liquibase lock") && rerun.out().contains("applied 1 "),
                    rerun.all());
            assertEquals(List.of("free"), f.query(LOCK_STATE));
            assertEquals(Set.of("20260101000000_add_users_table", "20260102000000_slow"), new TreeSet<>(f.changelogIds()));
        }
    }

}
