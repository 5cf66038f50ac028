#!/usr/bin/env bash
# Builds the action's image from the Dockerfile and runs it the way GitHub runs a container action, against a local
# stand-in for the GitHub REST API (src/test/java/io/automigrate/github/GitHubStandIn.java) and the embedded
# PostgreSQL inside the image:
#   1. a pull request that edits the schema: the plan comment must arrive at the stand-in; the edit has a non-ASCII
#      column name and comment, and the database URL a non-ASCII password: the log must carry them as UTF-8 bytes
#      and mask the password as it is; the embedded server's cache must land under the job's HOME, its data
#      directory unpacked from the image's seed (no initdb);
#   2. the same pull request as another user (--user 1001, as a self-hosted runner may run containers), with an
#      empty HOME of that user: the seed serves it too;
#   3. the same pull request without the image's seed (as with a pg-version the image has no seed for): the binaries
#      are unpacked into HOME's cache and initdb runs from them, without the embedded library; a second run on that
#      HOME restarts the server from the cache, unpacking nothing;
#   4. a push that changes no schema file: timed from container start to exit.
# Slow (podman, a base image, a Maven build in the image) and not part of the test suite. Needs root and
# ../shared/tools/container.sh (CONTAINER_SH to point elsewhere). Usage: scripts/container-smoke.sh
# (AUTOMIGRATE_IMAGE=tag AUTOMIGRATE_SMOKE_BUILD=no reuses an image built before).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
container_sh="${CONTAINER_SH:-$repo/../../shared/tools/container.sh}"
[ -x "$container_sh" ] || container_sh=/work/shared/tools/container.sh
tag="${AUTOMIGRATE_IMAGE:-automigrate-action:smoke}"
export CONTAINERS_CONF="${CTR:-/tmp/automigrate-ctr}/containers.conf"

step() { printf '\n=== %s\n' "$*"; }
fail() { echo "container smoke FAILED: $*" >&2; exit 1; }

if ! podman image exists docker.io/library/debian:bookworm-slim 2>/dev/null; then
    step "base image (container.sh base)"
    "$container_sh" base
fi

if [ "${AUTOMIGRATE_SMOKE_BUILD:-yes}" != no ]; then
    step "image build (container.sh build)"
    build_start=$(date +%s)
    "$container_sh" build "$repo" "$tag"
    echo "image built in $(( $(date +%s) - build_start ))s"
fi
podman image inspect "$tag" --format 'image size: {{.Size}} bytes'
podman images "$tag"

step "GitHub stand-in (from the test classpath)"
./mvnw -q -B -o -DskipTests package
work="$(mktemp -d)"
standin_pid=""
cleanup() { [ -n "$standin_pid" ] && kill "$standin_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
java -cp "target/test-classes:target/automigrate.jar" io.automigrate.github.GitHubStandIn \
    octo-org/shop 0 "$work/requests.jsonl" db/schema.sql >"$work/standin.log" 2>&1 &
standin_pid=$!
for _ in $(seq 100); do grep -q ' at http' "$work/standin.log" 2>/dev/null && break; sleep 0.1; done
api_url="$(sed -n 's/.* at \(http[^ ]*\)$/\1/p' "$work/standin.log")"
[ -n "$api_url" ] || fail "the stand-in did not start: $(cat "$work/standin.log")"
echo "stand-in at $api_url"

step "a repository with a pull request (shallow checkout: the base is not in the clone)"
origin="$work/origin"
mkdir -p "$origin/db/migrations"
git -C "$origin" init -q -b main
cat >"$origin/automigrate.yml" <<'YAML'
environments:
  production:
    branches: [main]
    production: true
YAML
cat >"$origin/db/schema.sql" <<'SQL'
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL
);
SQL
cat >"$origin/db/migrations/20261101000000_add_users_table.sql" <<'SQL'
--liquibase formatted sql

--changeset automigrate:20261101000000_add_users_table
CREATE TABLE public.users (
    id bigint NOT NULL PRIMARY KEY,
    email text NOT NULL
);
--rollback DROP TABLE public.users;
SQL
git -C "$origin" add -A && git -C "$origin" -c user.name=smoke -c user.email=smoke@example.com commit -qm base
base_sha="$(git -C "$origin" rev-parse HEAD)"
git -C "$origin" checkout -q -b feature/display-name
sed -i 's/email text NOT NULL/email text NOT NULL,\n    display_name text,\n    "café" text/' "$origin/db/schema.sql"
echo "COMMENT ON COLUMN users.\"café\" IS 'prix → TTC';" >>"$origin/db/schema.sql"
git -C "$origin" -c user.name=smoke -c user.email=smoke@example.com commit -qam "display names"
head_sha="$(git -C "$origin" rev-parse HEAD)"
workspace="$work/workspace"
git clone -q --depth 1 --branch feature/display-name "file://$origin" "$workspace"

mkdir -p "$work/workflow" "$work/file_commands"
sed -e "s/\${BASE_SHA}/$base_sha/" -e "s/\${HEAD_SHA}/$head_sha/" \
    src/test/resources/github-events/pull_request_opened.json >"$work/workflow/event.json"
token="ghs_smokeToken0123456789abcdefghij"
# Not ASCII, as a password may be; the runner can only mask it if the action prints it in UTF-8.
password='pässwörd→€'
mkdir -p "$work/home"

run_action() {  # EVENT_NAME REF [extra podman args]
    local event_name=$1 ref=$2; shift 2
    : >"$work/file_commands/output"; : >"$work/file_commands/summary"
    "$container_sh" run "$tag" "$workspace" --network host \
        -v "$work/workflow":/github/workflow -v "$work/file_commands":/github/file_commands \
        -e GITHUB_EVENT_NAME="$event_name" -e GITHUB_EVENT_PATH=/github/workflow/event.json \
        -e GITHUB_REF="$ref" -e GITHUB_REPOSITORY=octo-org/shop -e GITHUB_API_URL="$api_url" \
        -e GITHUB_OUTPUT=/github/file_commands/output -e GITHUB_STEP_SUMMARY=/github/file_commands/summary \
        -e INPUT_COMMAND=auto -e "INPUT_GITHUB-TOKEN=$token" -e INPUT_COMMENT=true -e INPUT_COMMIT=false \
        -e INPUT_WORKING-DIRECTORY=. -e HOME=/github/home -v "$work/home":/github/home "$@"
}

step "pull request: plan and comment, inside the container"
set +e
pr_start=$(date +%s.%N)
run_action pull_request refs/pull/7/merge -e "INPUT_DATABASE-URL=postgresql://app:$password@db.example.com/shop" \
    -e AUTOMIGRATE_TRACE=1 2>&1 | tee "$work/pr.log"
pr_exit=${PIPESTATUS[0]}
pr_end=$(date +%s.%N)
set -e
echo "exit $pr_exit after $(echo "$pr_end - $pr_start" | bc)s (1 is expected: the pull request lacks its migration)"
[ "$pr_exit" = 1 ] || fail "expected exit 1 (migration missing), got $pr_exit"
echo "--- outputs"; cat "$work/file_commands/output"
echo "--- requests the stand-in received"
cat "$work/requests.jsonl" | sed -E 's/"authorization":"[^"]*"/"authorization":"(redacted)"/' | cut -c1-220
grep -q '"method":"POST","path":"/api/v3/repos/octo-org/shop/issues/7/comments"' "$work/requests.jsonl" \
    || fail "no comment was posted"
grep '"method":"POST"' "$work/requests.jsonl" | grep -q 'automigrate:plan:db/schema.sql' || fail "the comment lacks its marker"
grep '"method":"POST"' "$work/requests.jsonl" | grep -q 'ADD COLUMN display_name text' || fail "the comment lacks the SQL"
grep -q "detected by the pull request's changed-file list from the GitHub API" "$work/pr.log" \
    || fail "the shallow clone's detection did not use the API"
# The token belongs in the Authorization header and nowhere else.
sed -E 's/"authorization":"[^"]*"//' "$work/requests.jsonl" >"$work/requests-without-auth.jsonl"
if grep -q "$token" "$work/requests-without-auth.jsonl" "$work/file_commands/output" "$work/file_commands/summary" \
    || grep -v '^::add-mask::' "$work/pr.log" | grep -q "$token"; then
    fail "the token leaked"
fi
echo "comment arrived: ok"
# Byte for byte (LC_ALL=C: grep compares bytes): UTF-8 in, UTF-8 out; an ASCII JVM prints '?' for each.
LC_ALL=C grep -qxF "::add-mask::$password" "$work/pr.log" \
    || fail "the password was not masked as it is: $(grep -a add-mask "$work/pr.log" | od -c | head -3)"
LC_ALL=C grep -qF 'ADD COLUMN "café" text' "$work/pr.log" || fail "the log lost the column name's bytes"
LC_ALL=C grep -qF "IS 'prix → TTC'" "$work/pr.log" || fail "the log lost the comment's bytes"
LC_ALL=C grep -qF '"café"' "$work/file_commands/summary" || fail "the summary lost the column name's bytes"
grep '"method":"POST"' "$work/requests.jsonl" | grep -qE 'caf(é|\\u00e9)' || fail "the comment lost the column name"
if grep -v '^::add-mask::' "$work/pr.log" | LC_ALL=C grep -qF "$password" \
    || LC_ALL=C grep -qF "$password" "$work/requests.jsonl" "$work/file_commands/output" "$work/file_commands/summary"; then
    fail "the password leaked"
fi
echo "UTF-8 (column name, comment, password mask): ok"
# The cache follows the job's HOME (GitHub mounts the runner's folder there), not the account's /root.
[ -d "$work/home/.cache/automigrate/pg17" ] || fail "no embedded-server cache under HOME: $(ls -R "$work/home" | head)"
echo "cache under HOME: ok"
grep -q "data directory unpacked from the seed" "$work/pr.log" || fail "the first plan did not start from the seed"
echo "server from the image's seed: ok"

step "the same pull request as user 1001 with an empty HOME: the seed serves any user"
mkdir -p "$work/home1001"; chown 1001:1001 "$work/home1001"; chmod 666 "$work/file_commands"/*
set +e
"$container_sh" run "$tag" "$workspace" --network host --user 1001:1001 \
    -v "$work/workflow":/github/workflow -v "$work/file_commands":/github/file_commands \
    -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH=/github/workflow/event.json \
    -e GITHUB_REF=refs/pull/7/merge -e GITHUB_REPOSITORY=octo-org/shop -e GITHUB_API_URL="$api_url" \
    -e GITHUB_OUTPUT=/github/file_commands/output -e GITHUB_STEP_SUMMARY=/github/file_commands/summary \
    -e INPUT_COMMAND=auto -e "INPUT_GITHUB-TOKEN=$token" -e INPUT_COMMENT=false -e INPUT_COMMIT=false \
    -e INPUT_WORKING-DIRECTORY=. -e HOME=/github/home -v "$work/home1001":/github/home -e AUTOMIGRATE_TRACE=1 \
    >"$work/pr1001.log" 2>&1
user_exit=$?
set -e
[ "$user_exit" = 1 ] || fail "as user 1001: expected exit 1 (migration missing), got $user_exit: $(tail -20 "$work/pr1001.log")"
grep -q "data directory unpacked from the seed" "$work/pr1001.log" || fail "as user 1001: not from the seed"
grep -q 'ADD COLUMN display_name text' "$work/pr1001.log" || fail "as user 1001: no plan"
[ "$(stat -c %u "$work/home1001/.cache/automigrate/pg17")" = 1001 ] || fail "as user 1001: the cache is not its own"
echo "as user 1001: ok"

step "the same pull request without the seed (a pg-version the image has none for): all in HOME's cache, no library"
noseed_run() {  # LOG
    "$container_sh" run "$tag" "$workspace" --network host \
        -v "$work/workflow":/github/workflow -v "$work/file_commands":/github/file_commands \
        -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH=/github/workflow/event.json \
        -e GITHUB_REF=refs/pull/7/merge -e GITHUB_REPOSITORY=octo-org/shop -e GITHUB_API_URL="$api_url" \
        -e GITHUB_OUTPUT=/github/file_commands/output -e GITHUB_STEP_SUMMARY=/github/file_commands/summary \
        -e INPUT_COMMAND=auto -e "INPUT_GITHUB-TOKEN=$token" -e INPUT_COMMENT=false -e INPUT_COMMIT=false \
        -e INPUT_WORKING-DIRECTORY=. -e HOME=/github/home -v "$work/home-noseed":/github/home \
        -e AUTOMIGRATE_SEED_DIR= -e AUTOMIGRATE_TRACE=1 >"$1" 2>&1
}
mkdir -p "$work/home-noseed"
set +e; noseed_run "$work/noseed.log"; noseed_exit=$?; set -e
[ "$noseed_exit" = 1 ] || fail "without the seed: expected exit 1, got $noseed_exit: $(tail -20 "$work/noseed.log")"
for line in "embedded server: binaries ready in the cache" "embedded server: data directory made by initdb" \
        "embedded server started from the cache's binaries"; do
    grep -q "$line" "$work/noseed.log" || fail "without the seed: no '$line': $(grep trace "$work/noseed.log")"
done
! grep -q "started by the library" "$work/noseed.log" || fail "without the seed: the library started the server"
ls "$work/home-noseed/.cache/automigrate"/postgres-*/bin/postgres >/dev/null || fail "without the seed: no binaries in the cache"
set +e; noseed_run "$work/noseed2.log"; noseed_exit=$?; set -e
[ "$noseed_exit" = 1 ] || fail "without the seed, again: expected exit 1, got $noseed_exit"
grep -q "embedded server restarted from the cache" "$work/noseed2.log" \
    || fail "without the seed, again: not restarted from the cache: $(grep trace "$work/noseed2.log")"
! grep -qE "binaries ready|made by initdb|started by the library" "$work/noseed2.log" || fail "without the seed, again: unpacked or initdb again"
echo "without the seed: binaries and cluster in HOME's cache, restarted from there: ok"

step "push with no schema change: container start to exit"
git -C "$origin" checkout -q main
echo "# shop" >"$origin/README.md"
git -C "$origin" add README.md
git -C "$origin" -c user.name=smoke -c user.email=smoke@example.com commit -qm readme
after_sha="$(git -C "$origin" rev-parse HEAD)"
git -C "$origin" branch -q -f docs "$after_sha"
rm -rf "$workspace" && git clone -q --depth 1 --branch docs "file://$origin" "$workspace"
cat >"$work/workflow/event.json" <<JSON
{"ref": "refs/heads/docs", "before": "$base_sha", "after": "$after_sha", "created": false, "deleted": false,
 "forced": false, "commits": [{"id": "$after_sha", "added": ["README.md"], "removed": [], "modified": []}],
 "repository": {"full_name": "octo-org/shop"}}
JSON
push_start=$(date +%s.%N)
run_action push refs/heads/docs | tee "$work/push.log"
push_end=$(date +%s.%N)
grep -q "no schema changes" "$work/push.log" || fail "the push was not recognised as changing no schema"
echo "push with no schema change: container start to exit $(echo "$push_end - $push_start" | bc)s"
step "container smoke: ok"
