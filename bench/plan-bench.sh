#!/usr/bin/env bash
# plan, end to end, on a generated project: 50 tables built up by 100 migrations, with one pending schema edit.
# Times the first plan (a cold cache: the embedded server is initialised, the history replayed, the launcher's CDS
# archive recorded) against a second plan with the history unchanged (the server restarts from its kept data
# directory, the replayed history is read from its template, the desired schema loads in the kept blank database),
# twice: the same inputs again (a re-run), and after a further schema edit (the next plan of a developer). Runs the
# ./automigrate launcher, as a user does. Not a test; prints a markdown table, its medians last.
# Usage: bench/plan-bench.sh [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
mkdir -p "$work/project/db/migrations"

python3 - "$work/project" <<'PY'
import sys, os
root = sys.argv[1]
tables = [f"t{i:02d}" for i in range(50)]
schema = []
def migration(n, name, sql, rollback):
    stamp = f"2026010100{n // 60:02d}{n % 60:02d}"
    ident = f"{stamp}_{name}"
    with open(os.path.join(root, "db/migrations", ident + ".sql"), "w") as f:
        f.write("--liquibase formatted sql\n\n")
        f.write(f"--changeset bench:{ident} splitStatements:false rollbackSplitStatements:false\n{sql}\n")
        f.write("".join(f"--rollback {line}\n" for line in rollback.splitlines()))
columns = {t: ["id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "name text NOT NULL"] for t in tables}
n = 0
for i, t in enumerate(tables):            # 50 migrations: one table each, referencing the previous one
    ref = f",\n    parent_id bigint REFERENCES {tables[i-1]} (id)" if i else ""
    if i: columns[t].append(f"parent_id bigint REFERENCES {tables[i-1]} (id)")
    migration(n, f"add_{t}_table", f"CREATE TABLE {t} (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    name text NOT NULL{ref}\n);", f"DROP TABLE {t};"); n += 1
for i, t in enumerate(tables):            # 50 more: a column and an index each
    columns[t].append("created_at timestamptz NOT NULL DEFAULT now()")
    migration(n, f"add_{t}_created_at", f"ALTER TABLE {t} ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();\nCREATE INDEX {t}_created_idx ON {t} (created_at);",
              f"DROP INDEX {t}_created_idx;\nALTER TABLE {t} DROP COLUMN created_at;"); n += 1
with open(os.path.join(root, "db/schema.sql"), "w") as f:
    for t in tables:
        cols = list(columns[t])
        if t == "t49": cols.append("note text")                  # the pending edit
        f.write(f"CREATE TABLE {t} (\n    " + ",\n    ".join(cols) + "\n);\n")
        f.write(f"CREATE INDEX {t}_created_idx ON {t} (created_at);\n")
PY

launcher="$root/automigrate"
"$launcher" --version >/dev/null   # builds the jar when the sources are newer
plan() {   # plan --check on the project with the run's cache; prints seconds
    local t0 t1
    t0=$(date +%s.%N)
    (cd "$work/project" && AUTOMIGRATE_CACHE_DIR="$cache" "$launcher" plan --check > "$work/out.txt" 2>>"$work/stderr.txt") || true
    t1=$(date +%s.%N)
    grep -q "^needs a migration: db/migrations/.*_$1.sql" "$work/out.txt" \
        || { echo "plan did not find the pending edit $1:" >&2; cat "$work/out.txt" >&2; exit 1; }
    python3 -c "print($t1-$t0)"
}
cp "$work/project/db/schema.sql" "$work/schema.sql"
echo "| run | first plan (cold cache) | second plan, same inputs | speed-up | second plan, another edit | speed-up |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
rows=()
for run in $(seq 1 "$runs"); do
    cache="$work/cache-$run"
    cp "$work/schema.sql" "$work/project/db/schema.sql"
    first=$(plan add_t49_note)
    again=$(plan add_t49_note)
    sed -i 's/^    note text$/    note text,\n    rating integer/' "$work/project/db/schema.sql"
    edited=$(plan auto_schema_update_[0-9]*)
    python3 -c "a=$first; b=$again; c=$edited; print(f'| {$run} | {a:.1f} s | {b:.1f} s | {a/b:.1f}x | {c:.1f} s | {a/c:.1f}x |')"
    rows+=("$first $again $edited")
done
python3 - "${rows[@]}" <<'PY'
import statistics, sys
rows = [tuple(map(float, r.split())) for r in sys.argv[1:]]
m = lambda xs: statistics.median(xs)
first, again, edited = (m([r[i] for r in rows]) for i in range(3))
same = [r[0] / r[1] for r in rows]; other = [r[0] / r[2] for r in rows]
print(f"| median | {first:.1f} s | {again:.1f} s | {m(same):.1f}x (min {min(same):.1f}x) | {edited:.1f} s | {m(other):.1f}x (min {min(other):.1f}x) |")
PY
