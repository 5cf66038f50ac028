package io.automigrate.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of the benchmark (see {@code bench/run.sh --help}). */
record BenchOptions(List<Integer> sizes, int repeat, int warmup, int pgVersion, Path pgDump, Path out,
                    Path resultsDir, boolean coldProcess, boolean profile, boolean explain, String note) {
    static final String USAGE = """
            usage: bench/run.sh [options]
              --sizes 100,1000,5000   numbers of tables (default 100,1000,5000)
              --repeat N              measured repetitions per size (default 5)
              --warmup N              unmeasured warm-up rounds per size (default 3)
              --pg-version 15         PostgreSQL major version of the embedded server (default 15; pg_dump must
                                      be the same major version or newer)
              --pg-dump PATH          the pg_dump to compare with (default /usr/bin/pg_dump)
              --out FILE              the markdown file whose results section is replaced (default
                                      docs/benchmarks.md); --out - prints the section instead
              --results DIR           where raw samples go as CSV (default bench/results)
              --no-cold               skip the fresh-JVM inspect process measurement
              --no-profile            skip the per-query timing of inspect (and --explain)
              --no-explain            skip EXPLAIN ANALYZE of each inspect query (written to --results)
              --note TEXT             a line to print with the results (e.g. "quiet machine")
            """;

    static BenchOptions parse(String[] args) {
        List<Integer> sizes = List.of(100, 1000, 5000);
        int repeat = 5;
        int warmup = 3;
        int pgVersion = 15;
        Path pgDump = Path.of("/usr/bin/pg_dump");
        Path out = Path.of("docs/benchmarks.md");
        Path results = Path.of("bench/results");
        boolean cold = true;
        boolean profile = true;
        boolean explain = true;
        String note = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--sizes" -> sizes = sizes(value(args, ++i, arg));
                case "--repeat" -> repeat = positive(value(args, ++i, arg), arg);
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--pg-version" -> pgVersion = positive(value(args, ++i, arg), arg);
                case "--pg-dump" -> pgDump = Path.of(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--results" -> results = Path.of(value(args, ++i, arg));
                case "--no-cold" -> cold = false;
                case "--no-profile" -> profile = false;
                case "--no-explain" -> explain = false;
                case "--note" -> note = value(args, ++i, arg);
                case "-h", "--help" -> throw new UsageException(null);
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        return new BenchOptions(sizes, repeat, warmup, pgVersion, pgDump, out, results, cold, profile, explain, note);
    }

    boolean printOnly() {
        return out.toString().equals("-");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text, String option) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + text + "'");
        }
        if (value < 1) {
            throw new UsageException(option + " must be at least 1");
        }
        return value;
    }

    private static List<Integer> sizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            sizes.add(positive(part, "--sizes"));
        }
        return List.copyOf(sizes);
    }

    /** A mistake on the command line; the message, then the usage, go to the user. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
