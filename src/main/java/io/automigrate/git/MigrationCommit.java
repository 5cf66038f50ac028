package io.automigrate.git;

import io.automigrate.AutomigrateException;
import io.automigrate.Secrets;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Commits a generated migration file onto a pull request's head branch and pushes it. The commit's parent is the
 * head commit itself, not whatever is checked out: {@code actions/checkout} checks out a merge commit on pull
 * requests, which must never end up on the author's branch.
 */
public final class MigrationCommit {
    /** {@code pushed} is the new commit's id, or null with {@code reason} saying why nothing was pushed. */
    public record Result(String pushed, String reason) {
    }

    private MigrationCommit() {
    }

    /**
     * {@code file}: the path of the file relative to the repository's top, {@code content} its bytes; {@code branch}
     * the head branch, {@code headSha} the commit it must still point at; {@code token} authenticates the fetch and
     * push over HTTPS (unused for local remotes).
     */
    public static Result commitAndPush(Path root, String file, byte[] content, String branch, String headSha,
                                       PersonIdent author, String message, String token) {
        return commitAndPush(root, java.util.Map.of(file, content), branch, headSha, author, message, token);
    }

    /**
     * As above, for every file of a migration ({@code files}: top-relative path → bytes), in one commit: a folder in
     * another tool's format may need more than one (a down migration, an undo file, drizzle-kit's journal).
     */
    public static Result commitAndPush(Path root, java.util.Map<String, byte[]> files, String branch, String headSha,
                                       PersonIdent author, String message, String token) {
        String file = String.join(", ", files.keySet());
        CredentialsProvider credentials = new UsernamePasswordCredentialsProvider("x-access-token",
                token == null ? "" : token);
        try (Repository repository = Repositories.find(root).build();
             Git git = new Git(repository)) {
            ObjectId head = ObjectId.fromString(headSha);
            if (!has(repository, head)) {
                // A shallow checkout of the merge commit lacks the head commit: fetch just the branch tip.
                git.fetch().setRemote("origin").setCredentialsProvider(credentials).setDepth(1)
                        .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch)).call();
                ObjectId tip = repository.resolve("refs/remotes/origin/" + branch);
                if (!head.equals(tip)) {
                    return new Result(null, "the branch " + branch + " moved on (now " + abbreviate(tip) + ", this run "
                            + "planned " + abbreviate(head) + "): the run for the newer commit plans again");
                }
            }
            ObjectId commit = commit(repository, head, files, author, message);
            Iterable<PushResult> results = git.push().setRemote("origin").setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec(commit.name() + ":refs/heads/" + branch)).call();
            for (PushResult result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate("refs/heads/" + branch);
                if (update != null && update.getStatus() != RemoteRefUpdate.Status.OK
                        && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                    return new Result(null, "the push to " + branch + " was refused (" + update.getStatus()
                            + (update.getMessage() == null ? "" : ": " + update.getMessage()) + "): the branch moved "
                            + "on or is protected; the run for the newer commit plans again");
                }
            }
            followLocally(repository, head, commit);
            return new Result(commit.name(), null);
        } catch (IOException | GitAPIException e) {
            throw AutomigrateException.badInput(Secrets.redact("cannot commit " + file + " to " + branch + ": "
                    + e.getMessage() + " (the workflow needs 'permissions: contents: write')"));
        }
    }

    /** The head commit's tree with {@code files} added or replaced, as a new commit on top of {@code head}. */
    private static ObjectId commit(Repository repository, ObjectId head, java.util.Map<String, byte[]> files,
                                   PersonIdent author, String message) throws IOException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader();
             ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit parent = walk.parseCommit(head);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            try (TreeWalk tree = new TreeWalk(reader)) {
                tree.addTree(parent.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    if (files.containsKey(tree.getPathString())) continue;
                    DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
                    entry.setFileMode(tree.getFileMode(0));
                    entry.setObjectId(tree.getObjectId(0));
                    builder.add(entry);
                }
            }
            for (java.util.Map.Entry<String, byte[]> f : files.entrySet()) {
                DirCacheEntry added = new DirCacheEntry(f.getKey());
                added.setFileMode(FileMode.REGULAR_FILE);
                added.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.getValue()));
                builder.add(added);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(parent);
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    /** When the checkout stands on the head commit, it moves to the new commit (the file is already in the tree). */
    private static void followLocally(Repository repository, ObjectId head, ObjectId commit) throws IOException {
        Ref current = repository.exactRef(Constants.HEAD);
        if (current == null || !head.equals(current.getObjectId())) return;
        RefUpdate update = repository.updateRef(current.isSymbolic() ? current.getTarget().getName() : Constants.HEAD,
                !current.isSymbolic());
        update.setNewObjectId(commit);
        update.setExpectedOldObjectId(head);
        update.setRefLogMessage("automigrate: add migration", false);
        update.update();
        // The index must match the new commit too, or git status shows the file as staged for deletion.
        try (Git git = new Git(repository)) {
            git.reset().setRef(commit.name()).call();
        } catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean has(Repository repository, ObjectId id) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.parseCommit(id);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String abbreviate(ObjectId id) {
        return id == null ? "unknown" : id.abbreviate(7).name();
    }
}
