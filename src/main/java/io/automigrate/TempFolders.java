package io.automigrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders automigrate writes (changelogs, copies of migrations) and removes when done. */
public final class TempFolders {
    private TempFolders() {
    }

    /** Removes {@code folder} and everything in it; best effort: the OS cleans temporary folders eventually. */
    public static void deleteQuietly(Path folder) {
        if (folder == null) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
