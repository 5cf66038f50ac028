package io.automigrate.report;

/** Text that goes into markdown (a pull-request comment, a job summary) as prose, shown as written. */
final class Markdown {
    private Markdown() {
    }

    /**
     * {@code text} with {@code <}, {@code >} and {@code &} as HTML entities outside {@code `code spans`}: GitHub
     * renders markdown with inline HTML, so "{@code <old name>}" would be taken for a tag and vanish. Inside a code
     * span an entity would show as written, so code spans are left alone.
     */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean code = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') code = !code;
            if (code) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
