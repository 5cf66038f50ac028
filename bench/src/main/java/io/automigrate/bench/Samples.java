package io.automigrate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one quantity, in milliseconds. */
record Samples(List<Double> millis) {
    Samples {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        millis = List.copyOf(sorted);
    }

    static Samples of(List<Double> millis) {
        return new Samples(millis);
    }

    double median() {
        int n = millis.size();
        return n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2;
    }

    double min() {
        return millis.get(0);
    }

    double max() {
        return millis.get(millis.size() - 1);
    }

    /** Half the range as a percentage of the median: how far a single run may stray. */
    double spreadPercent() {
        return median() == 0 ? 0 : (max() - min()) / 2 / median() * 100;
    }

    int count() {
        return millis.size();
    }

    /** {@code median (min–max, ±spread%)}, for a table cell. */
    String describe() {
        return Report.millis(median()) + " (" + Report.millis(min()) + "–" + Report.millis(max()) + ", ±"
                + Math.round(spreadPercent()) + "%)";
    }
}
