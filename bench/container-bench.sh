#!/usr/bin/env bash
# The action's image against another image (the current one, say), started as GitHub starts a container action:
#   - the size of each image;
#   - a pull request that changes nothing relevant (a README edit): container start to exit, in a full clone
#     (readme) and in a shallow one as actions/checkout makes by default (readme-shallow: the base commit fetched);
#   - a pull request with a schema change (the quick start: examples/quickstart, before.sql → db/schema.sql), with a
#     cold cache as in a job without actions/cache: container start to exit, the comment posted to a local stand-in
#     for the GitHub API;
#   - the same with a warm cache, as in a job whose actions/cache restored the cache folder: HOME=/github/home mounted
#     from a folder of the host (one per image), filled by the unmeasured run before the measured ones;
#   - the size of each image's cache folder after the warm runs, on disk and packed as actions/cache stores it;
#   - podman's own floor: the same image started with /bin/true as its entrypoint (container start to exit with no
#     Java at all), in the same rotation, so that figures taken on a loaded machine can be judged.
# The two images and the floor run in turn (A B F A B F ...), so that a machine that slows down or speeds up during
# the run weighs on all; each ratio is new/base, pair by pair, and the median is reported, with the load average
# before and after each case. Not a test; results go to
# docs/benchmarks.md by hand. Needs podman and ../shared/tools/container.sh (CONTAINER_SH to point elsewhere), and
# the test classes for the stand-in (it runs ./mvnw -q -B -o -DskipTests package).
#   bench/container-bench.sh NEW_IMAGE BASE_IMAGE [RUNS]      (RUNS per image and case, default 5)
#   CASES="readme readme-shallow" bench/container-bench.sh ...   (only those cases)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$PWD"
new=${1:?usage: bench/container-bench.sh NEW_IMAGE BASE_IMAGE [RUNS]} base=${2:?base image} runs=${3:-5}
container_sh="${CONTAINER_SH:-$repo/../../shared/tools/container.sh}"
[ -x "$container_sh" ] || container_sh=/work/shared/tools/container.sh
export CONTAINERS_CONF="${CTR:-/tmp/automigrate-ctr}/containers.conf"

[ -f target/test-classes/io/automigrate/github/GitHubStandIn.class ] || ./mvnw -q -B -o -DskipTests package
work="$(mktemp -d)"
standin_pid=""
cleanup() { [ -n "$standin_pid" ] && kill "$standin_pid" 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
java -cp "target/test-classes:target/automigrate.jar" io.automigrate.github.GitHubStandIn \
    octo-org/shop 0 "$work/requests.jsonl" db/schema.sql >"$work/standin.log" 2>&1 &
standin_pid=$!
for _ in $(seq 100); do grep -q ' at http' "$work/standin.log" 2>/dev/null && break; sleep 0.1; done
api_url="$(sed -n 's/.* at \(http[^ ]*\)$/\1/p' "$work/standin.log")"
[ -n "$api_url" ] || { echo "the stand-in did not start: $(cat "$work/standin.log")" >&2; exit 1; }

# One repository: main holds the quick start before its change; 'schema' changes the schema as the quick start
# does; 'readme' changes only the README.
origin="$work/origin"
mkdir -p "$origin/db/migrations"
git() { command git -C "$origin" -c user.name=bench -c user.email=bench@example.com "$@"; }
git init -q -b main
printf 'environments:\n  production:\n    branches: [main]\n    production: true\n' >"$origin/automigrate.yml"
cp examples/quickstart/before.sql "$origin/db/schema.sql"
cp examples/quickstart/db/migrations/*.sql "$origin/db/migrations/"
echo "# shop" >"$origin/README.md"
git add -A && git commit -qm base
base_sha="$(git rev-parse HEAD)"
git checkout -q -b schema
cp examples/quickstart/db/schema.sql "$origin/db/schema.sql"
git commit -qam "quick start: the schema change"
schema_sha="$(git rev-parse HEAD)"
git checkout -q -b readme main
echo "More about the shop." >>"$origin/README.md"
git commit -qam "readme"
readme_sha="$(git rev-parse HEAD)"
for branch in schema readme; do
    # A full clone, as actions/checkout with fetch-depth: 0 makes (the base is in it: detection by git).
    command git clone -q --branch "$branch" "file://$origin" "$work/ws-$branch"
done
# readme-shallow: a shallow clone, as actions/checkout makes by default (fetch-depth: 1), made anew before each run;
# the action fetches the base commit from origin (mounted into the container at the same path, as GitHub's origin is
# reachable from a job).
event() {  # HEAD_SHA BRANCH
    sed -e "s/\${BASE_SHA}/$base_sha/" -e "s/\${HEAD_SHA}/$1/" -e "s#feature/display-name#$2#" \
        src/test/resources/github-events/pull_request_opened.json
}
mkdir -p "$work/workflow-schema" "$work/workflow-readme" "$work/file_commands"
ln -s "$work/workflow-readme" "$work/workflow-readme-shallow"
event "$schema_sha" schema >"$work/workflow-schema/event.json"
event "$readme_sha" readme >"$work/workflow-readme/event.json"

run() {  # IMAGE CASE [floor] -> prints seconds from container start to exit; appends the log
    local image=$1 case=$2 floor=${3:-} start end code
    local entry=(); [ -n "$floor" ] && entry=(--entrypoint /bin/true)
    local home=()
    [ "$case" = readme-shallow ] && home=(-v "$origin":"$origin":ro)
    if [ "$case" = schema-warm ]; then
        # the job's HOME, as GitHub mounts it, restored by actions/cache: one per image
        mkdir -p "$work/home-${image//[^a-zA-Z0-9]/_}"
        home=(-e HOME=/github/home -v "$work/home-${image//[^a-zA-Z0-9]/_}":/github/home)
        case=schema
    fi
    : >"$work/file_commands/output"; : >"$work/file_commands/summary"
    if [ "$case" = readme-shallow ]; then  # a new shallow clone each time: a run fetches the base into it
        rm -rf "$work/ws-readme-shallow"
        command git clone -q --depth 1 --branch readme "file://$origin" "$work/ws-readme-shallow"
    fi
    start=$(date +%s.%N)
    set +e
    "$container_sh" run "$image" "$work/ws-$case" --network host "${entry[@]}" \
        -v "$work/workflow-$case":/github/workflow -v "$work/file_commands":/github/file_commands "${home[@]}" \
        -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH=/github/workflow/event.json \
        -e GITHUB_REF=refs/pull/7/merge -e GITHUB_REPOSITORY=octo-org/shop -e GITHUB_API_URL="$api_url" \
        -e GITHUB_OUTPUT=/github/file_commands/output -e GITHUB_STEP_SUMMARY=/github/file_commands/summary \
        -e INPUT_COMMAND=auto -e INPUT_GITHUB-TOKEN=ghs_benchToken0123456789 -e INPUT_COMMENT=true \
        -e INPUT_COMMIT=false -e INPUT_WORKING-DIRECTORY=. >>"$work/$case.log" 2>&1
    code=$?
    set -e
    end=$(date +%s.%N)
    # The schema change lacks its migration: exit 1 after the comment; nothing relevant: exit 0.
    local expected=0; [ "$case" = schema ] && [ -z "$floor" ] && expected=1
    [ "$code" = "$expected" ] || { echo "$image, $case: exit $code, expected $expected" >&2; tail -20 "$work/$case.log" >&2; exit 1; }
    echo "$end - $start" | bc
}

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
range() { sort -g | awk 'NR==1{min=$1} {max=$1} END {printf "%.2f–%.2f", min, max}'; }

size() { podman image inspect "$1" --format '{{.Size}}' | awk '{printf "%.0f", $1/1000000}'; }
echo "## images"
echo "| image | size (MB) |"
echo "| --- | ---: |"
echo "| $new | $(size "$new") |"
echo "| $base | $(size "$base") |"
echo "size ratio: $(echo "scale=2; $(size "$new") / $(size "$base")" | bc)"
echo
echo "$(nproc) cores"
echo
echo "| case | new | base | new/base | podman floor (/bin/true) | load average before → after |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
for case in ${CASES:-readme readme-shallow schema schema-warm}; do
    # one unmeasured run of each: page cache, podman's storage
    run "$new" "$case" >/dev/null; run "$base" "$case" >/dev/null; run "$new" "$case" floor >/dev/null
    : >"$work/a"; : >"$work/b"; : >"$work/r"; : >"$work/f"
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    for _ in $(seq "$runs"); do
        a=$(run "$new" "$case"); b=$(run "$base" "$case")
        f=$(run "$new" "$case" floor)
        echo "$a" >>"$work/a"; echo "$b" >>"$work/b"; echo "$f" >>"$work/f"; echo "scale=3; $a / $b" | bc >>"$work/r"
        echo "  $case: new ${a}s, base ${b}s, floor ${f}s, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
    echo "| $case | $(median <"$work/a") s ($(range <"$work/a")) | $(median <"$work/b") s ($(range <"$work/b")) |" \
        "$(median <"$work/r")× | $(median <"$work/f") s ($(range <"$work/f")) | $load_before → $(cut -d' ' -f1-3 /proc/loadavg) |"
done
cases=" ${CASES:-readme readme-shallow schema schema-warm} "
if [[ "$cases" == *" schema-warm "* ]]; then
    # What actions/cache would save and restore for each image: the cache folder after the warm runs, on disk and as the
    # zstd-compressed tar that actions/cache uploads (it uses zstd where the runner has it, as GitHub's do).
    echo
    echo "| cache folder after the warm runs | files | on disk | as actions/cache stores it (tar, zstd) |"
    echo "| --- | ---: | ---: | ---: |"
    for image in "$new" "$base"; do
        dir="$work/home-${image//[^a-zA-Z0-9]/_}"
        files=$(find "$dir" -type f | wc -l)
        disk=$(du -sb "$dir" | awk '{printf "%.1f MB", $1/1000000}')
        packed=$(tar -C "$dir" -cf - . | zstd -q -T0 -c | wc -c | awk '{printf "%.1f MB", $1/1000000}')
        echo "| $image | $files | $disk | $packed |"
    done
fi
if [[ "$cases" == *" schema "* ]]; then
    grep -q 'ADD COLUMN' "$work/schema.log" || { echo "the schema case planned no change" >&2; exit 1; }
    grep -q '"method":"POST","path":"/api/v3/repos/octo-org/shop/issues/7/comments"' "$work/requests.jsonl" \
        || { echo "no comment was posted" >&2; exit 1; }
fi
if [[ "$cases" == *" readme-shallow "* ]]; then
    # the base commit was fetched, so git decided, as in a full clone
    grep -q 'fetched into this shallow clone' "$work/readme-shallow.log" \
        || { echo "readme-shallow: the base commit was not fetched: $(grep 'detected by' "$work/readme-shallow.log" | head -1)" >&2; exit 1; }
fi
