#!/usr/bin/env bash
# The schema engine's benchmark (not a test; `./mvnw verify` never runs it).
# Builds the jar, compiles bench/src against it and runs io.automigrate.bench.SchemaBench, which writes the
# results section of docs/benchmarks.md. Options: bench/run.sh --help.
# Environment: BENCH_JAVA_OPTS (default -Xmx2g), BENCH_SKIP_BUILD=1 to reuse target/automigrate.jar.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

for arg in "$@"; do
    if [[ $arg == -h || $arg == --help ]]; then
        skip_build=1
    fi
done

jar=target/automigrate.jar
classes=bench/target/classes
if [[ -z ${skip_build:-} ]]; then
    if [[ -z ${BENCH_SKIP_BUILD:-} || ! -f $jar ]]; then
        echo "[bench] building $jar (./mvnw -q -B -o -DskipTests package)" >&2
        ./mvnw -q -B -o -DskipTests package
    fi
fi
if [[ ! -f $jar ]]; then
    echo "[bench] $jar is missing: run ./mvnw -q -B -o -DskipTests package" >&2
    exit 2
fi

rm -rf "$classes"
mkdir -p "$classes"
mapfile -t sources < <(find bench/src/main/java -name '*.java' | sort)
javac --release 17 -Xlint:all -encoding UTF-8 -d "$classes" -cp "$jar" "${sources[@]}"

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of JVM options
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$jar:$classes" io.automigrate.bench.SchemaBench "$@"
