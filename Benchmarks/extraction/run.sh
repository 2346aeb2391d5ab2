#!/usr/bin/env bash
# Extraction throughput of `cooplex extract` (column ordering and hyphenation repair on, JSON
# output) against poppler-utils' `pdftotext` on the same PDFs in the same run.
#
#   bash Benchmarks/extraction/run.sh            # PAGES=300 REPEAT=20 by default
#
# cooplex extracts every file of a run in one process (files repeated REPEAT times on one
# command line: in-process throughput); pdftotext runs once per file, as it is used.
# The large PDF is generated into /tmp from the shared bench corpus (fpdf2 + pyphen from
# PyPI, generator only) and never committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES=${PAGES:-300}
REPEAT=${REPEAT:-20}
LARGE_REPEAT=${LARGE_REPEAT:-3}
shared=${SHARED:-../shared}
[ -f "$shared/bench-corpus/corpus-10k.jsonl" ] || shared=/work/shared
large=/tmp/cooplex-bench-large-$PAGES.pdf
work=$(mktemp -d /tmp/cooplex-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

swift build -c release --product cooplex >/dev/null
bin=.build/release/cooplex
if [ ! -f "$large" ]; then
  python3 -c "import fpdf, pyphen" 2>/dev/null || pip install -q fpdf2 pyphen
  python3 Benchmarks/extraction/make_large_pdf.py "$shared/bench-corpus/corpus-10k.jsonl" "$large" "$PAGES"
fi

now() { date +%s.%N; }
pages_of() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

# measure NAME REPEAT FILE...
measure() {
  local name=$1 repeat=$2; shift 2
  local files=("$@") args=() pages=0
  for f in "${files[@]}"; do pages=$((pages + $(pages_of "$f"))); done
  for ((r = 0; r < repeat; r++)); do args+=("${files[@]}"); done
  # Text volume, measured once outside the timings.
  local cooplex_bytes pdftotext_bytes
  cooplex_bytes=$("$bin" extract --json "${files[@]}" | python3 -c '
import json, sys
print(sum(len(json.loads(l)["text"].encode()) for l in sys.stdin if l.strip()))')
  pdftotext_bytes=0
  for f in "${files[@]}"; do
    pdftotext -enc UTF-8 "$f" "$work/out.txt"
    pdftotext_bytes=$((pdftotext_bytes + $(stat -c %s "$work/out.txt")))
  done
  # Timings: warm-up once, then the measured run.
  "$bin" extract --json "${files[@]}" >/dev/null
  # Wall time, and CPU time (user + sys, children included) which a busy machine disturbs less.
  local t0 t1 t2 cpu_c cpu_p
  t0=$(now)
  /usr/bin/time -f "%U %S" -o "$work/cpu-cooplex" "$bin" extract --json "${args[@]}" >/dev/null
  t1=$(now)
  export work
  /usr/bin/time -f "%U %S" -o "$work/cpu-pdftotext" bash -c '
    for ((r = 0; r < '"$repeat"'; r++)); do
      for f in "$@"; do pdftotext -enc UTF-8 "$f" "$work/out.txt"; done
    done' _ "${files[@]}"
  t2=$(now)
  cpu_c=$(awk '{print $1 + $2}' "$work/cpu-cooplex")
  cpu_p=$(awk '{print $1 + $2}' "$work/cpu-pdftotext")
  python3 - "$name" "$repeat" "$pages" "$cooplex_bytes" "$pdftotext_bytes" "$t0" "$t1" "$t2" "$cpu_c" "$cpu_p" <<'PY'
import sys
name, repeat, pages, cb, pb, t0, t1, t2, cc, cp = sys.argv[1], *map(float, sys.argv[2:])
tc, tp = t1 - t0, t2 - t1
pc, pp = pages * repeat / tc, pages * repeat / tp
mc, mp = cb * repeat / tc / 1e6, pb * repeat / tp / 1e6
print(f"{name}: {int(pages)} pages x {int(repeat)}")
print(f"  cooplex extract : {tc:7.3f} s  {pc:8.1f} pages/s  {mc:6.2f} MB/s of text")
print(f"  pdftotext       : {tp:7.3f} s  {pp:8.1f} pages/s  {mp:6.2f} MB/s of text")
print(f"  ratio cooplex/pdftotext : {pc / pp:.2f}x pages/s, {mc / mp:.2f}x MB/s (wall clock)")
print(f"  CPU time: cooplex {cc:.2f} s, pdftotext {cp:.2f} s -> {cp / cc:.2f}x pages per CPU-second")
PY
}

echo "cooplex $(git rev-parse --short HEAD), $(pdftotext -v 2>&1 | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "Corpus PDFs" "$REPEAT" Corpus/publications/*.pdf Corpus/conventions/*.pdf
measure "Large PDF ($large)" "$LARGE_REPEAT" "$large"
