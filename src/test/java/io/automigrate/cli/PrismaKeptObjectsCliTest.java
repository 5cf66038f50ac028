package io.automigrate.cli;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.source.prisma.PrismaSchema;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
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
 * A project whose desired schema is a schema.prisma and whose history also holds what Prisma cannot express (a
 * function, a trigger, a view, a check constraint, a partial index), written by hand in a migration, as Prisma
 * users do: plan, drift and diff keep those objects and list them as "kept: not modelled by schema.prisma" instead of
 * proposing their drop; an edit of schema.prisma plans only that edit; keep-unmodelled: false drops them.
 */
class PrismaKeptObjectsCliTest {
    private static final String PRISMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model Account {
              id      Int    @id @default(autoincrement())
              email   String @unique
              balance Int    @default(0)
            }
            """;

    private static final String BY_HAND = """
            --liquibase formatted sql

            --changeset automigrate:20260101000001_by_hand
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER account_touch BEFORE UPDATE ON "Account" FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE VIEW rich AS SELECT id FROM "Account" WHERE balance > 1000;
            ALTER TABLE "Account" ADD CONSTRAINT balance_positive CHECK (balance >= 0);
            CREATE INDEX account_rich ON "Account" (id) WHERE balance > 1000;
            --rollback DROP INDEX account_rich; ALTER TABLE "Account" DROP CONSTRAINT balance_positive; DROP VIEW rich; DROP TRIGGER account_touch ON "Account"; DROP FUNCTION touch();
            """;

    private static final List<String> KEPT = List.of("routine public.touch", "trigger public.Account.account_touch",
            "view public.rich", "constraint public.Account.balance_positive", "index public.account_rich");

    @TempDir
    static Path project;
    private static ShadowDatabase shadowHost;
    private static ShadowDatabase live;

    record Result(int code, String out) {
    }

    @BeforeAll
    static void project() throws Exception {
        shadowHost = TestPostgres.newDatabase("prismakept");
        live = TestPostgres.newDatabase("prismalive");
        Files.createDirectories(project.resolve("prisma"));
        Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(project.resolve("automigrate.yml"), "schema: prisma/schema.prisma\n");
        Files.writeString(project.resolve("prisma/schema.prisma"), PRISMA);
        // What Prisma Migrate would have written first: the mapped DDL of the schema, as it is.
        Files.writeString(project.resolve("db/migrations/20260101000000_init.sql"), "--liquibase formatted sql\n\n"
                + "--changeset automigrate:20260101000000_init\n"
                + PrismaSchema.fromText("schema.prisma", PRISMA).sql());
        Files.writeString(project.resolve("db/migrations/20260101000001_by_hand.sql"), BY_HAND);
    }

    @AfterAll
    static void drop() {
        live.close();
        shadowHost.close();
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--shadow", "url", "--shadow-url", shadowHost.url().display()));
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of("AUTOMIGRATE_PROJECT_DIR", project.toString()));
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private static List<String> migrations() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("db/migrations"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertKeptListed(String output) {
        assertTrue(output.contains("kept: not modelled by schema.prisma"), output);
        for (String kept : KEPT) assertTrue(output.contains(kept), kept + " in\n" + output);
    }

    @Test
    void plan_drift_and_diff_keep_what_prisma_does_not_model() throws Exception {
        Result plan = run("plan");
        assertEquals(0, plan.code(), plan.out());
        assertKeptListed(plan.out());
        assertFalse(plan.out().contains("DROP"), plan.out());
        assertEquals(2, migrations().size(), "nothing to write: " + migrations());

        Result apply = run("apply", "--url", live.url().display());
        assertEquals(0, apply.code(), apply.out());
        Result drift = run("drift", "--url", live.url().display());
        assertEquals(0, drift.code(), drift.out());
        assertKeptListed(drift.out());

        // An edit of schema.prisma plans only that edit; the hand-written objects stay, and the proof passes.
        Files.writeString(project.resolve("prisma/schema.prisma"),
                PRISMA.replace("balance Int    @default(0)", "balance Int    @default(0)\n  name    String?"));
        try {
            Result edited = run("plan", "--name", "add_account_name");
            assertEquals(0, edited.code(), edited.out());
            assertKeptListed(edited.out());
            List<String> written = migrations().stream().filter(f -> f.endsWith("_add_account_name.sql")).toList();
            assertEquals(1, written.size(), migrations().toString());
            String text = Files.readString(project.resolve("db/migrations").resolve(written.get(0)));
            assertTrue(text.contains("ADD COLUMN name text"), text);
            assertFalse(text.replaceAll("(?m)^--rollback.*$", "").contains("DROP"), text);

            Result diff = run("diff", "--from", live.url().display(), "--to",
                    project.resolve("prisma/schema.prisma").toString());
            assertEquals(0, diff.code(), diff.out());
            assertTrue(diff.out().contains("ADD COLUMN name text"), diff.out());
            assertFalse(diff.out().contains("DROP"), diff.out());
            assertKeptListed(diff.out());
            Files.delete(project.resolve("db/migrations").resolve(written.get(0)));
        } finally {
            Files.writeString(project.resolve("prisma/schema.prisma"), PRISMA);
        }

        // Turned off, the schema says everything again: plan and drift propose the drops.
        Files.writeString(project.resolve("automigrate.yml"),
                "schema:\n  path: prisma/schema.prisma\n  keep-unmodelled: false\n");
        try {
            Result strict = run("plan", "--check");
            assertEquals(1, strict.code(), strict.out());
            assertTrue(strict.out().contains("DROP FUNCTION") && strict.out().contains("DROP VIEW"), strict.out());
            assertFalse(strict.out().contains("kept: not modelled"), strict.out());
            Result strictDrift = run("drift", "--url", live.url().display());
            assertEquals(1, strictDrift.code(), strictDrift.out());
            assertTrue(strictDrift.out().contains("DROP FUNCTION"), strictDrift.out());
        } finally {
            Files.writeString(project.resolve("automigrate.yml"), "schema: prisma/schema.prisma\n");
        }
    }
}
