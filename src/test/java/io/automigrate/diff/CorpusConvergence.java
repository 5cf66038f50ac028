package io.automigrate.diff;

import io.automigrate.catalog.Catalog;
import io.automigrate.sql.RenderOptions;
import io.automigrate.testing.CatalogDifference;
import io.automigrate.testing.Convergence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The convergence oracle over the whole corpus: one test per directory in {@code src/test/resources/diff-cases},
 * checking the case itself (both files load, to.sql in one transaction, and they differ exactly when the case says
 * so), then proving the plain migration and then its online-safe form ({@link RenderOptions#online}, applied changeset by
 * changeset as Liquibase runs them). Both proofs share one loading of the case's schemas (see
 * {@link Convergence.Pair}). Each migration must converge (see {@link Convergence}) and show the SQL and notes its
 * case expects. The online form is applied only when it differs from the plain one (an index, constraint or NOT NULL
 * change with an online form); otherwise it is only rendered, since the plain proof covers it.
 * {@code -Ddiff.cases=enum-,rename-table} runs only the cases whose name contains one of the given parts.
 *
 * <p>The corpus is split in two halves, {@link ConvergenceTest} (the cases at even positions in name order) and
 * {@link ConvergenceSecondHalfTest} (odd positions), so that the build's two test JVMs can share it: as one class it
 * was the longest by far, and when a JVM took it up late the other one sat idle until it ended.
 *
 * <p>A case with a {@code known-failure.txt} is an engine defect not fixed yet; the file says what goes wrong. Such a
 * case must still fail (it counts as a known defect, never as coverage): when the engine is fixed, its test fails
 * with "now converges" until the file is removed. {@code known-online-failure.txt} is the same for a defect of the
 * online form only: the plain migration must converge and the online one must still fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorpusConvergence {
    private static final RenderOptions ONLINE = RenderOptions.online(Duration.ofSeconds(5));
    private final AtomicInteger appliedOnline = new AtomicInteger();

    /** 0: the cases at even positions of {@link DiffCase#all}; 1: those at odd positions. */
    abstract int half();

    @TestFactory
    Stream<DynamicTest> everyCaseConverges() {
        List<DiffCase> all = DiffCase.all();
        java.util.Set<String> selected = DiffCase.selected().stream().map(DiffCase::name)
                .collect(java.util.stream.Collectors.toSet());
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 2 == half()).mapToObj(all::get)
                .filter(c -> selected.contains(c.name())).map(c -> marker(c, "known-failure.txt") == null
                ? DynamicTest.dynamicTest(c.name(), c.directory().toUri(), () -> check(c))
                : DynamicTest.dynamicTest("known failure: " + c.name(), c.directory().toUri(), () -> stillFails(c)));
    }

    @AfterAll
    void report() {
        System.out.println(getClass().getSimpleName() + ": " + appliedOnline.get()
                + " cases applied in their online form");
    }

    private static String marker(DiffCase c, String file) {
        Path marker = c.directory().resolve(file);
        try {
            return Files.exists(marker) ? Files.readString(marker).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plain migration fails its proof or lacks what the case expects (a known defect may be either). The case
     * must still load and mean what it says.
     */
    private void stillFails(DiffCase c) {
        try (Convergence.Pair pair = Convergence.Pair.load(c.fromSql(), c.toSql(), c.options())) {
            meansWhatItSays(c, pair);
            try {
                if (!problems(c, pair.prove(RenderOptions.offline(), false)).isEmpty()) {
                    return;
                }
            } catch (AssertionError expected) {
                return;
            }
        }
        fail(c.name() + " now converges: delete its known-failure.txt (" + marker(c, "known-failure.txt") + ")");
    }

    private void check(DiffCase c) {
        try (Convergence.Pair pair = Convergence.Pair.load(c.fromSql(), c.toSql(), c.options())) {
            meansWhatItSays(c, pair);
            Convergence.Result plain = pair.prove(RenderOptions.offline(), false);
            List<String> problems = problems(c, plain);
            if (!problems.isEmpty()) {
                fail(c.name() + ": " + String.join("; ", problems) + "\n--- forward SQL ---\n" + plain.forwardSql()
                        + "--- rollback SQL ---\n" + plain.rollbackSql() + "--- notes ---\n"
                        + String.join("\n", plain.notes()));
            }
            if (marker(c, "known-online-failure.txt") != null) {
                onlineStillFails(c, pair);
            } else {
                checkOnline(c, pair);
            }
        }
    }

    private void onlineStillFails(DiffCase c, Convergence.Pair pair) {
        try {
            if (!problems(c, pair.prove(ONLINE, false)).isEmpty()) {
                return;
            }
        } catch (AssertionError expected) {
            return;
        }
        fail(c.name() + " now converges in its online form and shows what it expects: delete its"
                + " known-online-failure.txt");
    }

    private void checkOnline(DiffCase c, Convergence.Pair pair) {
        List<String> expected = onlineExpectations(c);
        Convergence.Result online = pair.prove(ONLINE, true);
        if (online.applied()) appliedOnline.incrementAndGet();
        List<String> problems = new ArrayList<>();
        if (c.noChanges() != online.migration().isEmpty()) {
            problems.add(c.noChanges() ? "expected no changes in the online form" : "the online migration is empty");
        }
        String forward = DiffCase.squeeze(online.forwardSql());
        for (String line : expected) {
            if (!forward.contains(DiffCase.squeeze(line))) problems.add("online forward SQL lacks: " + line);
        }
        if (!expected.isEmpty() && !online.applied()) {
            problems.add("expects online forms but the online migration is the plain one");
        }
        if (!problems.isEmpty()) {
            fail(c.name() + " (online form): " + String.join("; ", problems) + "\n--- online forward SQL ---\n"
                    + online.forwardSql());
        }
    }

    private static List<String> onlineExpectations(DiffCase c) {
        Path file = c.directory().resolve("expect-online-contains.sql");
        try {
            return !Files.exists(file) ? List.of() : Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The case itself is sound: its to.sql loads in one transaction (so it is read and rolled back on the shared
     * database; from.sql loaded already), and the two files inspect to different catalogs exactly when the case
     * expects changes.
     */
    private static void meansWhatItSays(DiffCase c, Convergence.Pair pair) {
        assertTrue(pair.desiredRolledBack(), c.name() + "/to.sql does not load in one transaction");
        Catalog from = Convergence.comparable(pair.before(), c.options());
        Catalog to = Convergence.comparable(pair.target(), c.options());
        // Re-creating misordered tables makes column order a difference the normalized catalogs leave aside.
        if (!c.noChanges() && c.options().rewriteColumnOrder()
                && !columnOrders(pair.before()).equals(columnOrders(pair.target()))) {
            return;
        }
        if (c.noChanges()) {
            assertEquals(from, to, () -> c.name() + " says noChanges, but its files differ:\n  "
                    + String.join("\n  ", CatalogDifference.describe(from, to)));
        } else {
            assertFalse(from.equals(to), c.name() + ": from.sql and to.sql inspect equal; mark it noChanges=true");
        }
    }

    private static Map<String, List<String>> columnOrders(Catalog catalog) {
        Map<String, List<String>> orders = new TreeMap<>();
        catalog.tables().forEach(t -> orders.put(t.qualifiedName().toString(),
                t.columns().stream().map(io.automigrate.catalog.Column::name).toList()));
        return orders;
    }

    /** What a converging migration lacks of what its case expects (SQL lines, notes, being empty or not). */
    static List<String> problems(DiffCase c, Convergence.Result result) {
        String forward = DiffCase.squeeze(result.forwardSql());
        String notes = DiffCase.squeeze(String.join("\n", result.notes()));
        List<String> problems = new ArrayList<>();
        // A case whose files mean the same schema proves nothing unless it says so.
        if (c.noChanges() != result.migration().isEmpty()) {
            problems.add(c.noChanges() ? "expected no changes" : "expected changes, the migration is empty");
        }
        for (String expected : c.expectedInForward()) {
            if (!forward.contains(DiffCase.squeeze(expected))) {
                problems.add("forward SQL lacks: " + expected);
            }
        }
        for (String absent : c.absentFromForward()) {
            if (forward.contains(DiffCase.squeeze(absent))) {
                problems.add("forward SQL must not contain: " + absent);
            }
        }
        for (String expected : c.expectedNotes()) {
            if (!notes.contains(DiffCase.squeeze(expected))) {
                problems.add("notes lack: " + expected);
            }
        }
        return problems;
    }
}
