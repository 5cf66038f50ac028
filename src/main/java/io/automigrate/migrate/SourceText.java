package io.automigrate.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * A changeset's SQL or rollback text as automigrate executes it, and where each of its lines stands in the migration
 * file ({@code lines[k]}, 1-based, and the column its text starts at, 0 for the line's start), so that an offset into
 * the text is reported as {@code file:line:col}.
 */
public record SourceText(String file, String text, int[] lines, int[] columns) {
    /** {@code file:line:col} of an offset into {@link #text}. */
    public String where(int offset) {
        return location(offset).toString();
    }

    /** The place of an offset into {@link #text} in the file, as errors carry it. */
    public io.automigrate.AutomigrateException.Location location(int offset) {
        return new io.automigrate.AutomigrateException.Location(file, line(offset), column(offset));
    }

    /** The file line of an offset into {@link #text}. */
    public int line(int offset) {
        return lines[row(offset)];
    }

    private int column(int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1;
        return offset - lineStart + 1 + columns[row(offset)];
    }

    private int row(int offset) {
        int row = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') row++;
        }
        return Math.min(row, lines.length - 1);
    }

    /** The lines of a text as they are read, each with its file line and the column its text starts at. */
    static final class Lines {
        private final List<String> texts = new ArrayList<>();
        private final List<Integer> lineNumbers = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();

        void add(String text, int line, int column) {
            texts.add(text);
            lineNumbers.add(line);
            starts.add(column);
        }

        boolean isEmpty() {
            return texts.isEmpty();
        }

        /** The lines joined and stripped, as a changeset holds them; the line map follows the stripping. */
        SourceText text(String file) {
            String raw = String.join("\n", texts);
            String stripped = raw.strip();
            int lead = stripped.isEmpty() ? 0 : raw.indexOf(stripped);
            int skippedRows = 0;
            int lastNewline = -1;
            for (int i = 0; i < lead; i++) {
                if (raw.charAt(i) == '\n') {
                    skippedRows++;
                    lastNewline = i;
                }
            }
            int rows = (int) stripped.chars().filter(c -> c == '\n').count() + 1;
            int[] lines = new int[rows];
            int[] columns = new int[rows];
            for (int r = 0; r < rows && skippedRows + r < lineNumbers.size(); r++) {
                lines[r] = lineNumbers.get(skippedRows + r);
                columns[r] = starts.get(skippedRows + r);
            }
            if (rows > 0) columns[0] += lead - lastNewline - 1;
            return new SourceText(file, stripped, lines, columns);
        }
    }
}
