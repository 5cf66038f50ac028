#!/usr/bin/env bash
# Records the classes the action loads, for the image's class-data-sharing archive (Dockerfile). Runs the action's
# entrypoint the way a job does on a tiny repository: a push that changes no schema file (the fast path, whose
# classes are archived) and a pull request that edits the schema (git detection, the embedded PostgreSQL, plan,
# proof, the markdown report), which checks that the runtime it runs on has every module a plan needs (with a seed:
# that it starts from the seed and the binaries it unpacks into the cache, and restarts from that cache); its classes
# are not archived (17 MB more image for about a second of CPU in a run of several; docs/benchmarks.md). With
# AUTOMIGRATE_SEED_DIR set, the plan must start its server from that seed. No GitHub API is needed: comment is off.
# The archived run traces nothing (AUTOMIGRATE_TRACE=0): a job does not, and tracing loads classes of its own.
#   scripts/image-classlist.sh JAVA JAR OUT_CLASSLIST
set -euo pipefail
java=$1 jar=$2 out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
mkdir -p "$repo/db/migrations"
git() { command git -C "$repo" -c user.name=image -c user.email=image@localhost "$@"; }
git init -q -b main
printf 'environments:\n  production:\n    branches: [main]\n' >"$repo/automigrate.yml"
printf 'CREATE TABLE t (id bigint PRIMARY KEY);\n' >"$repo/db/schema.sql"
git add -A && git commit -qm base
base=$(git rev-parse HEAD)
printf 'CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE INDEX t_name_idx ON t (name);\n' \
    >"$repo/db/schema.sql"
git commit -qam schema
head=$(git rev-parse HEAD)
echo '# readme' >"$repo/README.md"
git add README.md && git commit -qm readme
readme=$(git rev-parse HEAD)

run() {  # LIST EVENT_NAME EVENT_JSON EXPECTED_OUTPUT [TRACE: 1, the default, or 0]
    printf '%s\n' "$3" >"$work/event.json"
    (cd "$repo" && env GITHUB_WORKSPACE="$repo" GITHUB_EVENT_NAME="$2" GITHUB_EVENT_PATH="$work/event.json" \
        GITHUB_REPOSITORY=image/record AUTOMIGRATE_TRACE="${5:-1}" INPUT_COMMAND=auto INPUT_COMMENT=false INPUT_COMMIT=false \
        "INPUT_WORKING-DIRECTORY=." "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:off \
        -XX:DumpLoadedClassList="$1" -jar "$jar" action >"$work/log" 2>&1) || true
    grep -q "$4" "$work/log" || { echo "recording run '$2' did not do what it should:" >&2; cat "$work/log" >&2; exit 1; }
}
pr_event="{\"number\": 1, \"pull_request\": {\"number\": 1, \"head\": {\"sha\": \"$head\",
  \"ref\": \"feature\", \"repo\": {\"full_name\": \"image/record\"}}, \"base\": {\"sha\": \"$base\", \"ref\": \"main\",
  \"repo\": {\"full_name\": \"image/record\"}}}, \"repository\": {\"full_name\": \"image/record\"}}"
run "$work/pr.lst" pull_request "$pr_event" "proof on embedded"
if [ -n "${AUTOMIGRATE_SEED_DIR:-}" ]; then
    # a cold cache: the seed's cluster, the binaries unpacked into the cache, the server started without the library
    for step in "data directory unpacked from the seed" "embedded server started from the cache's binaries"; do
        grep -q "$step" "$work/log" \
            || { echo "the pull request's plan did not log '$step' (seed: $AUTOMIGRATE_SEED_DIR):" >&2; cat "$work/log" >&2; exit 1; }
    done
    # the same cache again, as actions/cache restores it: nothing unpacked, the server restarted directly
    run "$work/pr2.lst" pull_request "$pr_event" "embedded server restarted from the cache"
fi
run "$work/push.lst" push "{\"ref\": \"refs/heads/docs\", \"before\": \"$head\", \"after\": \"$readme\",
  \"repository\": {\"full_name\": \"image/record\"}}" "no schema changes" 0
cp "$work/push.lst" "$out"
echo "recorded $(grep -vc '^[#@]' "$out") classes"
