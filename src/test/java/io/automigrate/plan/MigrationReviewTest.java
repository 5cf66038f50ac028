package io.automigrate.plan;

import io.automigrate.catalog.ObjectKind;
import io.automigrate.catalog.ObjectRef;
import io.automigrate.config.Config;
import io.automigrate.config.ConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automigrate.lint.Finding;
import io.automigrate.report.PlanReport;
import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan of a change reviews the change's own migration files as the deploy after its merge will (real git
 * repositories, the embedded PostgreSQL): added files are linted as apply lints them under every environment's
 * policy, edits of files the base has are errors at their line, and what an added file creates that the schema lacks
 * is said as such instead of a migration that drops it.
 */
class MigrationReviewTest {
    @TempDir
    Path repo;

    private static final String CONFIG = """
            environments:
              production:
                branches: [main]
                production: true
              staging:
                branches: [develop]
                allow: [AM102]
            """;
    private static final String SCHEMA = "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    email text\n);\n";
    private static final String FIRST = """
            --liquibase formatted sql

            --changeset alice:1
            CREATE TABLE public.users (id bigint PRIMARY KEY, email text);
            --rollback DROP TABLE public.users;
            """;
    private static final String FIRST_PATH = "db/migrations/20261101000000_users.sql";

    private Git base() throws Exception {
        Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        write(Map.of("automigrate.yml", CONFIG, "db/schema.sql", SCHEMA, FIRST_PATH, FIRST));
        git.add().addFilepattern(".").call();
        git.commit().setMessage("users").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
        return git;
    }

    private void write(Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.createDirectories(repo.resolve(f.getKey()).getParent());
            Files.writeString(repo.resolve(f.getKey()), f.getValue());
        }
    }

    private PlanResult plan() {
        try (ShadowDatabase admin = TestPostgres.newDatabase("admin")) {
            Config config = ConfigLoader.load(repo, Map.of("AUTOMIGRATE_SHADOW", "url", "AUTOMIGRATE_SHADOW_URL",
                    admin.url().display()));
            return Planner.plan(PlanRequest.of(repo, config, Instant.parse("2026-12-01T10:00:00Z"))
                    .revisions("main", null).checking(true, false));
        }
    }

    @Test
    void anAddedDropColumnMigrationIsJudgedByEveryEnvironmentAsApplyJudgesIt() throws Exception {
        try (Git git = base()) {
            write(Map.of("db/schema.sql", SCHEMA.replace(",\n    email text", ""),
                    "db/migrations/20261201000000_drop_email.sql", """
                            --liquibase formatted sql

                            --changeset alice:2
                            ALTER TABLE public.users DROP COLUMN email;
                            --rollback ALTER TABLE public.users ADD COLUMN email text;
                            """));
            PlanResult result = plan();

            assertEquals(PlanResult.Status.IN_SYNC, result.status(), "the schema edit and the migration agree");
            MigrationReview review = result.review();
            assertEquals(1, review.files().size(), review.toString());
            MigrationReview.FileReview file = review.files().get(0);
            assertEquals("db/migrations/20261201000000_drop_email.sql", file.file());
            Finding drop = file.findings().stream().filter(f -> f.code().equals("AM102")).findFirst().orElseThrow();
            assertEquals(file.file(), drop.file());
            assertEquals(4, drop.line(), "the line of the DROP COLUMN in the committed file");
            MigrationReview.Verdict production = file.verdicts().stream()
                    .filter(v -> "production".equals(v.environment())).findFirst().orElseThrow();
            MigrationReview.Verdict staging = file.verdicts().stream()
                    .filter(v -> "staging".equals(v.environment())).findFirst().orElseThrow();
            assertTrue(production.refuses(), "production allows no AM102: its apply refuses the file");
            assertFalse(staging.refuses(), "staging allows AM102");
            assertTrue(review.blocks());
            assertTrue(result.refusedAtDeploy());
            assertEquals("high", result.risk());
        }
    }

    @Test
    void anEditOfAMigrationTheBaseHasIsAnErrorAtItsFirstChangedLine() throws Exception {
        try (Git git = base()) {
            write(Map.of("db/schema.sql", SCHEMA.replace("email text", "email text,\n    name text"),
                    FIRST_PATH, FIRST.replace("email text)", "email text, name text)")));
            PlanResult result = plan();

            MigrationReview review = result.review();
            assertEquals(1, review.edited().size(), review.toString());
            MigrationReview.EditedMigration edited = review.edited().get(0);
            assertEquals(FIRST_PATH, edited.file());
            assertEquals(4, edited.line());
            assertTrue(edited.message().contains("refuses a file that changed"), edited.message());
            assertTrue(edited.message().contains("new migration"), edited.message());
            assertTrue(review.files().isEmpty(), "an edited file is not linted as new");
            assertTrue(result.refusedAtDeploy());
        }
    }

    @Test
    void anAddedMigrationCreatingWhatTheSchemaLacksIsSaidSoAndNoDropIsProposed() throws Exception {
        try (Git git = base()) {
            write(Map.of("db/migrations/20261201000000_audit.sql", """
                    --liquibase formatted sql

                    --changeset alice:2
                    CREATE TABLE public.audit (id bigint PRIMARY KEY, at timestamptz);
                    --rollback DROP TABLE public.audit;
                    """));
            PlanResult result = plan();

            assertEquals(PlanResult.Status.SCHEMA_LACKS, result.status(), result.toString());
            assertEquals(null, result.migration(), "no drop_audit_table migration is proposed");
            List<MigrationReview.SchemaGap> gaps = result.review().gaps();
            assertEquals(1, gaps.size(), gaps.toString());
            MigrationReview.SchemaGap gap = gaps.get(0);
            assertEquals(new ObjectRef(ObjectKind.TABLE, "public", "audit", ""), gap.object());
            assertEquals(4, gap.line());
            assertEquals("db/migrations/20261201000000_audit.sql creates table public.audit, which db/schema.sql "
                    + "does not have: add it to the schema, or drop it from the migration", gap.message());
            assertEquals("high", result.risk());
        }
    }

    @Test
    void theJsonReportGivesEachEnvironmentsVerdictOnTheGeneratedMigration() throws Exception {
        try (Git git = base()) {
            write(Map.of("db/schema.sql", SCHEMA.replace(",\n    email text", "")));
            PlanResult result = plan();

            assertEquals(PlanResult.Status.PLANNED, result.status(), result.toString());
            JsonNode environments = new ObjectMapper().readTree(PlanReport.json(result)).path("migration")
                    .path("environments");
            assertEquals(2, environments.size(), environments.toString());
            for (JsonNode verdict : environments) {
                String environment = verdict.path("environment").asText();
                boolean production = environment.equals("production");
                assertTrue(production || environment.equals("staging"), verdict.toString());
                assertEquals(production, verdict.path("refuses").asBoolean(),
                        "production allows no AM102, staging does: " + verdict);
                assertEquals(production ? "[\"AM102\"]" : "[]", verdict.path("blocking").toString(), verdict.toString());
            }
        }
    }
}
