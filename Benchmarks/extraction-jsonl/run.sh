#!/usr/bin/env bash
# Throughput of `cooplex extract --json` on a JSON Lines corpus ({id, title, text, source} per
# line), end to end (read, parse, NFC, ids, JSON out to /dev/null), beside two anchors measured
# in the same run on the same file: `wc -l` (reading the bytes) and Python's json.loads per line.
# Usage: Benchmarks/extraction-jsonl/run.sh CORPUS.jsonl   (after `swift build -c release`)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:?usage: run.sh CORPUS.jsonl}
bin=.build/release/cooplex
[ -x "$bin" ] || { echo "construire d'abord : swift build -c release" >&2; exit 1; }
bytes=$(stat -c %s "$corpus")
lines=$(wc -l < "$corpus")
mb=$(python3 -c "print(f'{$bytes/1e6:.1f}')")

seconds() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); python3 -c "print(f'{$e-$s:.3f}')"; }
report() { python3 -c "t=$2; print(f'| $1 | {t:.2f} s | {$bytes/1e6/t:.0f} MB/s | {$lines/t:,.0f} lines/s |')"; }

cat "$corpus" > /dev/null  # warm the page cache
echo "corpus: $corpus — $mb MB, $lines lines"
echo "| tool | time | throughput | lines |"
echo "|---|---|---|---|"
report "wc -l (read only)" "$(seconds wc -l "$corpus")"
report "python3 json.loads per line" "$(seconds python3 -c "
import json, sys
for line in open(sys.argv[1], encoding='utf-8'):
    json.loads(line)" "$corpus")"
report "cooplex extract --json" "$(seconds "$bin" extract --json "$corpus")"
