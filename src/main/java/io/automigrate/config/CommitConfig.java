package io.automigrate.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code commit:} — whether and as whom the generated migration is committed to the pull request's branch. */
public record CommitConfig(
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("author-name") String authorName,
        @JsonProperty("author-email") String authorEmail,
        @JsonProperty("message") String message) {

    public CommitConfig {
        enabled = enabled != null && enabled;
        authorName = authorName == null ? "automigrate[bot]" : authorName;
        authorEmail = authorEmail == null ? "automigrate[bot]@users.noreply.github.com" : authorEmail;
        message = message == null ? "chore(db): add migration {name}" : message;
    }

    public static CommitConfig defaults() {
        return new CommitConfig(null, null, null, null);
    }
}
