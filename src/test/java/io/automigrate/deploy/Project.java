package io.automigrate.deploy;

import io.automigrate.catalog.Catalog;
import io.automigrate.cli.Main;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.migrate.LiquibaseRunner;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A project folder as a user has it (automigrate.yml, db/schema.sql, db/migrations) and the CLI run on it through
 * {@link Main#run}: throwaway databases come from the test server through {@code --shadow url}.
 */
final class Project {
    /** Commands that take the shadow flags. */
    private static final Set<String> WITH_SHADOW = Set.of("plan", "diff", "status", "drift", "push", "init");

    final Path root;
    /** The process environment the CLI sees (environment URLs go here). */
    final Map<String, String> variables = new HashMap<>();

    Project(Path root) {
        this.root = root;
        variables.put("AUTOMIGRATE_PROJECT_DIR", root.toString());
    }

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShadowDatabase admin = TestPostgres.newDatabase("admin");
        try {
            String[] full = WITH_SHADOW.contains(args[0])
                    ? Stream.concat(Stream.of(args), Stream.of("--shadow", "url", "--shadow-url", admin.url().display()))
                    .toArray(String[]::new) : args;
            int exit = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), variables);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            admin.close();
        }
    }

    /** Runs and asserts the exit code, showing the output when it differs. */
    Run expect(int exit, String... args) {
        Run run = run(args);
        assertEquals(exit, run.exit(), String.join(" ", args) + "\n" + run.all());
        return run;
    }

    Project file(String relative, String text) {
        try {
            Path path = root.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Project schema(String sql) {
        try {
            Files.createDirectories(root.resolve("db/migrations"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file("db/schema.sql", sql);
    }

    List<String> migrations() {
        Path dir = root.resolve("db/migrations");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs plan and returns the file it wrote. */
    String plan() {
        List<String> before = migrations();
        expect(0, "plan");
        return migrations().stream().filter(f -> !before.contains(f)).findFirst()
                .orElseThrow(() -> new AssertionError("plan wrote no migration"));
    }

    /** Applies the pending migrations with Liquibase directly (test setup, not the command under test). */
    void applyDirectly(ShadowDatabase database) {
        try (Connection c = database.connect();
             LiquibaseRunner runner = LiquibaseRunner.forHistory(c, MigrationHistory.read(root, "db/migrations", false))) {
            runner.update();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything in the database, Liquibase's tables included: for "nothing was touched" assertions. */
    static Catalog snapshot(ShadowDatabase database) {
        try (Connection c = database.connect()) {
            return CatalogInspector.inspect(c, new InspectOptions(List.of(), List.of()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A URL of the test database with a password in it (the test server trusts local connections). */
    static String urlWithPassword(ShadowDatabase database, String password) {
        return "postgresql://postgres:" + password + "@localhost:" + database.url().port() + "/" + database.name();
    }

    /** Every file under the project, for "the secret is in no file written" assertions. */
    String allFiles() {
        try (Stream<Path> walk = Files.walk(root)) {
            StringBuilder text = new StringBuilder();
            for (Path p : walk.filter(Files::isRegularFile).toList()) text.append(Files.readString(p));
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
