package io.automigrate.bench;

import java.util.List;

/**
 * Everything measured at one schema size. Null parts were not measured (option off, or stage unavailable).
 * {@code profile} holds one list of timed queries per profiled inspect.
 */
record SizeResult(int tables, int objects, SchemaGenerator.Generated schema, double loadSeconds, long dumpBytes,
                  Samples pgDump, Samples inspectWarm, Samples inspectCold, Diff identical, Diff changed,
                  String diffProblem, Heap heap, List<List<QueryProfile.Query>> profile, double benchSeconds) {

    /** This result with the wall time the benchmark spent on this size, everything included. */
    SizeResult took(double seconds) {
        return new SizeResult(tables, objects, schema, loadSeconds, dumpBytes, pgDump, inspectWarm, inspectCold,
                identical, changed, diffProblem, heap, profile, seconds);
    }

    /** Diff + render of two catalogs: wall and CPU time per run, rendering alone, and what it found. */
    record Diff(Samples millis, Samples cpuMillis, Samples renderMillis, int changes, int statements) {
        /** Median wall microseconds per catalog object. */
        double microsPerObject(int objects) {
            return millis.median() * 1000 / objects;
        }

        /** Median CPU microseconds per catalog object. */
        double cpuMicrosPerObject(int objects) {
            return cpuMillis.median() * 1000 / objects;
        }
    }

    /**
     * Heap during inspect of both databases, diff and render: {@code baseline} in use (after a full collection)
     * before, the {@code peak} in use during, and what the catalogs and the migration {@code retained} (after a
     * full collection, above the baseline). {@code withDiff} is false when only the two inspects ran.
     */
    record Heap(long baseline, long peak, long retained, long collections, boolean withDiff) {
    }

    double inspectRatio() {
        return inspectWarm.median() / pgDump.median();
    }
}
