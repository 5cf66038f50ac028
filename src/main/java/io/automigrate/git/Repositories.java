package io.automigrate.git;

import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

import java.nio.file.Path;

/** The one road to a repository: every class of this package finds the repository it reads through here. */
final class Repositories {
    static {
        // JGit measures a file system's timestamp resolution the first time it checks a file for racy changes (the
        // shallow file of a shallow clone, the index), about 3 s, and keeps the answer in the user's JGit config. A
        // container's HOME is new in every job, so every job would pay it: use JGit's conservative fallback (files
        // changed within 2 s of their snapshot are compared by content) unless a measured answer is already known.
        FS.FileStoreAttributes.setBackground(true);
    }

    private Repositories() {
    }

    /** A builder of the repository that holds {@code folder} ({@code getGitDir()} is null outside one). */
    static FileRepositoryBuilder find(Path folder) {
        return builder().findGitDir(folder.toAbsolutePath().toFile());
    }

    /** A builder, for a repository found another way (git's environment variables first). */
    static FileRepositoryBuilder builder() {
        return new FileRepositoryBuilder();
    }
}
