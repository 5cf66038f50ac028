package io.automigrate.github;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A fresh {@link ActionFixture} (repositories, GitHub stand-in) per test. */
abstract class ActionTestBase {
    @TempDir
    Path dir;
    ActionFixture fixture;

    @BeforeEach
    void createFixture() throws Exception {
        fixture = new ActionFixture(dir);
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }
}
