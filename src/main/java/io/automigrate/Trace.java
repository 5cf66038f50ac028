package io.automigrate;

/**
 * Where a run's time goes: with {@code AUTOMIGRATE_TRACE=1}, each step prints the milliseconds since the process
 * started (so the JVM's own start counts; to about 10 ms), and its thread, to stderr. Steps name fixed things only,
 * never a URL or a value (see {@link Secrets}).
 */
public final class Trace {
    private static final boolean ON = !System.getenv().getOrDefault("AUTOMIGRATE_TRACE", "").matches("|0|false|off");
    /** The process's start in epoch milliseconds, read only when tracing; else this class's first use. */
    private static final long START_MILLIS = ON ? processStart() : 0;

    /**
     * From /proc (Linux: the process's start and the system's uptime, in hundredths of a second), so that the JVM's
     * own start counts, without java.management (a few hundred classes more for the image's archive to hold).
     */
    private static long processStart() {
        long now = System.currentTimeMillis();
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double started = Long.parseLong(fields[19]) / 100.0;   // field 22 of stat: starttime, in clock ticks
            double uptime = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"))
                    .split(" ")[0]);
            return now - Math.round((uptime - started) * 1000);
        } catch (java.io.IOException | RuntimeException e) {
            return now;
        }
    }

    public static void step(String what) {
        if (ON) {
            System.err.printf("trace %6d ms [%s] %s%n", System.currentTimeMillis() - START_MILLIS,
                    Thread.currentThread().getName(), what);
        }
    }
}
