package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application of examples/startup, compiled as it is and run as its own process (each run a boot):
 * against a database that lost a column and an index, the first boot repairs them, the second does nothing.
 */
class StartupExampleTest {
    private static final Path EXAMPLE = Path.of("examples/startup");

    @TempDir
    Path dir;

    /** The example's classes and resources, built against automigrate's class path. */
    private Path build() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        args.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, compiler.run(null, null, errors, args.toArray(String[]::new)),
                errors.toString(StandardCharsets.UTF_8));
        Path resources = EXAMPLE.resolve("src/main/resources");
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = classes.resolve(resources.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return classes;
    }

    private record Boot(int exit, String log) {
    }

    private static Boot boot(Path classes, String main, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), main)
                .redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(170, TimeUnit.SECONDS), log);
        return new Boot(process.exitValue(), log);
    }

    @Test
    void firstBootRepairsALostColumnAndIndexAndTheSecondDoesNothing() throws Exception {
        Path classes = build();
        try (DeployFixture f = new DeployFixture(dir.resolve("project"), "startup")) {
            Map<String, String> env = Map.of("DATABASE_URL", f.url(), "AUTOMIGRATE_SHADOW", "url",
                    "AUTOMIGRATE_SHADOW_URL", f.shadowAdmin.url().display(),
                    "AUTOMIGRATE_CACHE_DIR", dir.resolve("cache").toString());

            Boot install = boot(classes, "example.PlainApp", env);
            assertEquals(0, install.exit(), install.log());
            assertTrue(install.log().contains("[migrate] applied db/migrations/20261201090000_add_users_table.sql"),
                    install.log());
            assertTrue(install.log().contains("application started (migrations: APPLIED)"), install.log());

            f.execute("INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');"
                    + "ALTER TABLE users DROP COLUMN display_name; DROP INDEX users_email_idx;");

            Boot first = boot(classes, "example.DataSourceApp", env);
            assertEquals(0, first.exit(), first.log());
            assertTrue(first.log().contains("[migrate] repairing ") && first.log().contains(": 1 column, 1 index, in one "
                    + "transaction"), first.log());
            assertTrue(first.log().contains("[migrate] re-creating: add column public.users.display_name"), first.log());
            assertTrue(first.log().contains("[migrate] re-creating: create index public.users_email_idx"), first.log());
            assertTrue(first.log().contains("application started (migrations: UP_TO_DATE)"), first.log());
            assertEquals(List.of("t"), f.query("SELECT to_regclass('users_email_idx') IS NOT NULL"));
            assertEquals(List.of("2"), f.query("SELECT count(*) FROM users WHERE display_name = ''"));

            Boot second = boot(classes, "example.PlainApp", env);
            assertEquals(0, second.exit(), second.log());
            assertTrue(second.log().contains("[migrate] nothing to repair"), second.log());
            assertFalse(second.log().contains("re-creating"), second.log());
            assertEquals(List.of("1"), f.query("SELECT count(*) FROM automigrate_repairs"));

            Boot off = boot(classes, "example.PlainApp", Map.of("DATABASE_URL", f.url(), "AUTO_MIGRATE", "false"));
            assertEquals(0, off.exit(), off.log());
            assertTrue(off.log().contains("AUTO_MIGRATE=false") && off.log().contains("SWITCHED_OFF"), off.log());

            Boot local = boot(classes, "example.PlainApp", Map.of());
            assertEquals(0, local.exit(), local.log());
            assertEquals(1, local.log().lines().filter(l -> l.startsWith("[migrate]")).count(), local.log());
            assertTrue(local.log().contains("[migrate] automigrate: DATABASE_URL is not set: skipping migrations"),
                    local.log());
        }
    }
}
