package io.automigrate.git;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The git work tree a folder belongs to, and whether git ignores a path in it (its .gitignore files, info/exclude). */
public final class WorkTree {
    private WorkTree() {
    }

    /** The top folder of the git work tree holding {@code folder}, if it is in one. */
    public static Optional<Path> of(Path folder) {
        FileRepositoryBuilder builder = Repositories.builder(folder).readEnvironment().findGitDir(folder.toFile());
        if (builder.getGitDir() == null) return Optional.empty();
        try (Repository repository = builder.build()) {
            if (repository.isBare()) return Optional.empty();
            return Optional.of(repository.getWorkTree().toPath().toAbsolutePath().normalize());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * True when git ignores {@code path} (which must exist) or a folder above it in {@code workTree}: {@code git add
     * -A} would not pick it up.
     */
    public static boolean ignored(Path workTree, Path path) throws IOException {
        String relative = workTree.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
        if (relative.isEmpty()) return false;
        try (Repository repository = Repositories.builder(workTree).setWorkTree(workTree.toFile()).readEnvironment()
                .findGitDir(workTree.toFile()).build(); TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(new FileTreeIterator(repository));
            walk.setFilter(PathFilter.create(relative));
            while (walk.next()) {
                WorkingTreeIterator entry = walk.getTree(0, WorkingTreeIterator.class);
                if (entry != null && entry.isEntryIgnored()) return true;
                if (walk.getPathString().equals(relative)) return false;
                if (walk.isSubtree()) walk.enterSubtree();
            }
            return false;
        }
    }
}
