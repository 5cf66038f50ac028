package io.automigrate.git;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The one road to a repository: every class of this package finds the repository it reads through here. */
final class Repositories {
    private static final Set<String> ASSUMED = ConcurrentHashMap.newKeySet();

    private Repositories() {
    }

    /** A builder of the repository that holds {@code folder} ({@code getGitDir()} is null outside one). */
    static FileRepositoryBuilder find(Path folder) {
        assumeTimestamps(folder);
        return builder().findGitDir(folder.toAbsolutePath().toFile());
    }

    /** A builder, for a repository found another way (git's environment variables first); {@code folder} is in it. */
    static FileRepositoryBuilder builder(Path folder) {
        assumeTimestamps(folder);
        return builder();
    }

    private static FileRepositoryBuilder builder() {
        return new FileRepositoryBuilder();
    }

    /**
     * The first time JGit checks a file of a file system for racy changes (a shallow clone's shallow file, a loose
     * ref), it measures that file system's timestamps, about 3 s of a busy core, and keeps the answer in its config
     * (~/.config/jgit/config). A container's is new in every job, so every job would pay it. Where JGit has no
     * answer yet, it gets its own conservative fallback instead, in memory only: timestamps 2 s coarse (a file
     * changed within 2 s of being read is read again) and a racy interval of 10 ms. The key is JGit's own
     * (java.vendor|java.version|file store); were it to change, JGit would measure again, which is slow, not wrong.
     */
    static void assumeTimestamps(Path folder) {
        try {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing == null) return;
            String key = System.getProperty("java.vendor") + "|" + System.getProperty("java.version") + "|"
                    + Files.getFileStore(existing).name();
            if (ASSUMED.add(key)) assume(SystemReader.getInstance().getJGitConfig(), key);
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            // JGit measures as it would without this: slower, never wrong
        }
    }

    /** Gives {@code key}'s file system JGit's fallback in {@code config} unless it has measured it; true if given. */
    static boolean assume(org.eclipse.jgit.lib.Config config, String key) {
        if (config.getString("filesystem", key, "timestampResolution") != null) return false; // measured before
        config.setString("filesystem", key, "timestampResolution", "2000000000 nanoseconds");
        config.setString("filesystem", key, "minRacyThreshold", "10000000 nanoseconds");
        return true;
    }
}
