package io.automigrate.bench;

import io.automigrate.state.HistoryReplayer;
import io.automigrate.migrate.MigrationHistory;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.shadow.ShadowOptions;
import io.automigrate.shadow.ShadowServer;
import io.automigrate.shadow.ShadowServers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * History replay against psql: a generated history of N migrations (default 400) replayed by Liquibase the way
 * plan does it (HistoryReplayer.replayInto, one JVM), against running the same files with psql one by one (a
 * process per file, as a shell loop would). Each run uses a fresh database on the same embedded server. Prints a
 * markdown table. Usage: bench/replay-bench.sh [migrations] [runs]
 */
public final class ReplayBench {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Files.createTempDirectory("automigrate-replay-bench");
        List<Path> files = generate(root.resolve("db/migrations"), count);
        MigrationHistory history = MigrationHistory.read(root, "db/migrations", false);
        String psql = System.getenv().getOrDefault("PSQL", "psql");

        System.out.println("| run | migrations | psql, one process per file | Liquibase replay (plan's) | ratio |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: |");
        try (ShadowServer server = ShadowServers.start(ShadowOptions.embedded())) {
            for (int run = 1; run <= runs; run++) {
                double psqlSeconds;
                try (ShadowDatabase db = server.createDatabase("psql")) {
                    long start = System.nanoTime();
                    for (Path file : files) {
                        runPsql(psql, db, file);
                    }
                    psqlSeconds = (System.nanoTime() - start) / 1e9;
                }
                double replaySeconds;
                try (ShadowDatabase db = server.createDatabase("replay")) {
                    long start = System.nanoTime();
                    HistoryReplayer.replayInto(db, root, history, null);
                    replaySeconds = (System.nanoTime() - start) / 1e9;
                }
                System.out.printf("| %d%s | %d | %.1f s | %.1f s | %.2f× |%n", run, run == 1 ? " (cold JVM)" : "",
                        count, psqlSeconds, replaySeconds, replaySeconds / psqlSeconds);
            }
            System.out.println();
            System.out.println("Server: " + server.description() + "; psql: " + version(psql));
        }
    }

    private static void runPsql(String psql, ShadowDatabase db, Path file) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", db.url().host(), "-p", Integer.toString(db.url().port()), "-U", db.url().user(),
                "-d", db.name(), "-f", file.toString());
        if (db.url().password() != null) builder.environment().put("PGPASSWORD", db.url().password());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed on " + file + ": " + new String(output));
        }
    }

    private static String version(String psql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(psql, "--version").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return text;
    }

    /**
     * An application's history: tables created, then grown with columns, indexes, foreign keys, checks, views,
     * functions and small backfills, one to three statements per migration, as teams write them.
     */
    static List<Path> generate(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        int tables = 0;
        for (int n = 0; n < count; n++) {
            String sql;
            String rollback;
            int kind = n < 20 ? 0 : n % 8;
            if (kind == 0 || tables < 2) {
                String t = "t" + tables;
                sql = "CREATE TABLE " + t + " (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    name text NOT NULL,\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n"
                        + "INSERT INTO " + t + " (name) SELECT 'row ' || g FROM generate_series(1, 50) g;";
                rollback = "DROP TABLE " + t + ";";
                tables++;
            } else {
                String t = "t" + (n * 7 % tables);
                String p = "t" + (n * 3 % tables);
                String c = "c" + n;
                switch (kind) {
                    case 1 -> {
                        sql = "ALTER TABLE " + t + " ADD COLUMN " + c + " integer;\nUPDATE " + t + " SET " + c + " = id % 10;";
                        rollback = "ALTER TABLE " + t + " DROP COLUMN " + c + ";";
                    }
                    case 2 -> {
                        sql = "ALTER TABLE " + t + " ADD COLUMN " + c + " text;\nCREATE INDEX " + t + "_" + c
                                + "_idx ON " + t + " (" + c + ");";
                        rollback = "DROP INDEX " + t + "_" + c + "_idx;\nALTER TABLE " + t + " DROP COLUMN " + c + ";";
                    }
                    case 3 -> {
                        sql = "ALTER TABLE " + t + " ADD COLUMN " + c + " bigint REFERENCES " + p + " (id);";
                        rollback = "ALTER TABLE " + t + " DROP COLUMN " + c + ";";
                    }
                    case 4 -> {
                        sql = "ALTER TABLE " + t + " ADD COLUMN " + c + " numeric(10,2) NOT NULL DEFAULT 0;\n"
                                + "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_" + c + "_check CHECK (" + c + " >= 0);";
                        rollback = "ALTER TABLE " + t + " DROP COLUMN " + c + ";";
                    }
                    case 5 -> {
                        sql = "CREATE VIEW v" + n + " AS SELECT id, name FROM " + t + " WHERE created_at > now() - interval '30 days';";
                        rollback = "DROP VIEW v" + n + ";";
                    }
                    case 6 -> {
                        sql = "CREATE FUNCTION f" + n + "(x bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT name FROM "
                                + t + " WHERE id = x $$;";
                        rollback = "DROP FUNCTION f" + n + "(bigint);";
                    }
                    default -> {
                        sql = "ALTER TABLE " + t + " ADD COLUMN " + c + " boolean NOT NULL DEFAULT false;\n"
                                + "COMMENT ON COLUMN " + t + "." + c + " IS 'flag " + n + "';";
                        rollback = "ALTER TABLE " + t + " DROP COLUMN " + c + ";";
                    }
                }
            }
            String name = String.format("2026%02d%02d%02d%02d00_m%04d", 1 + n / 2000 % 12, 1 + n / 100 % 28,
                    n / 60 % 24 % 24, n % 60, n);
            Path file = dir.resolve(name + ".sql");
            StringBuilder text = new StringBuilder("--liquibase formatted sql\n\n--changeset bench:" + name
                    + " splitStatements:false rollbackSplitStatements:false\n" + sql + "\n");
            rollback.lines().forEach(line -> text.append("--rollback ").append(line).append('\n'));
            Files.writeString(file, text);
            files.add(file);
        }
        files.sort(null);
        return files;
    }
}
