package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four repairs started at once as separate processes: the deploy lock lets one repair, the others find nothing. */
class RepairProcessesTest {
    @TempDir
    Path project;

    @Test
    void fourRepairsAtOnceRepairOnce() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "repairs4")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            f.migration("20260102000000_add_orders_table.sql", ApplyTest.ORDERS);
            assertEquals(0, f.apply().exit());
            f.execute("DROP INDEX orders_user_id_idx; ALTER TABLE users DROP COLUMN email;");
            List<Process> processes = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path log = Files.createTempFile("repair", ".log");
                logs.add(log);
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        "io.automigrate.cli.Main", "repair", "--url", f.url(), "--format", "json");
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).directory(project.toFile());
                builder.environment().putAll(f.environment);
                processes.add(builder.start());
            }
            int repaired = 0;
            int nothing = 0;
            for (int i = 0; i < 4; i++) {
                assertTrue(processes.get(i).waitFor(170, TimeUnit.SECONDS), "repair " + i + " did not finish");
                String output = Files.readString(logs.get(i), StandardCharsets.UTF_8);
                assertEquals(0, processes.get(i).exitValue(), output);
                if (output.contains("\"status\" : \"repaired\"")) repaired++;
                if (output.contains("\"status\" : \"up-to-date\"")) nothing++;
                Files.delete(logs.get(i));
            }
            assertEquals(1, repaired);
            assertEquals(3, nothing);
            assertEquals(List.of("1"), f.query("SELECT count(*) FROM automigrate_repairs"));
            assertEquals(List.of("1 column, 1 index"), f.query("SELECT summary FROM automigrate_repairs"));
            assertTrue(f.tableExists("orders_user_id_idx"));
        }
    }
}
