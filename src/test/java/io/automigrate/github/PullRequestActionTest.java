package io.automigrate.github;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.automigrate.github.ActionFixture.BRANCH;
import static io.automigrate.github.ActionFixture.SCHEMA_MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code automigrate action} on pull requests, end to end: real git repositories, the embedded PostgreSQL for the
 * plan's proof, and the GitHub stand-in (under a GitHub Enterprise style {@code /api/v3} prefix) for the comment.
 */
class PullRequestActionTest extends ActionTestBase {
    private static final String MARKER = "<!-- automigrate:plan:db/schema.sql -->";
    private static final String SCHEMA_V1 = """
            CREATE TABLE users (
                id bigint PRIMARY KEY,
                email varchar(200) NOT NULL,
                display_name text
            );
            """;
    private static final String SCHEMA_V2 = """
            CREATE TABLE users (
                id bigint PRIMARY KEY,
                email varchar(200) NOT NULL,
                display_name text,
                last_seen_at timestamptz
            );
            """;


    private Map<String, String> pullRequest(Path workspace, String eventFile, String head, String before)
            throws Exception {
        Path event = fixture.event(eventFile, before == null
                ? Map.of("BASE_SHA", fixture.mainSha, "HEAD_SHA", head)
                : Map.of("BASE_SHA", fixture.mainSha, "HEAD_SHA", head, "BEFORE", before));
        Map<String, String> env = fixture.environment(workspace, "pull_request", event, "refs/pull/7/merge");
        env.put("INPUT_DATABASE-URL", "postgresql://deployer:" + ActionFixture.PASSWORD + "@db.internal:5432/shop");
        return env;
    }

    private List<GitHubStandIn.Request> writes() {
        return fixture.github.requests().stream().filter(GitHubStandIn.Request::isWrite).toList();
    }

    @Test
    void commentIsCreatedOnceEditedOnEveryPushAndSaysSoWhenTheChangeIsReverted() throws Exception {
        String v1 = fixture.commitAndPush(BRANCH, "Display names", Map.of("db/schema.sql", SCHEMA_V1));
        ActionFixture.Run first = fixture.action(pullRequest(fixture.checkout(BRANCH, 0), "pull_request_opened", v1,
                null));

        assertEquals(1, first.exit(), "a schema change without its migration fails the check\n" + first.all());
        assertEquals(1, writes().size(), "one write: the new comment\n" + fixture.github.requests());
        GitHubStandIn.Request created = writes().get(0);
        assertEquals("POST", created.method());
        assertEquals("/api/v3/repos/octo-org/shop/issues/7/comments", created.path());
        assertEquals("token " + ActionFixture.TOKEN, created.authorization(), "the token authenticates the call");
        assertTrue(fixture.github.requests().stream().noneMatch(r -> r.path().endsWith("/user")),
                "no GET /user: an installation token (GITHUB_TOKEN) may not read it\n" + fixture.github.requests());
        List<String> comments = fixture.github.commentBodies();
        assertEquals(1, comments.size());
        String comment = comments.get(0);
        assertTrue(comment.startsWith(MARKER), comment);
        assertTrue(comment.contains("ALTER TABLE public.users"), comment);
        assertTrue(comment.contains("varchar(200)") || comment.contains("character varying(200)"), comment);
        assertTrue(comment.contains("<details><summary>Rollback SQL</summary>"), comment);
        assertTrue(comment.contains("**Risk:** high"), "a narrowing type change is an error finding\n" + comment);
        assertTrue(comment.contains("AM104"), comment);
        assertTrue(comment.contains("merging into `main` applies the pending migrations to **production**"), comment);
        assertTrue(comment.contains("✅ rollback restores the previous schema"), comment);
        assertTrue(comment.contains("run `automigrate plan` in your clone"), comment);
        assertEquals(ActionFixture.documentedComment("A rendered sample (a pull request that adds a column"),
                ActionFixture.comparable(comment), "docs/github-action.md shows the comment the code renders");

        Map<String, String> outputs = ActionFixture.outputs(first.outputs());
        assertEquals("true", outputs.get("changed"));
        assertEquals("high", outputs.get("risk"));
        assertTrue(outputs.get("migration-file").matches("db/migrations/\\d{14}_auto_schema_update_\\d{14}\\.sql"),
                outputs.toString());
        assertTrue(outputs.get("migration-file").endsWith(outputs.get("migration-name") + ".sql"), outputs.toString());
        assertTrue(outputs.get("findings").startsWith("[{\"code\":\"AM104\""), outputs.get("findings"));
        assertEquals(comment, first.summary().strip() + "\n", "the job summary holds the same report");
        assertTrue(first.out().contains("::error file=db/schema.sql,line=3,title=AM104 "),
                "the finding is annotated on the schema line that narrows the column\n" + first.out());
        assertTrue(first.out().contains("::warning file=db/schema.sql,line=3,title=AM406 "),
                "a warning finding is a warning annotation\n" + first.out());
        assertTrue(first.out().contains("::error::the schema has changes that no migration covers"), first.out());
        assertFalse(Files.exists(fixture.dir.resolve("workspace-1").resolve(outputs.get("migration-file"))),
                "without commit: true nothing is written into the checkout");
        fixture.assertNoSecrets(first);

        String v2 = fixture.commitAndPush(BRANCH, "Last seen", Map.of("db/schema.sql", SCHEMA_V2));
        ActionFixture.Run second = fixture.action(pullRequest(fixture.checkout(BRANCH, 0), "pull_request_synchronize",
                v2, v1));
        assertEquals(1, second.exit(), second.all());
        assertEquals(2, writes().size(), fixture.github.requests().toString());
        GitHubStandIn.Request edited = writes().get(1);
        assertEquals("PATCH", edited.method());
        assertEquals("/api/v3/repos/octo-org/shop/issues/comments/1000001", edited.path());
        assertEquals(1, fixture.github.commentBodies().size(), "never a second comment");
        assertTrue(fixture.github.commentBodies().get(0).contains("last_seen_at"), fixture.github.commentBodies().get(0));
        fixture.assertNoSecrets(second);

        String reverted = fixture.commitAndPush(BRANCH, "Revert", Map.of("db/schema.sql", SCHEMA_MAIN));
        ActionFixture.Run third = fixture.action(pullRequest(fixture.checkout(BRANCH, 0), "pull_request_synchronize",
                reverted, v2));
        assertEquals(0, third.exit(), third.all());
        assertEquals(3, writes().size(), fixture.github.requests().toString());
        assertEquals("PATCH", writes().get(2).method());
        String last = fixture.github.commentBodies().get(0);
        assertEquals(1, fixture.github.commentBodies().size());
        assertTrue(last.startsWith(MARKER), last);
        assertTrue(last.contains("no longer changes the schema"), last);
        assertFalse(last.contains("ALTER TABLE"), last);
        assertEquals("false", ActionFixture.outputs(third.outputs()).get("changed"));
        assertEquals("none", ActionFixture.outputs(third.outputs()).get("risk"));
        fixture.assertNoSecrets(third);
    }

    @Test
    void withoutATokenOnlyAPlanWithSomethingToReviewWarnsThatNoCommentIsPosted() throws Exception {
        String docs = fixture.commitAndPush(BRANCH, "Docs", Map.of("README.md", "# shop\n"));
        Map<String, String> env = pullRequest(fixture.checkout(BRANCH, 0), "pull_request_opened", docs, null);
        env.put("INPUT_GITHUB-TOKEN", "");
        ActionFixture.Run nothing = fixture.action(env);
        assertEquals(0, nothing.exit(), nothing.all());
        // Nothing to review: there is no plan that a comment would have shown.
        assertFalse(nothing.out().contains("::warning::no github-token"), nothing.out());
        assertTrue(nothing.out().contains("no github-token: a comment from an earlier push, if any, is not updated"),
                nothing.out());

        String change = fixture.commitAndPush(BRANCH, "Display names", Map.of("db/schema.sql", SCHEMA_V1));
        env = pullRequest(fixture.checkout(BRANCH, 0), "pull_request_synchronize", change, docs);
        env.put("INPUT_GITHUB-TOKEN", "");
        ActionFixture.Run planned = fixture.action(env);
        assertEquals(1, planned.exit(), planned.all());
        assertTrue(planned.out().contains(
                "::warning::no github-token: the plan is in the job summary, not in a pull-request comment"),
                planned.out());
        assertTrue(planned.out().contains("(its SQL is in the job summary)"), planned.out());
        assertTrue(fixture.github.requests().stream().noneMatch(GitHubStandIn.Request::isWrite),
                fixture.github.requests().toString());
    }

    @Test
    void aSchemaThatDoesNotParseIsAnErrorAnnotatedOnItsFileLineAndColumn() throws Exception {
        String head = fixture.commitAndPush(BRANCH, "Broken schema", Map.of("db/schema.sql", """
                CREATE TABLE users (
                    id bigint PRIMARY KEY,
                    email text NOT NULL
                    name text
                );
                """));
        ActionFixture.Run run = fixture.action(pullRequest(fixture.checkout(BRANCH, 0), "pull_request_opened", head,
                null));
        assertEquals(2, run.exit(), run.all());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("::error file=db/schema\\.sql,line=4,col=\\d+::db/schema\\.sql:4:.*")),
                "the error names its place as annotation properties, not only in its text\n" + run.out());
    }

    @Test
    void thePlanIsJudgedByThePolicyOfTheEnvironmentTheBaseBranchDeploysTo() throws Exception {
        // main deploys to production, which allows the narrowing (AM104) and raises the lock warning (AM406);
        // staging allows the narrowing too, so no environment refuses the migration for it.
        String config = ActionFixture.CONFIG.replace("    production: true\n",
                "    production: true\n    allow: [AM104]\n    errors: [AM406]\n")
                .replace("    url-env: STAGING_DATABASE_URL\n", "    url-env: STAGING_DATABASE_URL\n    allow: [AM104]\n");
        String head = fixture.commitAndPush(BRANCH, "Display names, allowed in production",
                Map.of("db/schema.sql", SCHEMA_V1, "automigrate.yml", config));
        ActionFixture.Run run = fixture.action(pullRequest(fixture.checkout(BRANCH, 0), "pull_request_opened", head,
                null));

        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("allowed by environment production in automigrate.yml"), comment);
        String findings = ActionFixture.outputs(run.outputs()).get("findings");
        assertTrue(findings.contains("\"code\":\"AM104\"") && findings.contains("\"allowed\":true"), findings);
        assertTrue(run.out().contains("::notice file=db/schema.sql,line=3,title=AM104 "),
                "an allowed finding is a notice, not a red mark\n" + run.out());
        assertTrue(run.out().contains("::error file=db/schema.sql,line=3,title=AM406 "),
                "production's 'errors' raise the lock warning\n" + run.out());
    }

    @Test
    void forkPullRequestMakesNoWriteRequestAndTellsTheAuthorHowToAddTheFile() throws Exception {
        String v1 = fixture.commitAndPush(BRANCH, "Display names", Map.of("db/schema.sql", SCHEMA_V1));
        fixture.github.pullRequestFiles(List.of("db/schema.sql", "README.md"));
        Path shallow = fixture.checkout(BRANCH, 1);
        ActionFixture.Run run = fixture.action(pullRequest(shallow, "pull_request_fork", v1, null));

        assertEquals(1, run.exit(), run.all());
        assertTrue(writes().isEmpty(), "no write call with the token on a fork's pull request: " + writes());
        // The shallow clone lacks the base: it is fetched (a read; the API's file list is the fallback, see
        // PullRequestChecksTest), and git compares it with the checkout.
        assertTrue(run.out().contains("fetched into this shallow clone"), run.out());
        assertTrue(run.summary().contains("it comes from a fork, so automigrate does not push to it"), run.summary());
        assertTrue(run.summary().contains("<details><summary>Migration file <code>db/migrations/"), run.summary());
        assertTrue(run.summary().contains("--liquibase formatted sql"), run.summary());
        assertTrue(fixture.github.commentBodies().isEmpty());
        fixture.assertNoSecrets(run);
    }

    @Test
    void commitTruePushesOneCommitToTheHeadBranchAndAReRunPushesNothing() throws Exception {
        String v1 = fixture.commitAndPush(BRANCH, "Display names", Map.of("db/schema.sql", SCHEMA_V1));
        Map<String, String> env = pullRequest(fixture.checkout(BRANCH, 0), "pull_request_opened", v1, null);
        env.put("INPUT_COMMIT", "true");
        ActionFixture.Run run = fixture.action(env);

        // The migration narrows a column (AM104), which no environment of the fixture allows: committed, and the
        // step fails as the run on the commit will (see the re-run below).
        assertEquals(1, run.exit(), run.all());
        String tip = fixture.remoteTip(BRANCH);
        assertNotEquals(v1, tip, "a commit was pushed");
        String file = ActionFixture.outputs(run.outputs()).get("migration-file");
        String name = ActionFixture.outputs(run.outputs()).get("migration-name");
        try (Git remote = Git.open(fixture.remote.toFile()); RevWalk walk = new RevWalk(remote.getRepository())) {
            RevCommit commit = walk.parseCommit(remote.getRepository().resolve(tip));
            assertEquals(v1, commit.getParent(0).name(), "exactly one commit on top of the head");
            assertEquals("chore(db): add migration " + name, commit.getShortMessage());
            assertEquals("automigrate[bot]", commit.getAuthorIdent().getName());
            try (TreeWalk found = TreeWalk.forPath(remote.getRepository(), file, commit.getTree())) {
                assertNotNull(found, file + " is in the pushed commit");
            }
        }
        assertEquals(fixture.mainSha, fixture.remoteTip("main"), "only the head branch moves");
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("✅ Committed `" + file + "` to this pull request as " + tip.substring(0, 7)),
                comment);
        fixture.assertNoSecrets(run);

        Map<String, String> again = pullRequest(fixture.checkout(BRANCH, 0), "pull_request_synchronize", tip, v1);
        again.put("INPUT_COMMIT", "true");
        ActionFixture.Run rerun = fixture.action(again);
        // The committed migration narrows a column (AM104), which no environment of the fixture allows: the re-run
        // reviews it as a migration file of the pull request and fails, as the deploy after the merge would.
        assertEquals(1, rerun.exit(), rerun.all());
        String refusal = "::error::deploy will refuse a migration file of this change: " + file
                + " would be refused by environment production (AM104)";
        assertTrue(rerun.out().contains(refusal), rerun.out());
        assertTrue(run.out().contains(refusal), run.out());
        assertEquals(tip, fixture.remoteTip(BRANCH), "the re-run finds nothing new and pushes nothing");
        assertEquals(1, fixture.github.commentBodies().size());
        String updated = fixture.github.commentBodies().get(0);
        assertTrue(updated.contains("The schema and the migrations agree. This pull request adds `" + file + "`"),
                updated);
        assertEquals("false", ActionFixture.outputs(rerun.outputs()).get("changed"));
    }

    @Test
    void whenTheBranchMovedOnWhilePlanningNothingIsPushedAndTheStepSaysWhy() throws Exception {
        // users dropped: no schema line declares it, so its finding is placed on the migration's line when the
        // migration is committed, and nowhere when it is not.
        String v1 = fixture.commitAndPush(BRANCH, "Accounts instead of users", Map.of("db/schema.sql",
                "CREATE TABLE accounts (\n    id bigint PRIMARY KEY\n);\n"));
        Path workspace = fixture.checkout(BRANCH, 0);
        String v2 = fixture.commitAndPush(BRANCH, "Last seen", Map.of("db/schema.sql", SCHEMA_V2));
        Map<String, String> env = pullRequest(workspace, "pull_request_opened", v1, null);
        env.put("INPUT_COMMIT", "true");
        ActionFixture.Run run = fixture.action(env);

        assertEquals(1, run.exit(), run.all());
        assertEquals(v2, fixture.remoteTip(BRANCH), "the newer commit is left alone");
        assertTrue(run.out().contains("it was not committed: the push to " + BRANCH + " was refused"), run.out());
        String comment = fixture.github.commentBodies().get(0);
        assertTrue(comment.contains("**To do:** add this migration"), comment);
        // Never a line of the migration, which the pull request does not have.
        assertTrue(comment.contains("**table dropped**: `table public.users`\n"), comment);
        assertFalse(comment.contains("(db/migrations/"), comment);
        assertTrue(run.out().contains("::error title=AM101 table dropped"), run.out());
        assertFalse(run.out().contains("file=db/migrations/"), run.out());
        assertFalse(ActionFixture.outputs(run.outputs()).get("findings").contains("\"file\":\"db/migrations/"),
                run.outputs());
    }
}
