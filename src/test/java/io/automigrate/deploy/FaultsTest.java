package io.automigrate.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults during a deploy: the backend killed mid-apply, a server that starts late, and secrets kept out of output. */
class FaultsTest {
    @TempDir
    Path project;

    /** Sleeps as many seconds as the largest user id: long on the live database, not at all on an empty replay. */
    static final String SLOW = """
            --changeset automigrate:20260102000000_slow
            CREATE TABLE audit (id bigint PRIMARY KEY);
            SELECT pg_sleep(coalesce((SELECT max(id) FROM users), 0));
            --rollback DROP TABLE audit;
            """;

    @Test
    void backendTerminatedMidApplyExits3AndARerunCompletes() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "terminate")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            assertEquals(0, f.apply().exit());
            f.execute("INSERT INTO users (id, email) VALUES (30, 'slow@example.com')");
            f.migration("20260102000000_slow.sql", SLOW);
            String before = f.snapshot();

            CompletableFuture<DeployFixture.Outcome> running = CompletableFuture.supplyAsync(f::apply);
            List<String> killed = List.of();
            for (int i = 0; i < 600 && killed.isEmpty(); i++) {
                Thread.sleep(100);
                killed = f.query("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = "
                        + "current_database() AND application_name LIKE 'automigrate apply%' AND query LIKE '%pg_sleep%' "
                        + "AND pid <> pg_backend_pid()");
            }
            assertEquals(List.of("true"), killed, "the apply never reached the slow statement");
            DeployFixture.Outcome outcome = running.get(120, TimeUnit.SECONDS);
            assertEquals(3, outcome.exit(), outcome.all());
            assertTrue(outcome.err().contains("db/migrations/20260102000000_slow.sql: the connection to")
                    && outcome.err().contains("was lost") && outcome.err().contains("run the command again"), outcome.all());
            assertEquals(before, f.snapshot());

            f.execute("UPDATE users SET id = 0");
            DeployFixture.Outcome rerun = f.apply();
            assertEquals(0, rerun.exit(), rerun.all());
            assertTrue(f.tableExists("audit"));
        }
    }

    @Test
    void aServerThatStartsLateIsReachedWithinTheRetryBound() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "late")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            stagingWithRetries(f);
            int port = stagingBehindAFreePort(f);
            try (LateProxy proxy = new LateProxy(port, f.target.url().port(), 2000)) {
                DeployFixture.Outcome outcome = f.run("apply", "--env", "staging");
                assertEquals(0, outcome.exit(), outcome.all());
                assertTrue(outcome.err().contains("connection attempt 1/30 failed")
                        && outcome.err().contains("retrying in"), outcome.all());
                assertTrue(f.tableExists("users"));
                assertTrue(proxy.accepted > 0);
            }
        }
    }

    @Test
    void readOnlyCommandsWaitForADatabaseThatStartsLateAsApplyDoes() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "lateread")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            stagingWithRetries(f);
            f.environment.put("STAGING_DATABASE_URL", f.target.url().display());
            Files.writeString(project.resolve("db/schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n");
            assertEquals(0, f.run("apply", "--env", "staging").exit());
            for (String[] args : List.of(new String[] {"status", "--env", "staging", "--skip-drift"},
                    new String[] {"drift", "--env", "staging"})) {
                int port = stagingBehindAFreePort(f);
                try (LateProxy proxy = new LateProxy(port, f.target.url().port(), 1500)) {
                    DeployFixture.Outcome outcome = f.run(args);
                    assertEquals(0, outcome.exit(), args[0] + ": " + outcome.all());
                    assertTrue(outcome.err().contains("connection attempt 1/30 failed")
                            && outcome.err().contains("retrying in"), outcome.all());
                    assertTrue(proxy.accepted > 0);
                }
            }
        }
    }

    @Test
    void thePasswordAppearsInNoOutputAndNoFile() throws Exception {
        try (DeployFixture f = new DeployFixture(project, "secret")) {
            f.migration("20260101000000_add_users_table.sql", ApplyTest.USERS);
            String password = "Tr0ub4dor-and-3";
            // The test server trusts local connections: the password is sent and ignored, as a real one would be used.
            String url = "postgresql://postgres:" + password + "@localhost:" + f.target.url().port() + "/" + f.target.name();
            f.environment.put("STAGING_DATABASE_URL", url);
            f.config("environments:\n  staging:\n    url-env: STAGING_DATABASE_URL\n");
            StringBuilder all = new StringBuilder();
            for (String[] args : List.of(new String[] {"apply", "--url", url, "--dry-run"},
                    new String[] {"apply", "--url", url, "--format", "json"},
                    new String[] {"rollback", "--env", "staging", "--count", "1", "--format", "markdown"},
                    new String[] {"apply", "--env", "staging"},
                    new String[] {"rollback", "--url", url.replace("/" + f.target.name(), "/missing_db"), "--count", "1"})) {
                DeployFixture.Outcome outcome = f.run(args);
                all.append(outcome.all());
            }
            assertTrue(all.toString().contains("applied 1 changeset") && all.toString().contains("rolled back 1"), all.toString());
            assertFalse(all.toString().contains(password), all.toString());
            try (Stream<Path> files = Files.walk(project)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(password), file.toString());
                }
            }
        }
    }

    /** Environment 'staging' (its URL in STAGING_DATABASE_URL), retrying connections for up to a minute. */
    private static void stagingWithRetries(DeployFixture f) throws Exception {
        f.config("""
                environments:
                  staging:
                    url-env: STAGING_DATABASE_URL
                    retry: {attempts: 30, initial-delay: 100ms, max-delay: 500ms, max-wait: 60s}
                """);
    }

    /** Points staging's URL at a free local port where nothing listens yet (a LateProxy opens it); returns it. */
    private static int stagingBehindAFreePort(DeployFixture f) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        f.environment.put("STAGING_DATABASE_URL", "postgresql://postgres@127.0.0.1:" + port + "/" + f.target.name());
        return port;
    }

    /** Listens on {@code port} only after {@code delayMillis}, then forwards each connection to the real server. */
    static final class LateProxy implements AutoCloseable {
        private final Thread thread;
        private volatile ServerSocket server;
        volatile int accepted;

        LateProxy(int port, int targetPort, long delayMillis) {
            thread = new Thread(() -> {
                try {
                    Thread.sleep(delayMillis);
                    server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                    while (!server.isClosed()) {
                        Socket client = server.accept();
                        accepted++;
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                        pipe(client.getInputStream(), upstream.getOutputStream(), upstream);
                        pipe(upstream.getInputStream(), client.getOutputStream(), client);
                    }
                } catch (IOException | InterruptedException ignored) {
                    // closed
                }
            }, "late-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        private static void pipe(InputStream in, OutputStream out, Socket closeWhenDone) {
            Thread t = new Thread(() -> {
                try (closeWhenDone) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // one side closed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws Exception {
            thread.interrupt();
            if (server != null) server.close();
        }
    }
}
