#!/usr/bin/env bash
# Throughput of `cooplex extract --json` on a JSON Lines corpus ({id, title, text, source} per
# line), end to end (read, parse, NFC, ids, JSON out to /dev/null), beside two anchors measured
# in the same run on the same file: `wc -l` (reading the bytes) and Python's json.loads per line.
# Reports CPU time (user + sys, what the process itself consumed: fair on a shared machine)
# and wall time. Usage: Benchmarks/extraction-jsonl/run.sh CORPUS.jsonl  (after a release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:?usage: run.sh CORPUS.jsonl}
bin=.build/release/cooplex
[ -x "$bin" ] || { echo "construire d'abord : swift build -c release" >&2; exit 1; }
bytes=$(stat -c %s "$corpus")
lines=$(wc -l < "$corpus")

measure() {  # label, command… → one table row
  local label=$1; shift
  local t tf
  tf=$(mktemp)
  /usr/bin/time -o "$tf" -f "%U %S %e" "$@" > /dev/null 2>&1
  t=$(tail -1 "$tf"); rm -f "$tf"
  python3 - "$label" $t <<PY
import sys
label, user, sys_, wall = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
cpu = user + sys_
mb = $bytes / 1e6
print(f"| {label} | {cpu:.2f} s | {mb/cpu:.0f} MB/s | {$lines/cpu:,.0f} | {wall:.2f} s | {mb/wall:.0f} MB/s |")
PY
}

cat "$corpus" > /dev/null  # warm the page cache
echo "corpus: $corpus — $(python3 -c "print(f'{$bytes/1e6:.1f}')") MB, $lines lines; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| tool | CPU time | MB/s (CPU) | lines/s (CPU) | wall time | MB/s (wall) |"
echo "|---|---|---|---|---|---|"
measure "wc -l (read only)" wc -l "$corpus"
measure "python3 json.loads per line" python3 -c "
import json, sys
for line in open(sys.argv[1], encoding='utf-8'):
    json.loads(line)" "$corpus"
measure "cooplex extract --json" "$bin" extract --json "$corpus"
