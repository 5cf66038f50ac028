package io.automigrate;

/**
 * Where a run's time goes: with {@code AUTOMIGRATE_TRACE=1}, each step prints the milliseconds since the process
 * started (so the JVM's own start counts), and its thread, to stderr. Steps name fixed things only, never a URL or a
 * value (see {@link Secrets}).
 */
public final class Trace {
    private static final boolean ON = !System.getenv().getOrDefault("AUTOMIGRATE_TRACE", "").matches("|0|false|off");
    /** The JVM's start in epoch milliseconds, read only when tracing (java.management costs a few classes). */
    private static final long START_MILLIS = ON ? jvmStart() : 0;

    private Trace() {
    }

    private static long jvmStart() {
        try {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        } catch (LinkageError e) {
            return System.currentTimeMillis();
        }
    }

    public static void step(String what) {
        if (ON) {
            System.err.printf("trace %6d ms [%s] %s%n", System.currentTimeMillis() - START_MILLIS,
                    Thread.currentThread().getName(), what);
        }
    }
}
