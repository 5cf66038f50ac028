package io.automigrate.cli;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/prisma as its README runs it: a Prisma project (schema.prisma with a pending edit, three migrations in
 * Prisma Migrate's own layout, one of them hand-written) where the history and the schema differ by that edit only.
 */
class PrismaExampleTest {
    private static final Path EXAMPLE = Path.of("examples/prisma");
    private static ShadowDatabase shadowHost;

    @TempDir
    Path copy;

    record Result(int code, String out) {
    }

    @BeforeAll
    static void host() {
        shadowHost = TestPostgres.newDatabase("prismaexample");
    }

    @AfterAll
    static void drop() {
        shadowHost.close();
    }

    private static Result run(Path project, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--shadow", "url", "--shadow-url", shadowHost.url().display()));
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("AUTOMIGRATE_PROJECT_DIR", project.toString()));
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    /**
     * The three migration.sql files, replayed as plain SQL in name order, against schema.prisma: the pending edit
     * (the Comment table, its index and foreign key) and nothing else; the hand-written trigger is kept.
     */
    @Test
    void the_history_and_the_schema_differ_by_the_pending_edit_only() {
        // Run from an empty folder: the example's automigrate.yml is not what this compares.
        Result diff = run(copy, "diff", "--from", EXAMPLE.resolve("prisma/migrations").toAbsolutePath().toString(),
                "--to", EXAMPLE.resolve("prisma/schema.prisma").toAbsolutePath().toString());
        assertEquals(0, diff.code(), diff.out());
        List<String> statements = diff.out().lines().filter(l -> l.matches("^(CREATE|ALTER|DROP) .*")).toList();
        assertEquals(List.of("CREATE SEQUENCE public.\"Comment_id_seq\" AS integer;", "CREATE TABLE public.\"Comment\" (",
                "ALTER SEQUENCE public.\"Comment_id_seq\" OWNED BY public.\"Comment\".id;", "CREATE INDEX \"Comment_postId_idx\" ON public.\"Comment\" USING btree (\"postId\");",
                "ALTER TABLE public.\"Comment\" ADD CONSTRAINT \"Comment_postId_fkey\" FOREIGN KEY (\"postId\") REFERENCES public.\"Post\"(id) ON UPDATE CASCADE ON DELETE CASCADE;"),
                statements, diff.out());
        assertFalse(diff.out().contains("column order differs"), diff.out());
        assertTrue(diff.out().contains("kept: not modelled by schema.prisma: trigger public.User.User_lowercase_email, "
                + "routine public.lowercase_email"), diff.out());
    }

    /**
     * What the README says: in a copy of the example, {@code automigrate plan} writes the next migration in Prisma's
     * own layout ({@code prisma/migrations/<timestamp>_add_comment_table/migration.sql}), proven, keeps the
     * hand-written trigger, and a second plan finds schema and migrations in agreement.
     */
    @Test
    void plan_writes_the_next_prisma_migration() throws IOException {
        copyTree(EXAMPLE, copy);
        List<String> before = migrations();
        assertEquals(List.of("20240105120000_init", "20240212093000_add_post_published",
                "20240320170000_lowercase_email_trigger", "migration_lock.toml"), before);

        Result plan = run(copy, "plan");
        assertEquals(0, plan.code(), plan.out());
        assertTrue(plan.out().contains("kept: not modelled by schema.prisma"), plan.out());
        List<String> added = migrations().stream().filter(name -> !before.contains(name)).toList();
        assertEquals(1, added.size(), migrations().toString());
        assertTrue(added.get(0).matches("\\d{14}_add_comment_table"), added.get(0));
        Path written = copy.resolve("prisma/migrations").resolve(added.get(0)).resolve("migration.sql");
        String sql = Files.readString(written);
        assertTrue(sql.contains("CREATE TABLE public.\"Comment\"") && sql.contains("\"Comment_postId_fkey\""), sql);
        assertFalse(sql.contains("--liquibase"), "Prisma's format, not Liquibase's:\n" + sql);
        assertFalse(sql.lines().filter(l -> !l.startsWith("--")).anyMatch(l -> l.contains("DROP")), sql);

        Result again = run(copy, "plan");
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("agree"), again.out());
        assertEquals(5, migrations().size(), migrations().toString());
    }

    private List<String> migrations() throws IOException {
        try (Stream<Path> list = Files.list(copy.resolve("prisma/migrations"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
