package io.automigrate.diff;

/** The second half of the corpus (see {@link CorpusConvergence}). */
class ConvergenceSecondHalfTest extends CorpusConvergence {

    @Override
    int half() {
        return 1;
    }
}
