package io.automigrate.github;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.Secrets;
import io.automigrate.git.ChangedLine;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The GitHub REST calls the action makes on a pull request, through {@code org.kohsuke:github-api} at the API URL
 * the runner gives ({@code GITHUB_API_URL}: github.com or a GitHub Enterprise server). Reads: the pull request's
 * changed files and its comments. Writes: one comment per marker, created once and edited in place afterwards.
 */
public final class PullRequestApi {
    /** What {@link #upsertComment} did. */
    public enum CommentAction { CREATED, UPDATED, UNCHANGED, NONE }

    private final GHRepository repository;
    private final String repositoryName;

    private PullRequestApi(GHRepository repository, String repositoryName) {
        this.repository = repository;
        this.repositoryName = repositoryName;
    }

    public static PullRequestApi connect(String apiUrl, String token, String repositoryName) {
        try {
            GitHubBuilder builder = new GitHubBuilder().withEndpoint(apiUrl);
            // As an installation token (what GITHUB_TOKEN is): sent as "token ...", with no GET /user to find a
            // login, which an installation token may not read.
            if (token != null && !token.isBlank()) builder = builder.withAppInstallationToken(token);
            GitHub github = builder.build();
            return new PullRequestApi(github.getRepository(repositoryName), repositoryName);
        } catch (IOException e) {
            throw failure("cannot read the repository " + repositoryName + " at " + apiUrl, e);
        }
    }

    /**
     * One file the pull request changes (paths relative to the repository's top): {@code status} as GitHub gives it
     * (added, modified, removed, renamed, copied, changed, unchanged; empty when the server sent none),
     * {@code previous} a renamed file's old path (null otherwise), {@code changedLine} the new file's first changed
     * line as the file's {@code patch} says ({@link ChangedLine#fromPatch}; 0 when GitHub sends no patch, as for a
     * binary file or a diff too large to show).
     */
    public record ChangedFile(String path, String status, String previous, int changedLine) {
    }

    /** The files the pull request changes, with GitHub's status of each. */
    public List<ChangedFile> changedFiles(int number) {
        try {
            List<ChangedFile> files = new ArrayList<>();
            for (GHPullRequestFileDetail file : repository.getPullRequest(number).listFiles()) {
                files.add(new ChangedFile(file.getFilename(), file.getStatus() == null ? "" : file.getStatus(),
                        file.getPreviousFilename(), ChangedLine.fromPatch(file.getPatch())));
            }
            return files;
        } catch (IOException e) {
            throw failure("cannot list the files of pull request #" + number + " in " + repositoryName, e);
        }
    }

    /**
     * Edits the comment holding {@code marker} to {@code body}, or creates it when there is none and {@code create}
     * is true. Never a second comment for the same marker.
     */
    public CommentAction upsertComment(int number, String marker, String body, boolean create) {
        try {
            GHIssue issue = repository.getIssue(number);
            for (GHIssueComment comment : issue.listComments()) {
                if (comment.getBody() != null && comment.getBody().contains(marker)) {
                    if (comment.getBody().equals(body)) return CommentAction.UNCHANGED;
                    comment.update(body);
                    return CommentAction.UPDATED;
                }
            }
            if (!create) return CommentAction.NONE;
            issue.comment(body);
            return CommentAction.CREATED;
        } catch (IOException e) {
            throw failure("cannot comment on pull request #" + number + " in " + repositoryName, e);
        }
    }

    private static AutomigrateException failure(String what, IOException e) {
        String hint = "";
        if (e instanceof HttpException http && (http.getResponseCode() == 403 || http.getResponseCode() == 401)) {
            hint = ": the token may not do this; give the workflow 'permissions: pull-requests: write' (and "
                    + "'contents: read'), or set the action's github-token input";
        } else if (e instanceof GHFileNotFoundException) {
            hint = ": not found (a private repository needs a token that can read it)";
        }
        String status = e instanceof HttpException http && http.getResponseCode() > 0
                ? " (HTTP " + http.getResponseCode() + ")" : "";
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return new AutomigrateException(ExitCode.DATABASE, Secrets.redact(what + status + hint
                + (hint.isEmpty() ? ": " + message : "")), e);
    }
}
