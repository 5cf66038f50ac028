package io.automigrate.git;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an edit of a file starts: the first line of the new file that differs from the old one, counted as git counts
 * lines (a final newline ends the last line, it does not start another). Found from the two texts when both are at
 * hand (the base is in the clone), or from a unified diff's hunks ({@code @@ -a,b +c,d @@}) when only the diff is
 * (GitHub's {@code patch} of a pull request's file). Either way a change past the new file's end (a removed tail)
 * points at its last line, so the line is always one the new file has.
 */
public final class ChangedLine {
    private ChangedLine() {
    }

    private static final Pattern HUNK = Pattern.compile("@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@.*");

    /** 1-based: the first line where {@code after} differs from {@code before}, within {@code after}'s lines. */
    public static int between(String before, String after) {
        String a = before.replace("\r\n", "\n");
        String b = after.replace("\r\n", "\n");
        int line = 1;
        int i = 0;
        // Line by line, each with its newline: "x" and "x\n" differ (the line gained its end).
        while (i < a.length() && i < b.length()) {
            int endA = a.indexOf('\n', i);
            int endB = b.indexOf('\n', i);
            endA = endA < 0 ? a.length() : endA + 1;
            endB = endB < 0 ? b.length() : endB + 1;
            if (endA != endB || !a.regionMatches(i, b, i, endA - i)) break;
            i = endA;
            line++;
        }
        return within(line, b);
    }

    /**
     * 1-based: the new file's line where the first hunk of unified diff {@code patch} first adds or removes a line (a
     * removal: the line that now follows it, as {@link #between} says); 0 when there is no patch or it has no hunk
     * with a change. The caller keeps the line {@link #within} the new file (a removed tail points past its end).
     */
    public static int fromPatch(String patch) {
        if (patch == null) return 0;
        int line = -1; // the new file's line the next context or added line has; -1 before the first hunk
        for (String text : patch.replace("\r\n", "\n").split("\n", -1)) {
            Matcher hunk = HUNK.matcher(text);
            if (hunk.matches()) {
                int start = Integer.parseInt(hunk.group(1));
                // An empty new range names the line before it (unified diff's convention).
                line = hunk.group(2) != null && Integer.parseInt(hunk.group(2)) == 0 ? start + 1 : start;
            } else if (line < 0 || text.startsWith("\\")) {
                // a header before the first hunk, or "\ No newline at end of file"
            } else if (text.startsWith("+") || text.startsWith("-")) {
                return Math.max(1, line);
            } else {
                line++; // a context line (an empty one may have lost its leading space)
            }
        }
        return 0;
    }

    /** {@code line} (1-based) kept within {@code text}'s lines: at most its last line, at least 1. */
    public static int within(int line, String text) {
        String t = text.replace("\r\n", "\n");
        long lines = t.chars().filter(c -> c == '\n').count() + (t.isEmpty() || t.endsWith("\n") ? 0 : 1);
        return (int) Math.max(1, Math.min(line, lines));
    }
}
