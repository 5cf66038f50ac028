package io.automigrate.plan;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plan's result moved under a monorepo project's folder, as the Action shows it. */
class PlanResultTest {
    @Test
    void underAProjectFolderKeepsEveryFileOfAMigrationInAnotherToolsFormat() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("db/migrations/000002_add_email.up.sql", "ALTER TABLE users ADD COLUMN email text;\n");
        files.put("db/migrations/000002_add_email.down.sql", "ALTER TABLE users DROP COLUMN email;\n");
        PlanResult.Migration migration = new PlanResult.Migration("add_email", "db/migrations/000002_add_email.up.sql",
                files.get("db/migrations/000002_add_email.up.sql"), "ALTER TABLE users ADD COLUMN email text;\n",
                "ALTER TABLE users DROP COLUMN email;\n", List.of("add column public.users.email"), files, null);
        PlanResult result = PlanResult.generated(null, migration, List.of(), List.of(), List.of(), true, "embedded");

        PlanResult.Migration moved = result.under("services/api/").migration();

        assertEquals("services/api/db/migrations/000002_add_email.up.sql", moved.file());
        assertEquals(List.of("services/api/db/migrations/000002_add_email.up.sql",
                "services/api/db/migrations/000002_add_email.down.sql"), List.copyOf(moved.files().keySet()));
        assertEquals(files.get("db/migrations/000002_add_email.down.sql"),
                moved.files().get("services/api/db/migrations/000002_add_email.down.sql"));
    }

    @Test
    void underAProjectFolderTheMessagesNameTheOtherFilesFromTheTopToo() {
        MigrationReview review = new MigrationReview(List.of(), List.of(
                new MigrationReview.EditedMigration("db/migrations/2_b.sql", 1,
                        MigrationReview.EditedMigration.How.OUT_OF_ORDER, "db/migrations/3_c.sql",
                        "this migration sorts before db/migrations/3_c.sql, which the base branch has: rename it with "
                                + "a timestamp after db/migrations/3_c.sql"),
                new MigrationReview.EditedMigration("db/migrations/4_d.sql", 1,
                        MigrationReview.EditedMigration.How.RENAMED, "db/migrations/1_a.sql",
                        "the base branch has this migration as db/migrations/1_a.sql (not old/db/migrations/1_a.sql)")),
                List.of());

        List<MigrationReview.EditedMigration> moved = review.under("services/api/").edited();

        assertEquals("this migration sorts before services/api/db/migrations/3_c.sql, which the base branch has: "
                + "rename it with a timestamp after services/api/db/migrations/3_c.sql", moved.get(0).message());
        assertEquals("services/api/db/migrations/3_c.sql", moved.get(0).previous());
        assertEquals("the base branch has this migration as services/api/db/migrations/1_a.sql "
                + "(not old/db/migrations/1_a.sql)", moved.get(1).message());
    }
}
