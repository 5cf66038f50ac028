package io.automigrate.github;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project whose history is another tool's folder (dbmate's here) through the Action: the pull request's comment
 * and outputs name the next migration in that folder's own layout, and once the pull request carries that file the
 * check passes.
 */
class ForeignFolderActionTest extends ActionTestBase {
    private static final String BRANCH = "feature/nickname";

    @Test
    void aDbmateProjectGetsItsNextMigrationInDbmateLayout() throws Exception {
        fixture.author.checkout().setName("main").call();
        fixture.commitAndPush("main", "dbmate history", Map.of(
                "automigrate.yml", ActionFixture.CONFIG + "migrations:\n  dir: db/dbmate\n  format: dbmate\n",
                "db/dbmate/20261101000000_add_users_table.sql", """
                        -- migrate:up
                        CREATE TABLE public.users (
                            id bigint NOT NULL PRIMARY KEY,
                            email text NOT NULL
                        );

                        -- migrate:down
                        DROP TABLE public.users;
                        """));
        fixture.author.rm().addFilepattern("db/migrations").call();
        String base = fixture.commitAndPush("main", "Liquibase folder gone", Map.of());
        fixture.author.checkout().setCreateBranch(true).setName(BRANCH).call();
        String head = fixture.commitAndPush(BRANCH, "Nickname", Map.of("db/schema.sql", """
                CREATE TABLE users (
                    id bigint PRIMARY KEY,
                    email text NOT NULL,
                    nickname text
                );
                """));

        ActionFixture.Run first = fixture.action(pullRequest(base, head));
        assertEquals(1, first.exit(), "a schema change without its migration fails the check\n" + first.all());
        Map<String, String> outputs = ActionFixture.outputs(first.outputs());
        assertTrue(outputs.get("migration-file").matches("db/dbmate/\\d{14}_add_users_nickname\\.sql"),
                outputs.toString());
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("ALTER TABLE public.users ADD COLUMN nickname text"), comment);
        assertFalse(comment.contains("--liquibase"), comment);

        String fixed = fixture.commitAndPush(BRANCH, "Its migration", Map.of(outputs.get("migration-file"), """
                -- migrate:up
                ALTER TABLE public.users ADD COLUMN nickname text;

                -- migrate:down
                ALTER TABLE public.users DROP COLUMN nickname;
                """));
        ActionFixture.Run second = fixture.action(pullRequest(base, fixed));
        assertEquals(0, second.exit(), second.all());
        assertEquals("", ActionFixture.outputs(second.outputs()).get("migration-file"),
                "the pull request's own dbmate migration covers the change\n" + second.outputs());
    }

    private Map<String, String> pullRequest(String base, String head) throws Exception {
        Path event = fixture.event("pull_request_opened", Map.of("BASE_SHA", base, "HEAD_SHA", head));
        return fixture.environment(fixture.checkout(BRANCH, 0), "pull_request", event, "refs/pull/7/merge");
    }
}
