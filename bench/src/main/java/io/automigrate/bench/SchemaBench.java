package io.automigrate.bench;

import io.automigrate.catalog.Catalog;
import io.automigrate.db.Connections;
import io.automigrate.db.DatabaseUrl;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import io.automigrate.source.SqlFile;
import io.automigrate.source.SqlLoader;
import io.automigrate.sql.MigrationRenderer;
import io.automigrate.sql.RenderedMigration;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The schema engine's benchmark (not a test): for each size, generates a schema, loads it into a database on a
 * throwaway embedded PostgreSQL, and measures inspect against {@code pg_dump --schema-only}, diff + render of
 * identical and of 1%-changed schemas, the heap used, and the time of each inspect query. Writes the results
 * section of {@code docs/benchmarks.md}. Run it with {@code bench/run.sh}.
 */
public final class SchemaBench {
    /** Diff timings repeat the operation until at least this long has passed, then take the mean. */
    private static final long MIN_DIFF_NANOS = 200_000_000L;

    private final BenchOptions options;
    private final PgDump pgDump;
    private final List<String> csv = new ArrayList<>(List.of("tables,measure,repetition,millis"));
    /** The start time, for file names. */
    private final String startedCompact;

    private SchemaBench(BenchOptions options) {
        this.options = options;
        this.pgDump = new PgDump(options.pgDump());
        this.startedCompact = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        new SchemaBench(options).run();
    }

    private void run() throws IOException, SQLException {
        String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String loadBefore = Machine.loadAverage();
        String pgDumpVersion = pgDump.version();
        log("pg_dump: " + pgDumpVersion + " (" + pgDump.executable() + ")");
        log("starting embedded PostgreSQL " + options.pgVersion() + " (binaries are fetched once on first use)");
        List<SizeResult> results = new ArrayList<>();
        String serverVersion;
        try (ShadowServer server = ShadowServers.start(ShadowOptions.embedded(options.pgVersion()))) {
            if (pgDump.majorVersion() < server.majorVersion()) {
                throw new IllegalStateException(pgDumpVersion + " cannot dump PostgreSQL " + server.majorVersion()
                        + ": pass --pg-version " + pgDump.majorVersion() + " or a newer --pg-dump");
            }
            serverVersion = prepareServer(server);
            log("server: PostgreSQL " + serverVersion);
            for (int size : options.sizes()) {
                long start = System.nanoTime();
                SizeResult result = measure(server, size);
                results.add(result.took((System.nanoTime() - start) / 1e9));
            }
        }
        Report.Environment environment = new Report.Environment(started, loadBefore, Machine.loadAverage(),
                serverVersion, pgDumpVersion, pgDump.executable().toString());
        String section = Report.section(options, environment, results);
        writeCsv();
        if (options.printOnly()) {
            System.out.print(section);
        } else {
            Report.replaceSection(options.out(), section);
            log("wrote " + options.out());
        }
    }

    /**
     * Turns off autovacuum on the benchmark's own throwaway server (it would run at random moments on the freshly
     * loaded catalogs, and hold databases open that are copied as templates) and returns the server's version.
     */
    private static String prepareServer(ShadowServer server) throws SQLException {
        try (ShadowDatabase probe = server.createDatabase("benchprobe");
             Connection c = probe.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET autovacuum = off");
            st.execute("SELECT pg_reload_conf()");
            try (ResultSet rs = st.executeQuery("SELECT current_setting('server_version')")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private SizeResult measure(ShadowServer server, int tables) throws IOException, SQLException {
        SchemaGenerator.Generated schema = new SchemaGenerator(tables).generate();
        log(tables + " tables: loading " + schema.schema().size() + " statements");
        long loadStart = System.nanoTime();
        try (ShadowDatabase base = server.createDatabase("benchbase")) {
            load(base, schema.schema(), "schema-" + tables + "-tables.sql");
            vacuum(base);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            log(tables + " tables: loaded in " + Report.seconds(loadSeconds) + "; applying the 1% change ("
                    + schema.change().size() + " statements)");
            try (ShadowDatabase changed = server.createDatabase("benchchanged", base.name())) {
                load(changed, schema.change(), "change-" + tables + "-tables.sql");
                vacuum(changed);
                return measure(tables, schema, loadSeconds, base, changed);
            }
        }
    }

    private SizeResult measure(int tables, SchemaGenerator.Generated schema, double loadSeconds,
                               ShadowDatabase base, ShadowDatabase changed) throws IOException {
        Path dumpFile = Files.createTempFile("automigrate-bench", ".sql");
        long dumpBytes;
        try {
            log(tables + " tables: warming up (" + options.warmup() + " rounds of inspect, diff and pg_dump)");
            for (int i = 0; i < options.warmup(); i++) {
                pgDump.dump(base.url(), dumpFile);
                tryDiff(inspect(base.url()), inspect(changed.url()));
            }
            if (options.coldProcess() && options.warmup() > 0) {
                InspectProcess.run(base.url()); // brings the jar into the page cache
            }
            pgDump.dump(base.url(), dumpFile);
            dumpBytes = Files.size(dumpFile);
        } finally {
            Files.deleteIfExists(dumpFile);
        }

        List<Double> dump = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        Path devNull = Path.of("/dev/null");
        for (int r = 1; r <= options.repeat(); r++) {
            dump.add(sample(tables, "pg_dump", r, pgDump.dump(base.url(), devNull)));
            warm.add(sample(tables, "inspect_warm", r, timeMillis(() -> inspect(base.url()))));
            if (options.coldProcess()) {
                cold.add(sample(tables, "inspect_cold_process", r, InspectProcess.run(base.url())));
            }
            log(tables + " tables: round " + r + "/" + options.repeat() + ": pg_dump "
                    + Report.millis(dump.get(r - 1)) + ", inspect " + Report.millis(warm.get(r - 1))
                    + (options.coldProcess() ? ", inspect in a fresh JVM " + Report.millis(cold.get(r - 1)) : ""));
        }

        Catalog current = inspect(base.url());
        int objects = current.objectCount();
        SizeResult.Diff identical = null;
        SizeResult.Diff changedDiff = null;
        String diffProblem = tryDiff(current, current);
        if (diffProblem == null) {
            identical = diff(tables, "diff_identical", current, inspect(base.url()));
            log(tables + " tables: diff + render of identical schemas " + Report.millis(identical.millis().median()));
            Catalog desired = inspect(changed.url());
            diffProblem = tryDiff(current, desired);
            if (diffProblem == null) {
                changedDiff = diff(tables, "diff_changed", current, desired);
                Files.writeString(options.resultsDir().resolve("migration-" + tables + "-tables.sql"),
                        diffAndRender(current, desired).forwardSql());
                log(tables + " tables: diff + render of 1%-changed schemas "
                        + Report.millis(changedDiff.millis().median()) + " (" + changedDiff.changes() + " changes)");
            } else {
                diffProblem = "the diff of the 1%-changed schemas failed: " + diffProblem;
            }
        }
        if (diffProblem != null) {
            log(tables + " tables: " + diffProblem);
        }
        current = null;

        SizeResult.Heap heap = heap(base.url(), changed.url(), changedDiff != null);
        log(tables + " tables: peak heap " + Report.mebibytes(heap.peak()));
        List<List<QueryProfile.Query>> profile = new ArrayList<>();
        for (int r = 0; options.profile() && r < options.repeat(); r++) {
            profile.add(profile(base.url()));
        }
        if (options.explain() && !profile.isEmpty()) {
            Path file = options.resultsDir().resolve("explain-" + tables + "-tables-" + startedCompact + ".txt");
            Explain.write(base.url(), profile.get(profile.size() - 1), file);
            log(tables + " tables: EXPLAIN ANALYZE of each inspect query in " + file);
        }
        return new SizeResult(tables, objects, schema, loadSeconds, dumpBytes, Samples.of(dump), Samples.of(warm),
                cold.isEmpty() ? null : Samples.of(cold), identical, changedDiff, diffProblem, heap, profile, 0);
    }

    /** Null when the diff stage works on these catalogs, else why not (e.g. it is not built yet). */
    private static String tryDiff(Catalog from, Catalog to) {
        try {
            diffAndRender(from, to);
            return null;
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
    }

    private SizeResult.Diff diff(int tables, String measure, Catalog from, Catalog to) {
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        List<Double> renderMillis = new ArrayList<>();
        SchemaDiff diff = SchemaDiffer.diff(from, to, DiffOptions.defaults());
        RenderedMigration migration = MigrationRenderer.render(diff);
        mean(() -> diffAndRender(from, to)); // unmeasured: the JIT compiles what this pair exercises
        for (int r = 1; r <= options.repeat(); r++) {
            double[] wallAndCpu = mean(() -> diffAndRender(from, to));
            millis.add(sample(tables, measure, r, wallAndCpu[0]));
            cpuMillis.add(sample(tables, measure + "_cpu", r, wallAndCpu[1]));
            renderMillis.add(sample(tables, measure + "_render_only", r,
                    mean(() -> MigrationRenderer.render(diff))[0]));
        }
        return new SizeResult.Diff(Samples.of(millis), Samples.of(cpuMillis), Samples.of(renderMillis),
                diff.changes().size(), migration.forward().size());
    }

    /**
     * Runs {@code work} repeatedly for at least {@link #MIN_DIFF_NANOS}; the mean wall time and the mean CPU time of
     * this thread for one run, in ms. CPU time does not count waiting for a core, so it stays meaningful on a busy
     * machine (but leaves out the collectors' threads).
     */
    private static double[] mean(Supplier<?> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        int runs = 0;
        do {
            Reference.reachabilityFence(work.get());
            runs++;
        } while (System.nanoTime() - start < MIN_DIFF_NANOS);
        return new double[] {(System.nanoTime() - start) / 1e6 / runs,
                (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / runs};
    }

    private static SizeResult.Heap heap(DatabaseUrl base, DatabaseUrl changed, boolean withDiff) {
        long baseline = HeapPeak.usedAfterFullGc();
        try (HeapPeak peak = new HeapPeak()) {
            Catalog from = inspect(base);
            Catalog to = inspect(changed);
            RenderedMigration migration = withDiff
                    ? diffAndRender(from, to) : null;
            long peakBytes = peak.peak();
            long retained = HeapPeak.usedAfterFullGc() - baseline;
            Reference.reachabilityFence(from);
            Reference.reachabilityFence(to);
            Reference.reachabilityFence(migration);
            return new SizeResult.Heap(baseline, peakBytes, retained, peak.collections(), withDiff);
        }
    }

    private static List<QueryProfile.Query> profile(DatabaseUrl url) {
        QueryProfile profile = new QueryProfile();
        try (Connection connection = Connections.open(url)) {
            CatalogInspector.inspect(profile.wrap(connection), InspectOptions.all());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the profiled connection: " + e.getMessage(), e);
        }
        return profile.queries();
    }

    /** Connect and inspect, as a run of the tool does. */
    static Catalog inspect(DatabaseUrl url) {
        try (Connection connection = Connections.open(url)) {
            return CatalogInspector.inspect(connection, InspectOptions.all());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the connection to " + url.display() + ": " + e.getMessage(),
                    e);
        }
    }

    private static RenderedMigration diffAndRender(Catalog from, Catalog to) {
        return MigrationRenderer.render(SchemaDiffer.diff(from, to, DiffOptions.defaults()));
    }

    private static double timeMillis(Supplier<?> work) {
        long start = System.nanoTime();
        Reference.reachabilityFence(work.get());
        return (System.nanoTime() - start) / 1e6;
    }

    private double sample(int tables, String measure, int repetition, double millis) {
        csv.add(tables + "," + measure + "," + repetition + "," + String.format(java.util.Locale.ROOT, "%.3f", millis));
        return millis;
    }

    /**
     * Writes the statements to {@code fileName} under the results folder (to read, or to load elsewhere) and loads
     * them with {@link SqlLoader}, as a plan loads a desired schema.
     */
    private void load(ShadowDatabase database, List<String> statements, String fileName) throws IOException {
        Files.createDirectories(options.resultsDir());
        Path file = options.resultsDir().resolve(fileName);
        Files.writeString(file, String.join(";\n\n", statements) + ";\n");
        SqlLoader.load(List.of(new SqlFile(fileName, file)), database.url());
    }

    /** Fresh statistics and visibility maps, so that neither side meets a catalog in a random state. */
    private static void vacuum(ShadowDatabase database) throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE)");
        }
    }

    private void writeCsv() throws IOException {
        Files.createDirectories(options.resultsDir());
        Path file = options.resultsDir().resolve("samples-" + startedCompact + ".csv");
        Files.write(file, csv);
        log("raw samples: " + file);
    }

    static void log(String message) {
        String time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now());
        System.err.println("[bench " + time + "] " + message);
    }
}
