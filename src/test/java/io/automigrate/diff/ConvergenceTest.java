package io.automigrate.diff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first half of the corpus (see {@link CorpusConvergence}), and the corpus's size. */
class ConvergenceTest extends CorpusConvergence {

    @Override
    int half() {
        return 0;
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(DiffCase.all().size() >= 140, "at least 140 cases, found " + DiffCase.all().size());
    }
}
