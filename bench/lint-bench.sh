#!/usr/bin/env bash
# How much lint adds to plan (issue 5's benchmark): builds the jar, compiles bench/src/.../LintBench.java against it,
# and prints a markdown table: plan end to end on a 500-table project whose pending migration has 1,000 statements,
# lint of that diff alone, and `automigrate lint` of the written file. Not a test.
# Usage: bench/lint-bench.sh [tables] [repeat]   (BENCH_SKIP_BUILD=1 reuses target/automigrate.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/automigrate.jar
if [[ -z ${BENCH_SKIP_BUILD:-} || ! -f $jar ]]; then
    echo "[lint-bench] building $jar" >&2
    ./mvnw -q -B -o -DskipTests package
fi
classes=bench/target/lint-classes
mkdir -p "$classes"
javac --release 17 -encoding UTF-8 -d "$classes" -cp "$jar" bench/src/main/java/io/automigrate/bench/LintBench.java
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$jar:$classes" io.automigrate.bench.LintBench "$@"
