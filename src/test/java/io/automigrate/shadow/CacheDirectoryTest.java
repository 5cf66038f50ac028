package io.automigrate.shadow;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where the embedded server's cache lives: what a job's environment says, not the account's home. */
class CacheDirectoryTest {
    @Test
    void homeFromTheEnvironmentWinsOverTheAccountsHome() {
        // a container action: the job sets HOME=/github/home, the password database still says /root
        assertEquals(Path.of("/github/home/.cache/automigrate"),
                ShadowServers.cacheDirectory(Map.of("HOME", "/github/home"), "/root"));
    }

    @Test
    void xdgCacheHomeWinsOverHome() {
        assertEquals(Path.of("/cache/automigrate"),
                ShadowServers.cacheDirectory(Map.of("HOME", "/github/home", "XDG_CACHE_HOME", "/cache"), "/root"));
    }

    @Test
    void theAccountsHomeWhenHomeIsUnsetOrBlank() {
        assertEquals(Path.of("/root/.cache/automigrate"), ShadowServers.cacheDirectory(Map.of(), "/root"));
        assertEquals(Path.of("/root/.cache/automigrate"), ShadowServers.cacheDirectory(Map.of("HOME", " "), "/root"));
    }

    @Test
    void anExplicitFolderOrOff() {
        assertEquals(Path.of("/work/cache"), ShadowServers.cacheDirectory(
                Map.of("AUTOMIGRATE_CACHE_DIR", "/work/cache", "HOME", "/github/home"), "/root"));
        assertNull(ShadowServers.cacheDirectory(Map.of("AUTOMIGRATE_CACHE", "off", "HOME", "/github/home"), "/root"));
    }
}
