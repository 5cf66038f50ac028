package io.automigrate.shadow;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL's binaries unpacked in the cache folder: once, complete or not at all. A folder a killed run left
 * (no completion marker) is never used; two runs unpacking at once end with one complete copy.
 */
class PostgresBinariesTest {
    private static final PostgresBinaries BINARIES = PostgresBinaries.forMajor(PostgresBinaries.BUNDLED_MAJOR);

    @TempDir
    static Path shared;
    private static Path home;

    @TempDir
    Path cache;

    @BeforeAll
    static void install() throws Exception {
        home = BINARIES.install(shared);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void unpackedOnceWithTheMarkerLastAndUsedAfterwards() throws Exception {
        assertEquals(BINARIES.installationIn(shared), home);
        assertTrue(home.getFileName().toString().startsWith("postgres-" + BINARIES.version() + "-"), home.toString());
        assertTrue(Files.isExecutable(home.resolve("bin/postgres")));
        assertTrue(Files.isRegularFile(home.resolve(PostgresBinaries.COMPLETE)));
        assertTrue(Files.isDirectory(home.resolve("share/postgresql/timezone")));
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            List<Path> links = libs.filter(Files::isSymbolicLink).toList();
            assertFalse(links.isEmpty(), "the archive's library links are links");
            for (Path link : links) assertTrue(Files.exists(link), link + " resolves");
        }
        assertEquals(List.of(home.getFileName().toString()), names(shared), "nothing else left in the cache");
        Object inode = Files.getAttribute(home.resolve(PostgresBinaries.COMPLETE), "unix:ino");
        assertEquals(home, BINARIES.install(shared));
        assertEquals(inode, Files.getAttribute(home.resolve(PostgresBinaries.COMPLETE), "unix:ino"), "not unpacked again");
    }

    @Test
    void aFolderWithoutTheMarkerIsNeverUsedAndTwoRunsAtOnceEndWithOneCopy() throws Exception {
        // What a killed run leaves: the final name without the marker, and an abandoned partial copy; plus a partial
        // copy of a run that may still be going (recent).
        Path unmarked = BINARIES.installationIn(cache);
        Files.createDirectories(unmarked.resolve("bin"));
        Files.copy(home.resolve("bin/postgres"), unmarked.resolve("bin/postgres"));
        Path abandoned = Files.createDirectories(cache.resolve("." + unmarked.getFileName() + ".killed"));
        Files.writeString(abandoned.resolve("half"), "x");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path recent = Files.createDirectories(cache.resolve("." + unmarked.getFileName() + ".running"));
        assertTrue(BINARIES.installed(cache).isEmpty(), "no marker: not a copy to use");

        CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> install(cache));
        CompletableFuture<Path> second = CompletableFuture.supplyAsync(() -> install(cache));
        assertEquals(unmarked, first.join());
        assertEquals(unmarked, second.join());
        assertTrue(Files.isRegularFile(unmarked.resolve(PostgresBinaries.COMPLETE)));
        assertTrue(Files.isDirectory(unmarked.resolve("share/postgresql")), "a complete copy replaced the unmarked one");
        assertEquals(List.of(recent.getFileName().toString(), unmarked.getFileName().toString()), names(cache),
                "the abandoned partial copy is removed, a recent one left to its run, no partial copy of ours left");
    }

    private static Path install(Path cache) {
        try {
            return BINARIES.install(cache);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
