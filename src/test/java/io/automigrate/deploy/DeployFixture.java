package io.automigrate.deploy;

import io.automigrate.catalog.Catalog;
import io.automigrate.cli.Main;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A project folder with migrations, a target database on the test server, and the CLI run in-process against it.
 * Throwaway databases of apply's drift check come from the same server ({@code AUTOMIGRATE_SHADOW=url}).
 */
final class DeployFixture implements AutoCloseable {
    final Path project;
    final ShadowDatabase target;
    final ShadowDatabase shadowAdmin;
    final Map<String, String> environment = new HashMap<>();

    DeployFixture(Path project, String purpose) throws IOException {
        this.project = project;
        this.target = TestPostgres.newDatabase(purpose);
        this.shadowAdmin = TestPostgres.newDatabase("shadowadmin");
        Files.createDirectories(project.resolve("db/migrations"));
        environment.put("AUTOMIGRATE_PROJECT_DIR", project.toString());
        environment.put("AUTOMIGRATE_SHADOW", "url");
        environment.put("AUTOMIGRATE_SHADOW_URL", shadowAdmin.url().display());
        environment.put("CI", "true");
    }

    String url() {
        return target.url().display();
    }

    record Outcome(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Outcome apply(String... extra) {
        return run(Stream.concat(Stream.of("apply", "--url", url()), Stream.of(extra)).toArray(String[]::new));
    }

    void migration(String fileName, String body) throws IOException {
        Files.writeString(project.resolve("db/migrations/" + fileName), "--liquibase formatted sql\n\n" + body);
    }

    void config(String yaml) throws IOException {
        Files.writeString(project.resolve("automigrate.yml"), yaml);
    }

    void execute(String sql) {
        TestPostgres.execute(target, sql);
    }

    /** The schema (Liquibase's tables included) and the changelog rows: what "untouched" compares. */
    String snapshot() {
        try (Connection c = target.connect(); Statement st = c.createStatement()) {
            Catalog catalog = CatalogInspector.inspect(c, new InspectOptions(List.of(), List.of()));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('databasechangelog') IS NOT NULL")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    try (ResultSet r = st.executeQuery("SELECT id, author, filename, md5sum, orderexecuted, exectype "
                            + "FROM databasechangelog ORDER BY orderexecuted")) {
                        while (r.next()) {
                            rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4)
                                    + "|" + r.getInt(5) + "|" + r.getString(6));
                        }
                    }
                }
            }
            return catalog.normalized() + "\nchangelog: " + rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> changelogIds() {
        return query("SELECT id FROM databasechangelog ORDER BY orderexecuted");
    }

    List<String> query(String sql) {
        try (Connection c = target.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    boolean tableExists(String name) {
        return query("SELECT to_regclass('" + name + "') IS NOT NULL").get(0).equals("t");
    }

    @Override
    public void close() {
        target.close();
        shadowAdmin.close();
    }
}
