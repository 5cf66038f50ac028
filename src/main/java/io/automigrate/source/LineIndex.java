package io.automigrate.source;

import java.util.Arrays;

/** Character offsets of a text → 1-based line and column, for messages of the form {@code file:line:col}. */
final class LineIndex {
    private final int[] lineStarts;

    LineIndex(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    int line(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Offset of the first character of a 1-based line (the end of the text for lines past it). */
    int lineStart(int line) {
        return line - 1 < lineStarts.length ? lineStarts[Math.max(0, line - 1)] : Integer.MAX_VALUE;
    }

    /** The place of {@code offset} in {@code file}, as errors carry it. */
    io.automigrate.AutomigrateException.Location location(String file, int offset) {
        return new io.automigrate.AutomigrateException.Location(file, line(offset), column(offset));
    }
}
