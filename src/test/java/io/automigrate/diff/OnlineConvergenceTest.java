package io.automigrate.diff;

import io.automigrate.sql.RenderOptions;
import io.automigrate.testing.Convergence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The convergence oracle over the whole corpus with the online-safe forms ({@link RenderOptions#online}), applied
 * changeset by changeset as Liquibase runs them. To keep the suite's time, a case whose online migration is the
 * offline one (no index, constraint or NOT NULL change with an online form) is only rendered: {@link ConvergenceTest}
 * proves that migration. A case with {@code known-failure.txt} (or {@code known-online-failure.txt}, for a defect
 * of the online form only) is always applied and must still fail. Cases with
 * {@code expect-online-contains.sql} must show those lines in the online forward SQL. {@code -Ddiff.cases=...}
 * selects cases as for {@link ConvergenceTest}.
 */
class OnlineConvergenceTest {
    private static final RenderOptions ONLINE = RenderOptions.online(Duration.ofSeconds(5));
    private static final AtomicInteger APPLIED = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyCaseConvergesInItsOnlineForm() {
        return DiffCase.selected().stream().map(c -> knownFailure(c)
                ? DynamicTest.dynamicTest("known failure: " + c.name(), c.directory().toUri(), () -> stillFails(c))
                : DynamicTest.dynamicTest(c.name(), c.directory().toUri(), () -> check(c)));
    }

    @AfterAll
    static void report() {
        System.out.println("OnlineConvergenceTest: " + APPLIED.get() + " cases applied in their online form");
    }

    /** {@code known-online-failure.txt}: a defect of the online form only (the offline migration converges). */
    private static boolean knownFailure(DiffCase c) {
        return Files.exists(c.directory().resolve("known-failure.txt"))
                || Files.exists(c.directory().resolve("known-online-failure.txt"));
    }

    /**
     * Fails as in {@link ConvergenceTest}: the online migration does not converge, or it lacks what the case expects
     * (some known defects are a needless or missing statement, not a failed proof).
     */
    private static void stillFails(DiffCase c) {
        Convergence.Result result;
        try {
            result = Convergence.checkOnline(c.fromSql(), c.toSql(), c.options(), ONLINE, false);
        } catch (AssertionError expected) {
            return;
        }
        if (ConvergenceTest.problems(c, result).isEmpty()) {
            fail(c.name() + " now converges in its online form and shows what it expects: see its known-failure.txt");
        }
    }

    private static void check(DiffCase c) {
        List<String> expected = onlineExpectations(c);
        Convergence.Result result = Convergence.checkOnline(c.fromSql(), c.toSql(), c.options(), ONLINE, true);
        if (result.applied()) APPLIED.incrementAndGet();
        assertEquals(c.noChanges(), result.migration().isEmpty(), c.name() + ": expected changes or none");
        String forward = DiffCase.squeeze(result.forwardSql());
        List<String> problems = new ArrayList<>();
        for (String line : expected) {
            if (!forward.contains(DiffCase.squeeze(line))) problems.add("online forward SQL lacks: " + line);
        }
        if (!problems.isEmpty()) {
            fail(c.name() + ": " + String.join("; ", problems) + "\n--- forward SQL ---\n" + result.forwardSql());
        }
        assertTrue(expected.isEmpty() || result.applied(), c.name() + " expects online forms but has none");
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
}
