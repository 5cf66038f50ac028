package io.automigrate.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automigrate.AutomigrateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The parts of a workflow's event payload ({@code GITHUB_EVENT_PATH}) the action needs. */
public final class GitHubEvent {
    /** A push's {@code before} when it created the branch. */
    static final String ZERO_SHA = "0000000000000000000000000000000000000000";
    /** GitHub lists at most this many commits in a push payload. */
    static final int PUSH_COMMIT_LIMIT = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHubEvent() {
    }

    /**
     * A pull request: its number, base and head commits and branches, and the repositories they live in ({@code
     * headRepository} is null when the fork was deleted).
     */
    public record PullRequest(int number, String baseSha, String headSha, String baseRef, String headRef,
                              String baseRepository, String headRepository) {
        /** From a fork: the token must not be used to write, and nothing can be pushed to its branch. */
        public boolean fromFork() {
            return headRepository == null || !headRepository.equalsIgnoreCase(baseRepository);
        }
    }

    /**
     * A push: {@code before}/{@code after} commits, and the files its commits touched ({@code files} null when the
     * payload cannot tell: too many commits, a forced push, or a branch just created).
     */
    public record Push(String before, String after, String ref, boolean created, boolean deleted, List<String> files) {
        public Push {
            files = files == null ? null : List.copyOf(files);
        }
    }

    public static JsonNode read(Path eventPath) {
        if (eventPath == null) return JSON.createObjectNode();
        try {
            return JSON.readTree(Files.readString(eventPath));
        } catch (IOException e) {
            throw AutomigrateException.badInput("GITHUB_EVENT_PATH=" + eventPath + ": cannot read the event payload: "
                    + e.getMessage());
        }
    }

    public static PullRequest pullRequest(JsonNode event) {
        JsonNode pr = event.path("pull_request");
        if (pr.isMissingNode()) {
            throw AutomigrateException.badInput("the event payload holds no 'pull_request': is GITHUB_EVENT_PATH the "
                    + "payload of a pull_request event?");
        }
        JsonNode headRepo = pr.path("head").path("repo");
        return new PullRequest(pr.path("number").asInt(event.path("number").asInt()),
                pr.path("base").path("sha").asText(), pr.path("head").path("sha").asText(),
                pr.path("base").path("ref").asText(), pr.path("head").path("ref").asText(),
                pr.path("base").path("repo").path("full_name").asText(),
                headRepo.isMissingNode() || headRepo.isNull() ? null : headRepo.path("full_name").asText());
    }

    public static Push push(JsonNode event) {
        String before = event.path("before").asText("");
        boolean created = event.path("created").asBoolean(false) || before.isEmpty() || before.equals(ZERO_SHA);
        List<String> files = null;
        JsonNode commits = event.path("commits");
        if (!created && !event.path("forced").asBoolean(false) && commits.isArray()
                && commits.size() < PUSH_COMMIT_LIMIT) {
            Set<String> touched = new LinkedHashSet<>();
            for (JsonNode commit : commits) {
                for (String list : List.of("added", "removed", "modified")) {
                    commit.path(list).forEach(f -> touched.add(f.asText()));
                }
            }
            files = new ArrayList<>(touched);
        }
        return new Push(before, event.path("after").asText(""), event.path("ref").asText(""), created,
                event.path("deleted").asBoolean(false), files);
    }

    /** {@code inputs.environment} of a workflow_dispatch, or empty. */
    public static String dispatchEnvironment(JsonNode event) {
        return event.path("inputs").path("environment").asText("").strip();
    }
}
