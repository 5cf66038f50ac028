package io.automigrate.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the GitHub REST API endpoints the action calls, answering as GitHub's REST documentation
 * shapes them, under a path prefix like a GitHub Enterprise server's {@code /api/v3}. Records every request.
 * Also runs on its own ({@link #main}) for scripts/container-smoke.sh.
 */
public final class GitHubStandIn implements AutoCloseable {
    /** One request as received: method, path (with query), the Authorization header, the body. */
    public record Request(String method, String path, String authorization, String body) {
        public boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/api/v3";

    private final HttpServer server;
    private final String repository;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, ObjectNode> comments = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile List<PullFile> pullRequestFiles = List.of();
    private final Path log;
    private long nextCommentId = 1_000_001;

    public GitHubStandIn(String repository) throws IOException {
        this(repository, 0, null);
    }

    private GitHubStandIn(String repository, int port, Path log) throws IOException {
        this.repository = repository;
        this.log = log;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The value of GITHUB_API_URL. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    /**
     * One entry of {@code GET /repos/{owner}/{repo}/pulls/{number}/files}: {@code status} is GitHub's (added, modified,
     * removed, renamed, ...; null leaves the field out, as a server that does not send it would), {@code previous}
     * the old path of a renamed file, {@code patch} the file's unified diff as GitHub sends it (its hunks only, no
     * header lines; null leaves the field out, as GitHub does for a binary file or a diff too large to show).
     */
    public record PullFile(String filename, String status, String previous, String patch) {
        public PullFile(String filename, String status, String previous) {
            this(filename, status, previous, null);
        }

        /** This entry as GitHub lists a binary file, or one whose diff is too large: no {@code patch}. */
        public PullFile withoutPatch() {
            return new PullFile(filename, status, previous, null);
        }
    }

    /** The pull request's files, each "modified" (what the tests that only need a list of names get). */
    public void pullRequestFiles(List<String> files) {
        pullRequestFiles = files.stream().map(f -> new PullFile(f, "modified", null)).toList();
    }

    public void pullRequestFileEntries(List<PullFile> files) {
        pullRequestFiles = List.copyOf(files);
    }

    /** The pull request's files as served now. */
    public List<PullFile> pullRequestFileEntries() {
        return pullRequestFiles;
    }

    /**
     * The pull request's files as GitHub lists them: the difference between {@code base} and {@code head} in the
     * repository at {@code gitDir}, with git's rename detection and each file's patch (git's diff with three lines of
     * context, as GitHub's); {@code withStatus} false leaves the status out.
     */
    public void pullRequestFiles(Path gitDir, String base, String head, boolean withStatus) throws IOException {
        List<PullFile> files = new ArrayList<>();
        try (org.eclipse.jgit.lib.Repository repository = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(gitDir.toFile()).build();
             org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repository);
             org.eclipse.jgit.diff.DiffFormatter diff = new org.eclipse.jgit.diff.DiffFormatter(
                     org.eclipse.jgit.util.io.DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            diff.setDetectRenames(true);
            for (org.eclipse.jgit.diff.DiffEntry e : diff.scan(walk.parseCommit(repository.resolve(base)).getTree(),
                    walk.parseCommit(repository.resolve(head)).getTree())) {
                String status = switch (e.getChangeType()) {
                    case ADD -> "added";
                    case DELETE -> "removed";
                    case MODIFY -> "modified";
                    case RENAME -> "renamed";
                    case COPY -> "copied";
                };
                String path = e.getChangeType() == org.eclipse.jgit.diff.DiffEntry.ChangeType.DELETE
                        ? e.getOldPath() : e.getNewPath();
                files.add(new PullFile(path, withStatus ? status : null,
                        e.getChangeType() == org.eclipse.jgit.diff.DiffEntry.ChangeType.RENAME ? e.getOldPath() : null,
                        patch(repository, e)));
            }
        }
        pullRequestFiles = List.copyOf(files);
    }

    /** GitHub's {@code patch} of one file: git's unified diff from its first hunk on (null when it has none). */
    private static String patch(org.eclipse.jgit.lib.Repository repository, org.eclipse.jgit.diff.DiffEntry entry)
            throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.eclipse.jgit.diff.DiffFormatter format = new org.eclipse.jgit.diff.DiffFormatter(out)) {
            format.setRepository(repository);
            format.format(entry);
        }
        String diff = out.toString(StandardCharsets.UTF_8);
        int hunk = diff.indexOf("\n@@"); // after the "diff --git", "index", "---" and "+++" lines
        return hunk < 0 ? null : diff.substring(hunk + 1).replaceAll("\n$", "");
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The comments on the pull request, oldest first: their bodies. */
    public List<String> commentBodies() {
        synchronized (comments) {
            return comments.values().stream().map(c -> c.get("body").asText()).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        if (override != null) method = override;
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rawPath = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Request request = new Request(method, rawPath + (query == null ? "" : "?" + query),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(request);
        if (log != null) {
            Files.writeString(log, JSON.writeValueAsString(request) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        try {
            answer(exchange, method, rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : rawPath, body);
        } catch (RuntimeException e) {
            send(exchange, 500, JSON.createObjectNode().put("message", e.toString()));
        }
    }

    private static final Pattern REPO = Pattern.compile("/repos/([^/]+/[^/]+)");
    private static final Pattern ISSUE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)");
    private static final Pattern ISSUE_COMMENTS = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
    private static final Pattern COMMENT = Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/(\\d+)");
    private static final Pattern PULL = Pattern.compile("/repos/([^/]+/[^/]+)/pulls/(\\d+)");
    private static final Pattern PULL_FILES = Pattern.compile("/repos/([^/]+/[^/]+)/pulls/(\\d+)/files");

    private void answer(HttpExchange exchange, String method, String path, String body) throws IOException {
        Matcher m;
        if ((m = REPO.matcher(path)).matches() && method.equals("GET")) {
            if (!m.group(1).equals(repository)) {
                send(exchange, 404, notFound());
                return;
            }
            send(exchange, 200, repositoryJson());
        } else if ((m = ISSUE.matcher(path)).matches() && method.equals("GET")) {
            send(exchange, 200, issueJson(Integer.parseInt(m.group(2))));
        } else if ((m = ISSUE_COMMENTS.matcher(path)).matches() && method.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            synchronized (comments) {
                comments.values().forEach(list::add);
            }
            send(exchange, 200, list);
        } else if ((m = ISSUE_COMMENTS.matcher(path)).matches() && method.equals("POST")) {
            ObjectNode comment = commentJson(nextCommentId++, Integer.parseInt(m.group(2)),
                    JSON.readTree(body).path("body").asText());
            comments.put(comment.get("id").asLong(), comment);
            send(exchange, 201, comment);
        } else if ((m = COMMENT.matcher(path)).matches() && method.equals("PATCH")) {
            ObjectNode comment = comments.get(Long.parseLong(m.group(2)));
            if (comment == null) {
                send(exchange, 404, notFound());
                return;
            }
            comment.put("body", JSON.readTree(body).path("body").asText());
            comment.put("updated_at", "2026-11-22T23:59:00Z");
            send(exchange, 200, comment);
        } else if ((m = PULL_FILES.matcher(path)).matches() && method.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            for (PullFile pulled : pullRequestFiles) {
                String file = pulled.filename();
                ObjectNode entry = list.addObject().put("sha", "bbcd538c8e72b8c175046e27cc8f907076331401")
                        .put("filename", file);
                if (pulled.status() != null) entry.put("status", pulled.status());
                entry.put("additions", 2).put("deletions", 1).put("changes", 3)
                        .put("blob_url", "https://github.com/" + repository + "/blob/HEAD/" + file)
                        .put("raw_url", "https://github.com/" + repository + "/raw/HEAD/" + file)
                        .put("contents_url", apiUrl() + "/repos/" + repository + "/contents/" + file);
                if (pulled.patch() != null) entry.put("patch", pulled.patch());
                if (pulled.previous() != null) entry.put("previous_filename", pulled.previous());
            }
            send(exchange, 200, list);
        } else if ((m = PULL.matcher(path)).matches() && method.equals("GET")) {
            send(exchange, 200, pullJson(Integer.parseInt(m.group(2))));
        } else {
            send(exchange, 404, notFound());
        }
    }

    private ObjectNode notFound() {
        return JSON.createObjectNode().put("message", "Not Found")
                .put("documentation_url", "https://docs.github.com/rest");
    }

    private ObjectNode user(String login, long id, String type) {
        return JSON.createObjectNode().put("login", login).put("id", id).put("type", type)
                .put("url", apiUrl() + "/users/" + login).put("html_url", "https://github.com/" + login)
                .put("site_admin", false);
    }

    private ObjectNode repositoryJson() {
        String owner = repository.substring(0, repository.indexOf('/'));
        ObjectNode repo = JSON.createObjectNode().put("id", 1296269).put("node_id", "MDEwOlJlcG9zaXRvcnkxMjk2MjY5")
                .put("name", repository.substring(owner.length() + 1)).put("full_name", repository)
                .put("private", false).put("html_url", "https://github.com/" + repository)
                .put("url", apiUrl() + "/repos/" + repository).put("default_branch", "main")
                .put("created_at", "2026-01-26T19:01:12Z").put("updated_at", "2026-11-22T19:14:43Z");
        repo.set("owner", user(owner, 1, "Organization"));
        repo.set("permissions", JSON.createObjectNode().put("admin", false).put("push", true).put("pull", true));
        return repo;
    }

    private ObjectNode issueJson(int number) {
        String base = apiUrl() + "/repos/" + repository + "/issues/" + number;
        ObjectNode issue = JSON.createObjectNode().put("id", 1).put("number", number).put("state", "open")
                .put("title", "Add display names").put("url", base).put("comments_url", base + "/comments")
                .put("html_url", "https://github.com/" + repository + "/pull/" + number).put("comments", comments.size())
                .put("created_at", "2026-11-22T19:14:43Z").put("updated_at", "2026-11-22T19:14:43Z");
        issue.set("user", user("octocat", 583231, "User"));
        issue.set("pull_request", JSON.createObjectNode().put("url", apiUrl() + "/repos/" + repository + "/pulls/" + number));
        return issue;
    }

    private ObjectNode pullJson(int number) {
        ObjectNode pull = JSON.createObjectNode().put("id", 1).put("number", number).put("state", "open")
                .put("url", apiUrl() + "/repos/" + repository + "/pulls/" + number)
                .put("html_url", "https://github.com/" + repository + "/pull/" + number);
        pull.set("user", user("octocat", 583231, "User"));
        return pull;
    }

    private ObjectNode commentJson(long id, int number, String body) {
        ObjectNode comment = JSON.createObjectNode().put("id", id).put("node_id", "IC_kwDOA" + id)
                .put("url", apiUrl() + "/repos/" + repository + "/issues/comments/" + id)
                .put("html_url", "https://github.com/" + repository + "/pull/" + number + "#issuecomment-" + id)
                .put("issue_url", apiUrl() + "/repos/" + repository + "/issues/" + number)
                .put("body", body).put("author_association", "NONE")
                .put("created_at", "2026-11-22T23:50:00Z").put("updated_at", "2026-11-22T23:50:00Z");
        comment.set("user", user("github-actions[bot]", 41898282, "Bot"));
        return comment;
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * {@code GitHubStandIn REPOSITORY PORT LOG [FILE...]}: serves until killed, answering the pull request's file
     * list with {@code FILE...} and appending each request to {@code LOG} as one JSON line.
     */
    public static void main(String[] args) throws Exception {
        GitHubStandIn standIn = new GitHubStandIn(args[0], Integer.parseInt(args[1]), Path.of(args[2]));
        standIn.pullRequestFiles(List.of(args).subList(3, args.length));
        System.out.println("GitHub stand-in for " + args[0] + " at " + standIn.apiUrl());
        Thread.currentThread().join();
    }
}
