package io.automigrate.github;

import io.automigrate.shadow.ShadowDatabase;
import io.automigrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.automigrate.github.ActionFixture.BRANCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pull request sees what the deploy after its merge will check (issue 13): the pull request's own migration
 * files linted with every environment's policy, edits of migrations the base has, what a migration creates that the
 * schema lacks; a re-run names the same file and leaves the comment alone; findings point at lines of files the pull
 * request holds; a custom config file is watched and a monorepo project's paths are from the repository's top.
 * Through {@code automigrate action}, real git repositories, the embedded PostgreSQL and the GitHub stand-in.
 */
class PullRequestChecksTest extends ActionTestBase {
    private static final String DROP_EMAIL = "db/migrations/20261202000000_drop_users_email.sql";
    private static final String FIRST = "db/migrations/20261101000000_add_users_table.sql";

    private Map<String, String> pullRequest(Path workspace, String base, String head) throws Exception {
        Path event = fixture.event("pull_request_opened", Map.of("BASE_SHA", base, "HEAD_SHA", head));
        return fixture.environment(workspace, "pull_request", event, "refs/pull/7/merge");
    }

    private ActionFixture.Run plan(String head) throws Exception {
        return plan(fixture.mainSha, head);
    }

    private ActionFixture.Run plan(String base, String head) throws Exception {
        return fixture.action(pullRequest(fixture.checkout(BRANCH, 0), base, head));
    }

    private List<GitHubStandIn.Request> writes() {
        return fixture.github.requests().stream().filter(GitHubStandIn.Request::isWrite).toList();
    }

    @Test
    void aHandWrittenDropColumnIsLintedWithEveryEnvironmentsPolicyAndFailsTheCheck() throws Exception {
        // staging allows dropping columns, production does not
        String config = ActionFixture.CONFIG.replace("    url-env: STAGING_DATABASE_URL\n",
                "    url-env: STAGING_DATABASE_URL\n    allow: [AM102]\n");
        String head = fixture.commitAndPush(BRANCH, "Drop the e-mail column", Map.of("automigrate.yml", config,
                "db/schema.sql", "CREATE TABLE users (\n    id bigint PRIMARY KEY\n);\n", DROP_EMAIL, """
                        --liquibase formatted sql

                        --changeset mona:drop-users-email
                        ALTER TABLE public.users DROP COLUMN email;
                        --rollback ALTER TABLE public.users ADD COLUMN email text;
                        """));
        ActionFixture.Run run = plan(head);

        assertEquals(1, run.exit(), "production's apply will refuse AM102: the check fails\n" + run.all());
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("#### Migration files of this change (what deploy will check)"), comment);
        assertTrue(comment.contains("❌ `" + DROP_EMAIL + "`: refused by environment **production** (AM102 not "
                + "allowed); accepted by environment staging"), comment);
        assertTrue(comment.contains("(" + DROP_EMAIL + ":4)"), "the finding names the file's line\n" + comment);
        assertEquals(ActionFixture.documentedComment("A rendered sample: a pull request that drops a column"),
                ActionFixture.comparable(comment), "docs/github-action.md shows the comment the code renders");
        assertTrue(run.out().contains("::error file=" + DROP_EMAIL + ",line=4,title=AM102 "), run.out());
        assertTrue(run.out().contains("refused by environment production)"), run.out());
        Map<String, String> outputs = ActionFixture.outputs(run.outputs());
        assertEquals("high", outputs.get("risk"), outputs.toString());
        assertTrue(outputs.get("findings").contains("\"code\":\"AM102\""), outputs.get("findings"));
        assertTrue(run.out().contains("::error::deploy will refuse a migration file of this change: " + DROP_EMAIL
                + " would be refused by environment production (AM102)"), run.out());
    }

    @Test
    void withCommitTheFirstRunJudgesTheGeneratedMigrationAsTheReRunOnTheBotsCommitWill() throws Exception {
        // main deploys to production, which allows the narrowing (AM104); staging does not. The base branch's
        // environment accepts it, but the migration reaches staging too.
        String config = ActionFixture.CONFIG.replace("    production: true\n",
                "    production: true\n    allow: [AM104]\n");
        String head = fixture.commitAndPush(BRANCH, "Shorter e-mails", Map.of("automigrate.yml", config,
                "db/schema.sql", ActionFixture.SCHEMA_MAIN.replace("email text", "email varchar(200)")));
        Map<String, String> env = pullRequest(fixture.checkout(BRANCH, 0), fixture.mainSha, head);
        env.put("INPUT_COMMIT", "true");
        ActionFixture.Run first = fixture.action(env);
        String file = ActionFixture.outputs(first.outputs()).get("migration-file");
        String tip = fixture.remoteTip(BRANCH);
        assertFalse(head.equals(tip), "the migration was committed\n" + first.all());

        Path event = fixture.event("pull_request_synchronize", Map.of("BASE_SHA", fixture.mainSha, "HEAD_SHA", tip,
                "BEFORE", head));
        Map<String, String> again = fixture.environment(fixture.checkout(BRANCH, 0), "pull_request", event,
                "refs/pull/7/merge");
        again.put("INPUT_COMMIT", "true");
        ActionFixture.Run rerun = fixture.action(again);

        String refusal = "::error::deploy will refuse a migration file of this change: " + file
                + " would be refused by environment staging (AM104) (see the report)";
        assertEquals(1, rerun.exit(), rerun.all());
        assertTrue(rerun.out().contains(refusal), rerun.out());
        assertEquals(1, first.exit(), "the first run fails as the run on its own commit does\n" + first.all());
        assertTrue(first.out().contains(refusal), first.out());
        assertEquals("high", ActionFixture.outputs(first.outputs()).get("risk"), first.outputs());
        assertEquals(ActionFixture.outputs(rerun.outputs()).get("risk"),
                ActionFixture.outputs(first.outputs()).get("risk"));
        assertTrue(first.out().contains("title=AM104 enum value removed or type narrowed (refused by environment staging)"),
                first.out());
        // The first run's comment (the re-run edited it since; the job summary holds the same report).
        assertTrue(first.summary().contains("**At deploy:** ❌ accepted by environment production; refused by "
                + "environment **staging** (AM104 not allowed)"), first.summary());
    }

    @Test
    void anEditOfAMigrationTheBaseHasIsAnErrorOnItsLine() throws Exception {
        String head = fixture.commitAndPush(BRANCH, "Names, in the first migration", Map.of(
                "db/schema.sql", ActionFixture.SCHEMA_MAIN.replace("email text NOT NULL", "email text NOT NULL,\n    name text"),
                FIRST, ActionFixture.FIRST_MIGRATION.replace("email text NOT NULL\n", "email text NOT NULL,\n    name text\n")));
        ActionFixture.Run run = plan(head);

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("::error file=" + FIRST + ",line=6,title=edited migration::this migration is "
                + "on the base branch"), run.out());
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("❌ `" + FIRST + "` (line 6) is edited"), comment);
        assertTrue(comment.contains("put the change in a new migration"), comment);
        assertFalse(comment.contains("This pull request adds"), comment);
    }

    @Test
    void aRenamedOrDeletedMigrationTheBaseHasIsAnErrorAndAnAddedOneIsFine() throws Exception {
        String nickname = "db/migrations/20261105000000_add_users_nickname.sql";
        String base = fixture.commitAndPush(BRANCH, "Nicknames", Map.of(
                "db/schema.sql", ActionFixture.SCHEMA_MAIN.replace("email text NOT NULL", "email text NOT NULL,\n    nickname text"),
                nickname, """
                        --liquibase formatted sql

                        --changeset automigrate:20261105000000_add_users_nickname
                        ALTER TABLE public.users ADD COLUMN nickname text;
                        --rollback ALTER TABLE public.users DROP COLUMN nickname;
                        """));
        String renamed = "db/migrations/20261201000000_add_users_table.sql";
        String added = "db/migrations/20261202000000_add_users_age.sql";
        fixture.author.rm().addFilepattern(FIRST).addFilepattern(nickname).call();
        String head = fixture.commitAndPush(BRANCH, "Tidy the migrations", Map.of(
                renamed, ActionFixture.FIRST_MIGRATION,
                added, """
                        --liquibase formatted sql

                        --changeset mona:add-users-age
                        ALTER TABLE public.users ADD COLUMN age int;
                        --rollback ALTER TABLE public.users DROP COLUMN age;
                        """,
                "db/schema.sql", ActionFixture.SCHEMA_MAIN.replace("email text NOT NULL", "email text NOT NULL,\n    age int")));
        ActionFixture.Run run = plan(base, head);

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("::error file=" + renamed + ",line=3,title=renamed migration::the base branch "
                + "has this migration as " + FIRST + ", so an environment may have applied it under that name"),
                run.out());
        assertTrue(run.out().contains("::error file=" + nickname + ",title=deleted migration::the base branch has "
                + "this migration and this change deletes it"), run.out());
        assertFalse(run.out().contains("file=" + FIRST + ","), "the rename is reported once, at its new name\n"
                + run.out());
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("❌ `" + renamed + "` (line 3) renames " + FIRST + ":"), comment);
        assertTrue(comment.contains("❌ `" + nickname + "` is deleted:"), comment);
        assertTrue(comment.contains("✅ `" + added + "`"), "the added file is reviewed, not refused\n" + comment);
        String refusal = run.out().lines().filter(l -> l.startsWith("::error::deploy will refuse")).findFirst()
                .orElse("");
        assertTrue(refusal.contains(renamed + " renames " + FIRST + ", which the base branch has: deploy refuses a "
                + "history whose applied file is gone; keep its name"), run.out());
        assertTrue(refusal.contains(nickname + " is deleted, but the base branch has it: deploy refuses a history "
                + "whose applied file is gone; restore it"), run.out());
        assertFalse(refusal.contains(added), refusal);
    }

    /** A shallow clone (actions/checkout's default) of the branch, whose origin is gone when {@code reachable} is false. */
    private Path shallow(boolean reachable) throws Exception {
        Path workspace = fixture.checkout(BRANCH, 1);
        if (!reachable) {
            try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(workspace.toFile())) {
                git.getRepository().getConfig().setString("remote", "origin", "url",
                        fixture.dir.resolve("gone.git").toUri().toString());
                git.getRepository().getConfig().save();
            }
        }
        return workspace;
    }

    private String editFirstMigration() throws Exception {
        return fixture.commitAndPush(BRANCH, "Names, in the first migration", Map.of(
                "db/schema.sql", ActionFixture.SCHEMA_MAIN.replace("email text NOT NULL", "email text NOT NULL,\n    name text"),
                FIRST, ActionFixture.FIRST_MIGRATION.replace("email text NOT NULL\n", "email text NOT NULL,\n    name text\n")));
    }

    @Test
    void aShallowCloneFetchesTheBaseCommitAndFindsTheEditAsAFullCloneDoes() throws Exception {
        String head = editFirstMigration();
        ActionFixture.Run run = fixture.action(pullRequest(shallow(true), fixture.mainSha, head));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("(base commit " + fixture.mainSha.substring(0, 7) + " fetched into this shallow "
                + "clone)"), run.out());
        assertTrue(run.out().contains("::error file=" + FIRST + ",line=6,title=edited migration::"), run.out());
        assertFalse(fixture.github.requests().stream().anyMatch(r -> r.path().endsWith("/pulls/7/files")),
                "git answered: no need for the API's list");
    }

    @Test
    void withoutTheBaseTheApisStatusOfEachFileDecides() throws Exception {
        String head = editFirstMigration();
        fixture.github.pullRequestFiles(fixture.remote, fixture.mainSha, head, true);
        ActionFixture.Run run = fixture.action(pullRequest(shallow(false), fixture.mainSha, head));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("could not fetch base commit " + fixture.mainSha.substring(0, 7)), run.out());
        assertTrue(run.out().contains("detected by the pull request's changed-file list from the GitHub API (base "
                + "commit"), run.out());
        // GitHub says "modified": an edit, on the line its patch of the file names (the git path's line 6).
        assertTrue(run.out().contains("::error file=" + FIRST + ",line=6,title=edited migration::this migration is on "
                + "the base branch"), run.out());
        assertTrue(fixture.github.commentBodies().get(0).contains("❌ `" + FIRST + "` (line 6) is edited"),
                fixture.github.commentBodies().get(0));
    }

    @Test
    void withoutTheBaseAnEditGitHubSendsNoPatchOfIsAnErrorOnTheFile() throws Exception {
        String head = editFirstMigration();
        fixture.github.pullRequestFiles(fixture.remote, fixture.mainSha, head, true);
        // As GitHub lists a binary file or a diff too large to show.
        fixture.github.pullRequestFileEntries(fixture.github.pullRequestFileEntries().stream()
                .map(GitHubStandIn.PullFile::withoutPatch).toList());
        ActionFixture.Run run = fixture.action(pullRequest(shallow(false), fixture.mainSha, head));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("::error file=" + FIRST + ",title=edited migration::this migration is on the "
                + "base branch, so an environment may have applied it already"), run.out());
        assertTrue(fixture.github.commentBodies().get(0).contains("❌ `" + FIRST + "` is edited: this migration is on "
                + "the base branch"), fixture.github.commentBodies().get(0));
    }

    @Test
    void withoutTheBaseOrAStatusAMigrationFileIsReadAsEditedAndTheStepSaysWhy() throws Exception {
        String added = "db/migrations/20261202000000_add_users_age.sql";
        String head = fixture.commitAndPush(BRANCH, "Ages", Map.of(
                "db/schema.sql", ActionFixture.SCHEMA_MAIN.replace("email text NOT NULL", "email text NOT NULL,\n    age int"),
                added, """
                        --liquibase formatted sql

                        --changeset mona:add-users-age
                        ALTER TABLE public.users ADD COLUMN age int;
                        --rollback ALTER TABLE public.users DROP COLUMN age;
                        """));
        fixture.github.pullRequestFiles(fixture.remote, fixture.mainSha, head, false);
        ActionFixture.Run run = fixture.action(pullRequest(shallow(false), fixture.mainSha, head));

        assertEquals(1, run.exit(), "the strictest reading: it may edit an applied migration\n" + run.all());
        assertTrue(run.out().contains("without a status for every file"), run.out());
        assertTrue(run.out().contains("::error file=" + added + ",title=unverified migration::nothing says whether "
                + "this change adds this migration or edits one the base branch has"), run.out());
        assertTrue(run.out().contains(added + " may edit a migration the base branch has"), run.out());
        assertTrue(fixture.github.commentBodies().get(0).contains("❌ `" + added + "` may be an edit:"),
                fixture.github.commentBodies().get(0));
    }

    @Test
    void anAddedMigrationThatSortsBeforeOneTheBaseGainedIsAnError() throws Exception {
        // The branch adds a migration; meanwhile main gains a later one (deployed, say). The pull request's checkout
        // is the merge of the two, as actions/checkout makes it.
        String age = "db/migrations/20261202000000_add_users_age.sql";
        String teams = "db/migrations/20261203000000_add_teams_table.sql";
        fixture.commitAndPush(BRANCH, "Ages", Map.of(
                "db/schema.sql", ActionFixture.SCHEMA_MAIN.replace("email text NOT NULL", "email text NOT NULL,\n    age int"),
                age, """
                        --liquibase formatted sql

                        --changeset mona:add-users-age
                        ALTER TABLE public.users ADD COLUMN age int;
                        --rollback ALTER TABLE public.users DROP COLUMN age;
                        """));
        fixture.author.checkout().setName("main").call();
        String base = fixture.commitAndPush("main", "Teams", Map.of(
                "db/schema.sql", "CREATE TABLE teams (id bigint PRIMARY KEY);\n\n" + ActionFixture.SCHEMA_MAIN,
                teams, """
                        --liquibase formatted sql

                        --changeset hubot:add-teams-table
                        CREATE TABLE public.teams (id bigint PRIMARY KEY);
                        --rollback DROP TABLE public.teams;
                        """));
        Path workspace = fixture.checkout(BRANCH, 0);
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(workspace.toFile())) {
            var merged = git.merge().include(git.getRepository().resolve("refs/remotes/origin/main")).call();
            assertTrue(merged.getMergeStatus().isSuccessful(), merged.toString());
        }
        ActionFixture.Run run = fixture.action(pullRequest(workspace, base, fixture.remoteTip(BRANCH)));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("::error file=" + age + ",line=3,title=out of order migration::this migration "
                + "sorts before " + teams + ", which the base branch has"), run.out());
        assertTrue(run.out().contains("::error::deploy will refuse a migration file of this change: " + age
                + " sorts before " + teams + ", which the base branch has: deploy refuses a pending migration before "
                + "an applied one; rename it with a later timestamp"), run.out());
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("❌ `" + age + "` (line 3) sorts before " + teams + ":"), comment);
        assertFalse(comment.contains(teams + "` (line"), "the base's own migration is not the change's\n" + comment);
    }

    @Test
    void aMigrationCreatingWhatTheSchemaLacksIsSaidSoWithoutADropMigration() throws Exception {
        String audit = "db/migrations/20261202000000_audit.sql";
        String head = fixture.commitAndPush(BRANCH, "Audit table", Map.of(audit, """
                --liquibase formatted sql

                --changeset mona:audit
                CREATE TABLE public.audit (id bigint PRIMARY KEY, at timestamptz NOT NULL);
                --rollback DROP TABLE public.audit;
                """));
        ActionFixture.Run run = plan(head);

        assertEquals(1, run.exit(), run.all());
        String message = audit + " creates table public.audit, which db/schema.sql does not have: add it to the "
                + "schema, or drop it from the migration";
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains(message), comment);
        assertFalse(comment.contains("drop_audit_table"), comment);
        assertFalse(run.all().contains("drop_audit_table"), run.all());
        assertTrue(run.out().contains("::error file=" + audit + ",line=4,title=not in the schema::" + message),
                run.out());
        assertTrue(run.out().contains("::error file=db/schema.sql,title=not in the schema::" + message), run.out());
        assertEquals("", ActionFixture.outputs(run.outputs()).get("migration-file"));
    }

    @Test
    void aReRunOnTheSameHeadNamesTheSameFileAndLeavesTheCommentAlone() throws Exception {
        String head = fixture.commitAndPush(BRANCH, "Display names", Map.of("db/schema.sql", """
                CREATE TABLE users (
                    id bigint PRIMARY KEY,
                    email varchar(200) NOT NULL,
                    display_name text
                );
                """));
        // Both runs on one throwaway server, as a job's embedded one is: its description is in the comment.
        ActionFixture.Run first;
        ActionFixture.Run again;
        try (ShadowDatabase admin = TestPostgres.newDatabase("admin")) {
            Map<String, String> env = pullRequest(fixture.checkout(BRANCH, 0), fixture.mainSha, head);
            env.put("AUTOMIGRATE_SHADOW", "url");
            env.put("AUTOMIGRATE_SHADOW_URL", admin.url().display());
            first = ActionFixture.run(env, null);
            env.put("GITHUB_WORKSPACE", fixture.checkout(BRANCH, 0).toString());
            again = ActionFixture.run(env, null);
        }

        String file = ActionFixture.outputs(first.outputs()).get("migration-file");
        assertEquals(file, ActionFixture.outputs(again.outputs()).get("migration-file"), "no timestamp churn");
        assertEquals(1, writes().size(), "the second run finds the comment as it is and edits nothing: " + writes());
        assertTrue(again.out().contains("automigrate: pull-request comment unchanged"), again.out());
        // The finding names the schema line the author edited, not a line of the migration nobody has written yet.
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("`column public.users.email` (db/schema.sql:3)"), comment);
        assertFalse(comment.matches("(?s).*\\(line \\d+\\).*"), comment);
    }

    @Test
    void aMonorepoProjectWithItsOwnConfigFileIsWatchedAndShownFromTheRepositoryTop() throws Exception {
        String project = "services/shop/";
        String config = "environments:\n  production:\n    branches: [main]\n";
        String base = fixture.commitAndPush(BRANCH, "The shop service", Map.of(project + "shop.yml", config,
                project + "db/schema.sql", ActionFixture.SCHEMA_MAIN, project + FIRST, ActionFixture.FIRST_MIGRATION));
        String configOnly = fixture.commitAndPush(BRANCH, "Staging for the shop",
                Map.of(project + "shop.yml", config + "  staging:\n    branches: [develop]\n"));
        Map<String, String> env = pullRequest(fixture.checkout(BRANCH, 0), base, configOnly);
        env.put("INPUT_WORKING-DIRECTORY", "services/shop");
        env.put("INPUT_CONFIG", "shop.yml");
        ActionFixture.Run watched = fixture.action(env);
        assertEquals(0, watched.exit(), watched.all());
        assertTrue(watched.out().contains(": services/shop/shop.yml"), "a change of the config file is a change to "
                + "plan, as one of automigrate.yml is\n" + watched.out());
        assertTrue(watched.out().contains("schema and migrations agree"), watched.out());

        String head = fixture.commitAndPush(BRANCH, "Display names", Map.of(project + "db/schema.sql", """
                CREATE TABLE users (
                    id bigint PRIMARY KEY,
                    email varchar(200) NOT NULL
                );
                """));
        env = pullRequest(fixture.checkout(BRANCH, 0), configOnly, head);
        env.put("INPUT_WORKING-DIRECTORY", "services/shop");
        env.put("INPUT_CONFIG", "shop.yml");
        ActionFixture.Run run = fixture.action(env);
        assertEquals(1, run.exit(), run.all());
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("### automigrate (services/shop): needs a migration: services/shop/db/migrations/"),
                comment);
        assertTrue(comment.contains("(services/shop/db/schema.sql:3)"), comment);
        assertTrue(comment.contains("commit `services/shop/db/migrations/"), comment);
        assertTrue(run.out().contains("::error file=services/shop/db/schema.sql,line=3,title=AM104 "), run.out());
        assertTrue(ActionFixture.outputs(run.outputs()).get("migration-file").startsWith("services/shop/db/migrations/"));
        assertTrue(ActionFixture.outputs(run.outputs()).get("findings").contains("\"file\":\"services/shop/db/schema.sql\""));
    }
}
