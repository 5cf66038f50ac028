package io.automigrate.bench;

import io.automigrate.catalog.Catalog;
import io.automigrate.config.Config;
import io.automigrate.diff.DiffOptions;
import io.automigrate.diff.SchemaDiff;
import io.automigrate.diff.SchemaDiffer;
import io.automigrate.inspect.CatalogInspector;
import io.automigrate.inspect.InspectOptions;
import io.automigrate.lint.FileLinter;
import io.automigrate.lint.Finding;
import io.automigrate.lint.Linter;
import io.automigrate.migrate.FormattedSql;
import io.automigrate.migrate.MigrationBuilder;
import io.automigrate.migrate.MigrationFile;
import io.automigrate.plan.PlanRequest;
import io.automigrate.plan.PlanResult;
import io.automigrate.plan.Planner;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;
import io.automigrate.sql.RenderedMigration;
import io.automigrate.sql.MigrationRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How much lint adds to plan: a project whose history creates N tables (default 500) and whose schema adds a
 * column and an index to each, so the pending migration has 2×N statements (1,000 at 500 tables). Times plan end to
 * end, then lint of the same diff ({@link Linter#plan}) alone, and {@code automigrate lint} of the migration file
 * it wrote (apply on a throwaway database, inspect, diff, rules). Prints a markdown section.
 * Usage: LintBench [tables] [repeat]
 */
public final class LintBench {
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Files.createTempDirectory("lint-bench");
        Path migrations = Files.createDirectories(root.resolve("db/migrations"));
        StringBuilder history = new StringBuilder("--liquibase formatted sql\n\n--changeset bench:init splitStatements:false\n");
        StringBuilder schema = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            String t = String.format(Locale.ROOT, "t%04d", i);
            String body = "id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now()";
            history.append("CREATE TABLE ").append(t).append(" (").append(body).append(");\n");
            schema.append("CREATE TABLE ").append(t).append(" (").append(body).append(", note text);\n")
                    .append("CREATE INDEX ").append(t).append("_name_idx ON ").append(t).append(" (name);\n");
        }
        Files.writeString(migrations.resolve("20260101000000_init.sql"), history);
        Files.writeString(root.resolve("db/schema.sql"), schema);
        Config config = Config.defaults();

        // plan, end to end (the first run also starts the embedded server and fills its caches)
        List<Double> planSeconds = new ArrayList<>();
        PlanResult result = null;
        for (int i = 0; i <= repeat; i++) {
            long t0 = System.nanoTime();
            result = Planner.plan(PlanRequest.of(root, config, Instant.now()).named("bench").checking(true, false));
            if (i > 0) planSeconds.add((System.nanoTime() - t0) / 1e9);
        }
        if (result == null || result.status() != PlanResult.Status.PLANNED) {
            throw new IllegalStateException("plan did not plan: " + (result == null ? "" : result.status()));
        }
        int statements = result.migration().sql().split(";\n").length;

        try (ShadowServer server = ShadowServers.start(ShadowOptions.embedded())) {
            Catalog current;
            Catalog desired;
            try (ShadowDatabase a = server.createDatabase("bench_from"); ShadowDatabase b = server.createDatabase("bench_to")) {
                run(a, history.substring(history.indexOf("CREATE TABLE")));
                run(b, schema.toString());
                current = inspect(a);
                desired = inspect(b);
            }
            SchemaDiff diff = SchemaDiffer.diff(current, desired, DiffOptions.defaults());
            RenderedMigration rendered = MigrationRenderer.render(diff);
            MigrationFile file = MigrationBuilder.build("20260102000000_bench.sql", rendered, "bench", "bench");
            List<Double> lintSeconds = new ArrayList<>();
            List<Finding> findings = List.of();
            for (int i = 0; i < repeat * 5 + 3; i++) {
                long t0 = System.nanoTime();
                findings = Linter.plan(current, desired, diff, rendered, file);
                if (i >= 3) lintSeconds.add((System.nanoTime() - t0) / 1e9);
            }

            // automigrate lint of the written file: replay the history, apply, inspect, diff, rules
            Path written = migrations.resolve("20260102000000_bench.sql");
            Files.writeString(written, FormattedSql.write(file));
            List<Double> fileSeconds = new ArrayList<>();
            List<Double> statementRuleSeconds = new ArrayList<>();
            int fileFindings = 0;
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                fileFindings = FileLinter.lint(root, config, List.of("db/migrations/20260102000000_bench.sql"), server)
                        .findings().size();
                fileSeconds.add((System.nanoTime() - t0) / 1e9);
                long t1 = System.nanoTime();
                Linter.statements(file, "bench.sql");
                statementRuleSeconds.add((System.nanoTime() - t1) / 1e9);
            }
            double plan = median(planSeconds);
            double lint = median(lintSeconds);
            System.out.printf(Locale.ROOT, """
                    | measurement (%d tables, %d statements, %d findings) | median | share of plan |
                    | --- | ---: | ---: |
                    | plan end to end (`plan --check`, warm embedded server, %d runs) | %.2f s | 100%% |
                    | lint of the plan's diff (`Linter.plan`: typed and statement rules, %d runs) | %.3f s | %.2f%% |
                    | statement rules alone on the %d-statement file (%d runs) | %.3f s | %.2f%% |
                    | `automigrate lint` of the written file (replay, apply, inspect ×2, diff, rules; %d runs, %d findings) | %.2f s | %.0f%% |
                    """, tables, statements, findings.size(), planSeconds.size(), plan, lintSeconds.size(), lint,
                    100 * lint / plan, statements, statementRuleSeconds.size(), median(statementRuleSeconds),
                    100 * median(statementRuleSeconds) / plan, fileSeconds.size(), fileFindings, median(fileSeconds),
                    100 * median(fileSeconds) / plan);
        }
    }

    private static void run(ShadowDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Catalog inspect(ShadowDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return CatalogInspector.inspect(c, InspectOptions.all());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
