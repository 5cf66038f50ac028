package io.automigrate.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the benchmark ran on, from /proc and the JVM. */
final class Machine {
    private Machine() {
    }

    static String cpuModel() {
        return procLines("/proc/cpuinfo").stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElse("unknown (no /proc/cpuinfo)");
    }

    static long cpuThreads() {
        return procLines("/proc/cpuinfo").stream().filter(l -> l.startsWith("processor")).count();
    }

    static String memory() {
        return procLines("/proc/meminfo").stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> l.replaceAll("\\D+", ""))
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0))
                .findFirst().orElse("unknown");
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg prints them. */
    static String loadAverage() {
        return procLines("/proc/loadavg").stream().findFirst()
                .map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3)))
                .orElse("unknown");
    }

    static String operatingSystem() {
        Optional<String> pretty = procLines("/etc/os-release").stream()
                .filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst();
        return pretty.orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version");
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
    }

    static String jvmOptions() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        long maxHeap = Runtime.getRuntime().maxMemory() / 1024 / 1024;
        return (arguments.isEmpty() ? "(defaults)" : String.join(" ", arguments)) + "; max heap " + maxHeap
                + " MiB; collectors: " + collectors;
    }

    private static List<String> procLines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            return List.of();
        }
    }
}
