package io.automigrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** automigrate's own version (filled in by the build) and where the docs of that version are on GitHub. */
public final class Version {
    /** The repository action.yml and the docs name: the home of the action and its image. */
    public static final String REPOSITORY = "https://github.com/automigrate/automigrate";
    private static final String CURRENT = read();

    private Version() {
    }

    /** "1.2.0", "0.1.0-SNAPSHOT", or "unknown" outside a build. */
    public static String current() {
        return CURRENT;
    }

    /**
     * The absolute link to {@code path} (e.g. {@code docs/lint.md#am102}) in this version's docs: at its release tag
     * {@code v<version>}, or on {@code main} for a development build, which has no tag. A comment on any repository
     * links to text that matches the rules that produced it.
     */
    public static String docsUrl(String path) {
        return REPOSITORY + "/blob/" + ref(CURRENT) + "/" + path;
    }

    static String ref(String version) {
        boolean release = version.matches("\\d+\\.\\d+\\.\\d+");
        return release ? "v" + version : "main";
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/io/automigrate/version.txt")) {
            String version = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return version.isEmpty() || version.startsWith("$") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
