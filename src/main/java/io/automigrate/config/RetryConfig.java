package io.automigrate.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;

/**
 * How apply and rollback retry: connecting (exponential backoff with jitter from {@code initialDelay} up to
 * {@code maxDelay}, at most {@code attempts} tries and {@code maxWait} in all), and a migration that failed only on
 * its {@code lock_timeout} ({@code lockTimeoutRetries} more tries).
 */
public record RetryConfig(
        @JsonProperty("attempts") Integer attempts,
        @JsonProperty("initial-delay") Duration initialDelay,
        @JsonProperty("max-delay") Duration maxDelay,
        @JsonProperty("max-wait") Duration maxWait,
        @JsonProperty("lock-timeout-retries") Integer lockTimeoutRetries) {

    public RetryConfig {
        attempts = attempts == null ? 8 : attempts;
        initialDelay = initialDelay == null ? Duration.ofMillis(500) : initialDelay;
        maxDelay = maxDelay == null ? Duration.ofSeconds(10) : maxDelay;
        maxWait = maxWait == null ? Duration.ofSeconds(60) : maxWait;
        lockTimeoutRetries = lockTimeoutRetries == null ? 3 : lockTimeoutRetries;
        if (attempts < 1) throw new IllegalArgumentException("'retry.attempts' must be at least 1");
        if (lockTimeoutRetries < 0) throw new IllegalArgumentException("'retry.lock-timeout-retries' cannot be negative");
    }

    public static RetryConfig defaults() {
        return new RetryConfig(null, null, null, null, null);
    }
}
