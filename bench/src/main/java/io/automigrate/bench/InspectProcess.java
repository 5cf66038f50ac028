package io.automigrate.bench;

import io.automigrate.db.DatabaseUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs {@link InspectOnce} in a fresh JVM and measures the process's wall time, as pg_dump's is measured. */
final class InspectProcess {
    private InspectProcess() {
    }

    static double run(DatabaseUrl url) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                InspectOnce.class.getName(), url.host(), Integer.toString(url.port()), url.database(), url.user());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (url.password() != null) {
            builder.environment().put("PGPASSWORD", url.password());
        }
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            double millis = (System.nanoTime() - start) / 1e6;
            if (exit != 0) {
                throw new IllegalStateException("inspect in a fresh JVM failed with exit code " + exit + ": " + output);
            }
            return millis;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inspecting in a fresh JVM", e);
        }
    }
}
