#!/usr/bin/env bash
# History replay against psql (not a test): bench/replay-bench.sh [migrations, default 400] [runs, default 3].
# Needs a psql client on PATH (or PSQL=/path/to/psql); the server is the embedded PostgreSQL. Prints a markdown table.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jar=target/automigrate.jar
[[ -f $jar && -z ${BENCH_REBUILD:-} ]] || ./mvnw -q -B -o -DskipTests package
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac --release 17 -encoding UTF-8 -d "$classes" -cp "$jar" bench/src/main/java/io/automigrate/bench/ReplayBench.java
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar:$classes" io.automigrate.bench.ReplayBench "$@"
