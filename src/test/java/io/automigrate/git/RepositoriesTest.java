package io.automigrate.git;

import org.eclipse.jgit.lib.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What JGit is told about a file system's timestamps before it would measure them (see Repositories). */
class RepositoriesTest {
    private static final String KEY = "Debian|17.0.15|/dev/vda";

    private static Duration read(Config config, String name) {
        return Duration.ofNanos(config.getTimeUnit("filesystem", KEY, name, -1, TimeUnit.NANOSECONDS));
    }

    @Test
    void aFileSystemJGitHasNotMeasuredGetsItsConservativeFallbackInTheFormItReads() {
        Config fresh = new Config(); // a new container's HOME: nothing measured
        assertTrue(Repositories.assume(fresh, KEY));
        assertEquals(Duration.ofSeconds(2), read(fresh, "timestampResolution"));
        assertEquals(Duration.ofMillis(10), read(fresh, "minRacyThreshold"));
    }

    @Test
    void aMeasuredFileSystemKeepsJGitsOwnAnswer() throws Exception {
        Config measured = new Config();
        measured.fromText("[filesystem \"" + KEY + "\"]\n\ttimestampResolution = 3915 nanoseconds\n"
                + "\tminRacyThreshold = 0 nanoseconds\n");
        assertFalse(Repositories.assume(measured, KEY));
        assertEquals(Duration.ofNanos(3915), read(measured, "timestampResolution"));
        assertEquals(Duration.ZERO, read(measured, "minRacyThreshold"));
    }
}
