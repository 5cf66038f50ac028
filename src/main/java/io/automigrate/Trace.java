package io.automigrate;

/**
 * Where a run's time goes: with {@code AUTOMIGRATE_TRACE=1}, each step prints the milliseconds since the first
 * step, and its thread, to stderr. Steps name fixed things only, never a URL or a value (see {@link Secrets}).
 */
public final class Trace {
    private static final boolean ON = !System.getenv().getOrDefault("AUTOMIGRATE_TRACE", "").matches("|0|false|off");
    private static final long START = System.nanoTime();

    private Trace() {
    }

    public static void step(String what) {
        if (ON) {
            System.err.printf("trace %6d ms [%s] %s%n", (System.nanoTime() - START) / 1_000_000,
                    Thread.currentThread().getName(), what);
        }
    }
}
