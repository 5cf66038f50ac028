package io.automigrate.diff;

import io.automigrate.testing.Convergence;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The convergence oracle over the whole corpus: one test per directory in {@code src/test/resources/diff-cases}.
 * Each migration must converge (see {@link Convergence}) and show the SQL and notes its case expects.
 * {@code -Ddiff.cases=enum-,rename-table} runs only the cases whose name contains one of the given parts.
 *
 * <p>A case with a {@code known-failure.txt} is an engine defect not fixed yet; the file says what goes wrong. Such a
 * case must still fail (it counts as a known defect, never as coverage): when the engine is fixed, its test fails
 * with "now converges" until the file is removed.
 */
class ConvergenceTest {

    @TestFactory
    Stream<DynamicTest> everyCaseConverges() {
        return DiffCase.selected().stream().map(c -> knownFailure(c) == null
                ? DynamicTest.dynamicTest(c.name(), c.directory().toUri(), () -> check(c))
                : DynamicTest.dynamicTest("known failure: " + c.name(), c.directory().toUri(), () -> stillFails(c)));
    }

    private static String knownFailure(DiffCase c) {
        Path marker = c.directory().resolve("known-failure.txt");
        try {
            return Files.exists(marker) ? Files.readString(marker).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stillFails(DiffCase c) {
        try {
            check(c);
        } catch (AssertionError expected) {
            return;
        }
        fail(c.name() + " now converges: delete its known-failure.txt (" + knownFailure(c) + ")");
    }

    private static void check(DiffCase c) {
        Convergence.Result result = Convergence.check(c.fromSql(), c.toSql(), c.options());
        List<String> problems = problems(c, result);
        if (!problems.isEmpty()) {
            fail(c.name() + ": " + String.join("; ", problems) + "\n--- forward SQL ---\n" + result.forwardSql()
                    + "--- rollback SQL ---\n" + result.rollbackSql() + "--- notes ---\n"
                    + String.join("\n", result.notes()));
        }
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
