package io.automigrate.github;

import io.automigrate.cli.Main;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repository as a user keeps it (a bare repository stands in for GitHub's remote; an author's clone commits to
 * it), checkouts as actions/checkout makes them, event payloads, and {@code automigrate action} run the way the
 * runner runs the container: with GITHUB_* and INPUT_* variables, against the GitHub stand-in.
 */
final class ActionFixture implements AutoCloseable {
    static final String TOKEN = "ghs_standInToken0123456789abcdefXYZ";
    static final String PASSWORD = "s3cret-Pa55-word";
    static final String BRANCH = "feature/display-name";

    static final String CONFIG = """
            environments:
              production:
                branches: [main]
                url-env: PRODUCTION_DATABASE_URL
                production: true
              staging:
                branches: [develop]
                url-env: STAGING_DATABASE_URL
            """;
    static final String SCHEMA_MAIN = """
            CREATE TABLE users (
                id bigint PRIMARY KEY,
                email text NOT NULL
            );
            """;
    static final String FIRST_MIGRATION = """
            --liquibase formatted sql

            --changeset automigrate:20261101000000_add_users_table
            CREATE TABLE public.users (
                id bigint NOT NULL PRIMARY KEY,
                email text NOT NULL
            );
            --rollback DROP TABLE public.users;
            """;

    record Run(int exit, String out, String err, String outputs, String summary) {
        String all() {
            return out + err + outputs + summary;
        }
    }

    final Path dir;
    final GitHubStandIn github;
    final Path remote;
    final Git author;
    final String mainSha;
    private int checkouts;

    ActionFixture(Path dir) throws Exception {
        this.dir = dir;
        github = new GitHubStandIn("octo-org/shop");
        remote = dir.resolve("remote.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        author = Git.init().setInitialBranch("main").setDirectory(dir.resolve("author").toFile()).call();
        author.getRepository().getConfig().setString("remote", "origin", "url", remote.toUri().toString());
        author.getRepository().getConfig().setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
        author.getRepository().getConfig().setString("user", null, "name", "Mona Octocat");
        author.getRepository().getConfig().setString("user", null, "email", "mona@example.com");
        mainSha = commitAndPush("main", "Users table", Map.of("automigrate.yml", CONFIG, "db/schema.sql", SCHEMA_MAIN,
                "db/migrations/20261101000000_add_users_table.sql", FIRST_MIGRATION));
        author.checkout().setCreateBranch(true).setName(BRANCH).call();
    }

    /** Writes the files in the author's clone, commits them on the current branch and pushes it. */
    String commitAndPush(String branch, String message, Map<String, String> files) throws Exception {
        Path work = author.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(work.resolve(file.getKey()).getParent());
            Files.writeString(work.resolve(file.getKey()), file.getValue());
        }
        author.add().addFilepattern(".").call();
        RevCommit commit = author.commit().setMessage(message).call();
        author.push().setRemote("origin").add(branch).call();
        return commit.name();
    }

    /** A fresh clone of {@code branch} as actions/checkout makes it; {@code depth} 1 is its default shallow clone. */
    Path checkout(String branch, int depth) throws Exception {
        Path workspace = dir.resolve("workspace-" + (++checkouts));
        var clone = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(workspace.toFile())
                .setBranch(branch);
        // actions/checkout fetches the one ref it checks out, no other branch
        if (depth > 0) clone.setDepth(depth).setBranchesToClone(List.of("refs/heads/" + branch));
        clone.call().close();
        return workspace;
    }

    String remoteTip(String branch) throws Exception {
        try (Git git = Git.open(remote.toFile())) {
            ObjectId id = git.getRepository().resolve("refs/heads/" + branch);
            return id == null ? null : id.name();
        }
    }

    /** An event payload from src/test/resources/github-events with its ${PLACEHOLDERS} filled in. */
    Path event(String name, Map<String, String> values) throws Exception {
        try (var in = ActionFixture.class.getResourceAsStream("/github-events/" + name + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            assertFalse(text.contains("${"), "unfilled placeholder in " + name);
            Path file = Files.createTempFile(dir, name, ".json");
            Files.writeString(file, text);
            return file;
        }
    }

    /** The runner's variables for a step on {@code workspace}, before the test's own inputs. */
    Map<String, String> environment(Path workspace, String eventName, Path event, String ref) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_EVENT_NAME", eventName);
        env.put("GITHUB_EVENT_PATH", event.toString());
        env.put("GITHUB_REF", ref);
        env.put("GITHUB_REPOSITORY", "octo-org/shop");
        env.put("GITHUB_API_URL", github.apiUrl());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_OUTPUT", Files.createTempFile(dir, "output", ".txt").toString());
        env.put("GITHUB_STEP_SUMMARY", Files.createTempFile(dir, "summary", ".md").toString());
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("INPUT_COMMAND", "auto");
        env.put("INPUT_GITHUB-TOKEN", TOKEN);
        env.put("INPUT_COMMENT", "true");
        env.put("INPUT_COMMIT", "false");
        env.put("INPUT_WORKING-DIRECTORY", ".");
        env.put("INPUT_DATABASE-URL", "");
        env.put("PRODUCTION_DATABASE_URL", "postgresql://app:" + PASSWORD + "@db.example.com:5432/shop");
        return env;
    }

    /** Runs {@code automigrate action}; plans use throwaway databases on the test server. */
    Run action(Map<String, String> env) throws Exception {
        try (ShadowDatabase admin = TestPostgres.newDatabase("admin")) {
            Map<String, String> full = new HashMap<>(env);
            full.put("AUTOMIGRATE_SHADOW", "url");
            full.put("AUTOMIGRATE_SHADOW_URL", admin.url().display());
            return run(full, null);
        }
    }

    /**
     * {@code deploys} null: the real CLI through {@code Main.run("action")}; else the Action with those deploy-side
     * workflows.
     */
    static Run run(Map<String, String> env, Action.Deploys deploys) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = deploys == null ? Main.run(new String[] {"action"}, o, e, env)
                    : Action.run(env, o, e, deploys, java.time.Instant.now());
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Files.readString(Path.of(env.get("GITHUB_OUTPUT"))), Files.readString(Path.of(env.get("GITHUB_STEP_SUMMARY"))));
    }

    /** The GITHUB_OUTPUT file's entries, both the name=value and the heredoc form. */
    static Map<String, String> outputs(String file) {
        Map<String, String> values = new HashMap<>();
        List<String> lines = file.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                for (i++; !lines.get(i).equals(delimiter); i++) {
                    value.append(value.length() > 0 ? "\n" : "").append(lines.get(i));
                }
                values.put(line.substring(0, heredoc), value.toString());
            } else {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    /** Neither the token nor the password appears anywhere but in the ::add-mask:: commands. */
    void assertNoSecrets(Run run) {
        for (String secret : List.of(TOKEN, PASSWORD)) {
            run.out().lines().filter(l -> l.contains(secret))
                    .forEach(l -> assertTrue(l.startsWith("::add-mask::"), "secret in the log: " + l));
            assertFalse(run.err().contains(secret), "secret on stderr");
            assertFalse(run.outputs().contains(secret), "secret in GITHUB_OUTPUT");
            assertFalse(run.summary().contains(secret), "secret in the job summary");
            for (GitHubStandIn.Request request : github.requests()) {
                assertFalse(request.body().contains(secret), "secret in a request body: " + request);
                assertFalse(request.path().contains(secret), "secret in a request path: " + request);
            }
        }
    }

    /**
     * The rendered sample comment of docs/github-action.md that follows the line starting with {@code introduction}
     * (a block quote), unquoted, with {@link #comparable} applied: the docs show what the code renders.
     */
    static String documentedComment(String introduction) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docs/github-action.md"), StandardCharsets.UTF_8);
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith(introduction)) at++;
        assertTrue(at < lines.size(), "docs/github-action.md has no line starting with " + introduction);
        while (!lines.get(at).startsWith(">")) at++;
        StringBuilder quoted = new StringBuilder();
        for (; at < lines.size() && lines.get(at).startsWith(">"); at++) {
            quoted.append(lines.get(at).replaceFirst("^> ?", "")).append('\n');
        }
        return comparable(quoted.toString());
    }

    /**
     * A comment without what differs from run to run (migration timestamps, commits, the version in lint links, the
     * throwaway server) or to GitHub's eye (blank lines with spaces, several blank lines in a row).
     */
    static String comparable(String comment) {
        return comment.replaceAll("(?m)^[ \\t]+$", "").replaceAll("\n{3,}", "\n\n")
                .replaceAll("#### Proof \\(.*\\((PostgreSQL \\d+)\\)\\)", "#### Proof (<server> ($1))")
                .replaceAll("\\d{14}", "<timestamp>")
                .replaceAll("head [0-9a-f]{7}", "head <head>")
                .replaceAll("git diff [0-9a-f]{7}\\.\\.", "git diff <base>..")
                .replaceAll("(https://github\\.com/automigrate/automigrate/blob/)[^/]+/", "$1<version>/")
                .strip() + "\n";
    }

    @Override
    public void close() {
        github.close();
        author.close();
    }
}
