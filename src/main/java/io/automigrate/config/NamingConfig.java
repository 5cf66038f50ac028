package io.automigrate.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code naming:} — how generated migrations are named. {@code author} is the Liquibase changeset author. */
public record NamingConfig(@JsonProperty("author") String author) {
    public NamingConfig {
        author = author == null ? "automigrate" : author;
    }

    public static NamingConfig defaults() {
        return new NamingConfig(null);
    }
}
