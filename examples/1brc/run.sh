#!/usr/bin/env bash
# The 1BRC example end to end: generates ROWS measurements (default one
# million) of the original challenge's stations, compiles
# one_billion_rows.sql into a program and runs it, printing a few stations.
#
#   examples/1brc/run.sh [ROWS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
rows=${1:-1000000}
"$root/tools/build" streamc gen_measurements >/dev/null
mkdir -p "$here/data" "$here/out"
echo "== generating $rows measurements in examples/1brc/data/measurements.txt" >&2
"$root/build/bin/gen_measurements" --stations "$root/../shared/data/1brc-stations.csv" \
  --out "$here/data/measurements.txt" --rows "$rows"
echo "== streamc build examples/1brc/one_billion_rows.sql" >&2
"$root/build/bin/streamc" build "$here/one_billion_rows.sql" -o "$here/out/one_billion_rows"
echo "== examples/1brc/out/one_billion_rows" >&2
time "$here/out/one_billion_rows"
echo "== the first stations of examples/1brc/out/station_stats.jsonl" >&2
head -5 "$here/out/station_stats.jsonl"
