package io.automigrate.git;

import io.automigrate.AutomigrateException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;

/**
 * Did the schema or the migrations change between two revisions? Answered from git alone (JGit), so that a pull
 * request that touches neither finishes without starting a database.
 */
public final class ChangeDetector {
    private ChangeDetector() {
    }

    /**
     * What a branch changed against its base branch: the relevant paths ({@code paths}: files or directories relative
     * to the repository root) that differ between {@code base} and {@code head}, compared from where {@code head} left
     * {@code base} (their merge base) when it lacks some of it; {@code head == null} means the working tree
     * (uncommitted and untracked files included). {@code root} is any folder inside the repository.
     */
    public static Detection detect(Path root, String base, String head, Collection<String> paths) {
        return detect(root, base, head, paths, true);
    }

    /**
     * What a push changed on one branch: the relevant paths that differ between {@code before} and {@code after}
     * ({@code null}: the working tree), compared directly, so that what a forced push dropped is deleted.
     */
    public static Detection pushed(Path root, String before, String after, Collection<String> paths) {
        return detect(root, before, after, paths, false);
    }

    private static Detection detect(Path root, String base, String head, Collection<String> paths,
                                    boolean fromMergeBase) {
        try (Repository repository = open(root); RevWalk walk = new RevWalk(repository);
             ObjectReader reader = repository.newObjectReader()) {
            RevCommit baseCommit = commit(repository, walk, base);
            RevCommit headCommit = !fromMergeBase ? null
                    : head != null ? commit(repository, walk, head) : headOrNull(repository, walk);
            // A head that lacks some of the base (a branch behind it) is compared from where it left the base, as a
            // pull request is: the base's later files are not deleted by this change, nor its later edits undone.
            RevCommit from = headCommit == null ? baseCommit : mergeBase(repository, baseCommit, headCommit);
            if (from == null) from = baseCommit; // unrelated histories: the base itself is all there is to compare with
            List<String> filters = relativeToTop(repository, root, paths);
            List<String> baseAhead = new ArrayList<>();
            if (!from.equals(baseCommit)) {
                for (DiffEntry entry : scan(repository, filters, tree(reader, from), tree(reader, baseCommit))) {
                    baseAhead.add(entry.getChangeType() == DiffEntry.ChangeType.DELETE
                            ? entry.getOldPath() : entry.getNewPath());
                }
            }
            AbstractTreeIterator oldTree = tree(reader, from);
            AbstractTreeIterator newTree = head == null ? new FileTreeIterator(repository)
                    : tree(reader, headCommit != null ? headCommit : commit(repository, walk, head));
            // With rename detection (git's, 60% similar by default): a migration file moved to another name is a
            // rename of a file the base has, which deploy treats differently from a new file.
            List<DiffEntry> entries = scan(repository, filters, oldTree, newTree);
            // The working tree's side is read through a fresh iterator: the scan's is spent, and a similar (not
            // identical) file's content must be read to be matched.
            RenameDetector renames = new RenameDetector(repository);
            renames.addAll(entries);
            ContentSource committed = ContentSource.create(reader);
            entries = renames.compute(new ContentSource.Pair(committed, head == null
                    ? ContentSource.create(new FileTreeIterator(repository)) : committed), NullProgressMonitor.INSTANCE);
            TreeSet<String> changed = new TreeSet<>();
            Map<String, Detection.Kind> kinds = new HashMap<>();
            Map<String, String> renamedFrom = new HashMap<>();
            for (DiffEntry entry : entries) {
                if (!entry.getOldPath().equals(DiffEntry.DEV_NULL)) changed.add(entry.getOldPath());
                if (!entry.getNewPath().equals(DiffEntry.DEV_NULL)) changed.add(entry.getNewPath());
                switch (entry.getChangeType()) {
                    case ADD, COPY -> kinds.put(entry.getNewPath(), Detection.Kind.ADDED);
                    case DELETE -> kinds.put(entry.getOldPath(), Detection.Kind.DELETED);
                    case MODIFY -> kinds.put(entry.getNewPath(), Detection.Kind.MODIFIED);
                    case RENAME -> {
                        kinds.put(entry.getOldPath(), Detection.Kind.DELETED);
                        kinds.put(entry.getNewPath(), Detection.Kind.RENAMED);
                        renamedFrom.put(entry.getNewPath(), entry.getOldPath());
                    }
                }
            }
            String method = "git diff " + abbreviate(from) + ".." + (head == null ? "working tree" : head)
                    + (from.equals(baseCommit) ? "" : " (where it left " + base + ", now at " + abbreviate(baseCommit)
                    + ")");
            return new Detection(!changed.isEmpty(), new ArrayList<>(changed), method, kinds, from.name(),
                    renamedFrom, Map.of(), baseAhead);
        } catch (IOException | org.eclipse.jgit.api.errors.CanceledException e) {
            throw AutomigrateException.badInput("cannot compare revisions in " + root + ": " + e.getMessage());
        }
    }

    private static List<DiffEntry> scan(Repository repository, List<String> filters, AbstractTreeIterator oldTree,
                                        AbstractTreeIterator newTree) throws IOException {
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            diff.setPathFilter(PathFilterGroup.createFromStrings(filters));
            return diff.scan(oldTree, newTree);
        }
    }

    /** The working tree's commit (HEAD); null in a repository without one. */
    private static RevCommit headOrNull(Repository repository, RevWalk walk) throws IOException {
        ObjectId id = repository.resolve(org.eclipse.jgit.lib.Constants.HEAD);
        return id == null ? null : walk.parseCommit(id);
    }

    /** The best common ancestor of two commits (git merge-base); null when they share none. */
    private static RevCommit mergeBase(Repository repository, RevCommit a, RevCommit b) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            return walk.next();
        }
    }

    /**
     * The same answer as {@link #detect} from a list of changed files found elsewhere ({@code changedFiles}: paths
     * relative to the repository's top, e.g. from the GitHub API or a push event's commits); {@code method} says where
     * the list came from.
     */
    public static Detection fromFiles(Path root, Collection<String> changedFiles, Collection<String> paths,
                                      String method) {
        return fromFiles(root, changedFiles, Map.of(), Map.of(), Map.of(), paths, method);
    }

    /**
     * As above, with what the list says of each file: {@code kinds} (files it does not name are UNKNOWN), the
     * base's path of each renamed file ({@code renamedFrom}, new path → old path; the old path is a changed file too)
     * and a modified file's first changed line from the list's diff of it ({@code changedLines}, see {@link
     * ChangedLine#fromPatch}; a file it does not name has no known line).
     */
    public static Detection fromFiles(Path root, Collection<String> changedFiles, Map<String, Detection.Kind> kinds,
                                      Map<String, String> renamedFrom, Map<String, Integer> changedLines,
                                      Collection<String> paths, String method) {
        List<String> filters;
        try (Repository repository = open(root)) {
            filters = relativeToTop(repository, root, paths);
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot open the git repository at " + root + ": " + e.getMessage());
        }
        TreeSet<String> changed = new TreeSet<>();
        for (String file : changedFiles) {
            for (String filter : filters) {
                if (filter.isEmpty() || file.equals(filter) || file.startsWith(filter + "/")) {
                    changed.add(file);
                    break;
                }
            }
        }
        Map<String, Detection.Kind> known = new HashMap<>();
        kinds.forEach((file, kind) -> {
            if (changed.contains(file)) known.put(file, kind);
        });
        Map<String, String> renames = new HashMap<>();
        renamedFrom.forEach((file, previous) -> {
            if (changed.contains(file)) renames.put(file, previous);
        });
        Map<String, Integer> lines = new HashMap<>();
        changedLines.forEach((file, line) -> {
            if (changed.contains(file) && line > 0) lines.put(file, line);
        });
        return new Detection(!changed.isEmpty(), new ArrayList<>(changed), method, known, null, renames, lines);
    }

    /**
     * Fetches commit {@code sha} (only it: depth 1) from the clone's {@code origin} into a shallow clone that lacks
     * it, so a pull request's base can be compared with git; {@code token} authenticates (actions/checkout keeps its
     * own credentials in an http header that JGit does not read). Null when the commit is now in the clone; else why
     * not, for the log.
     */
    public static String fetchCommit(Path root, String sha, String token) {
        if (!ObjectId.isId(sha)) return "'" + sha + "' is not a commit id";
        try (Repository repository = open(root); Git git = new Git(repository)) {
            if (repository.getConfig().getString("remote", "origin", "url") == null) return "the clone has no origin";
            git.fetch().setRemote("origin").setDepth(1)
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token",
                            token == null ? "" : token))
                    .setRefSpecs(new RefSpec(sha + ":refs/automigrate/base")).call();
            return hasCommit(root, sha) ? null : "origin did not send it";
        } catch (IOException | org.eclipse.jgit.api.errors.GitAPIException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return io.automigrate.Secrets.redact(message.lines().findFirst().orElse(""));
        }
    }

    /**
     * Writes the files under {@code paths} (relative to {@code root}) as they are at {@code revision} into {@code into},
     * at the same paths relative to it: what {@code plan --head REV} reads instead of the working tree.
     */
    public static void export(Path root, String revision, Collection<String> paths, Path into) {
        try (Repository repository = open(root); RevWalk walk = new RevWalk(repository);
             TreeWalk tree = new TreeWalk(repository)) {
            RevCommit commit = commit(repository, walk, revision);
            Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            Path base = root.toAbsolutePath().normalize();
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            tree.setFilter(PathFilterGroup.createFromStrings(relativeToTop(repository, root, paths).stream()
                    .map(p -> p.isEmpty() ? "." : p).toList()));
            while (tree.next()) {
                if (tree.getFileMode(0).getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB) continue;
                Path target = into.resolve(base.relativize(top.resolve(tree.getPathString())).toString());
                if (!target.normalize().startsWith(into)) continue;
                Files.createDirectories(target.getParent());
                Files.write(target, repository.open(tree.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot read " + String.join(", ", paths) + " at revision '" + revision
                    + "': " + e.getMessage());
        }
    }

    /**
     * The watched paths whose working-tree state differs from HEAD (edited, added or removed and not committed);
     * empty outside a git repository or before the first commit.
     */
    public static List<String> uncommitted(Path root, Collection<String> paths) {
        FileRepositoryBuilder builder = Repositories.find(root);
        if (builder.getGitDir() == null) return List.of();
        try (Repository repository = builder.build()) {
            if (repository.isBare() || repository.resolve("HEAD^{commit}") == null) return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        try {
            return detect(root, "HEAD", null, paths).changedFiles();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The text of {@code file} (relative to the repository's top) at {@code revision}; null when it is not there.
     * {@code root} is any folder inside the repository.
     */
    public static String textAt(Path root, String revision, String file) {
        try (Repository repository = open(root); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = commit(repository, walk, revision);
            try (TreeWalk tree = TreeWalk.forPath(repository, file, commit.getTree())) {
                if (tree == null) return null;
                return new String(repository.open(tree.getObjectId(0)).getBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw AutomigrateException.badInput("cannot read " + file + " at revision '" + revision + "': "
                    + e.getMessage());
        }
    }

    /**
     * When {@code revision} was committed (its committer time); null when it is not in the clone. A plan names its
     * migration after the commit it plans, so a re-run on the same commit writes the same file.
     */
    public static java.time.Instant commitTime(Path root, String revision) {
        try (Repository repository = open(root); RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision);
            if (id == null) return null;
            return java.time.Instant.ofEpochSecond(walk.parseCommit(id).getCommitTime());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Where the project folder {@code root} is inside its repository, as a prefix of paths from the repository's top:
     * empty at the top, {@code services/shop/} in a monorepo; empty outside a git repository.
     */
    public static String projectPrefix(Path root) {
        FileRepositoryBuilder builder = Repositories.find(root);
        if (builder.getGitDir() == null) return "";
        try (Repository repository = builder.build()) {
            if (repository.isBare()) return "";
            String relative = relativeToTop(repository, root, List.of(".")).get(0);
            return relative.isEmpty() || relative.equals(".") ? "" : relative + "/";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** True when {@code revision} names a commit present in the clone (a shallow clone may lack the base). */
    public static boolean hasCommit(Path root, String revision) {
        try (Repository repository = open(root); RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision);
            if (id == null) return false;
            walk.parseCommit(id);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Repository open(Path root) throws IOException {
        FileRepositoryBuilder builder = Repositories.find(root);
        if (builder.getGitDir() == null) {
            throw AutomigrateException.badInput(root + " is not inside a git repository: --base needs git history "
                    + "(run without --base to plan against the working tree)");
        }
        return builder.build();
    }

    private static RevCommit commit(Repository repository, RevWalk walk, String revision) throws IOException {
        ObjectId id = repository.resolve(revision);
        try {
            if (id != null) {
                return walk.parseCommit(id);
            }
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            // a full SHA resolves even when the clone lacks it (a shallow checkout): same answer as unknown
        }
        throw AutomigrateException.badInput("unknown revision '" + revision + "': it is not in this clone; in CI, "
                + "fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin " + revision + ")");
    }

    private static AbstractTreeIterator tree(ObjectReader reader, RevCommit commit) throws IOException {
        CanonicalTreeParser parser = new CanonicalTreeParser();
        parser.reset(reader, commit.getTree().getId());
        return parser;
    }

    /** Paths are given relative to {@code root}; git filters are relative to the work tree's top. */
    private static List<String> relativeToTop(Repository repository, Path root, Collection<String> paths) {
        Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        List<String> result = new ArrayList<>();
        for (String path : paths) {
            String relative = top.relativize(base.resolve(path).normalize()).toString().replace('\\', '/');
            result.add(relative.replaceAll("/+$", ""));
        }
        return result;
    }

    private static String abbreviate(RevCommit commit) {
        return commit.getId().abbreviate(7).name();
    }
}
