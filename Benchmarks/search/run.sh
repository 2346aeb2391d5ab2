#!/usr/bin/env bash
# Index and search benchmark: Cooplex against Tantivy (and optionally SQLite FTS5 and
# Xapian) in the same run. Needs /work/shared/bench-corpus and /work/shared/bench
# (pip install tantivy; apt-get install -y python3-xapian), hyperfine, /usr/bin/time.
#   bash Benchmarks/search/run.sh            # ANCHORS="tantivy fts5 xapian" REPS=10
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=${CORPUS:-/work/shared/bench-corpus/corpus.jsonl}
QUERIES=${QUERIES:-/work/shared/bench-corpus/queries.txt}
ANCHORS_PY=${ANCHORS_PY:-/work/shared/bench/anchors.py}
ANCHORS=${ANCHORS:-tantivy}
REPS=${REPS:-10}
OUT=${OUT:-/tmp/cooplex-search-bench}
mkdir -p "$OUT"
cd "$HERE"
swift build -c release >/dev/null
swift build -c release --product cooplex >/dev/null
BENCH=$HERE/.build/release/search-bench
COOPLEX=$HERE/.build/release/cooplex
REF=$(cd "$HERE/../.." && pwd)/Corpus/reference

echo "load before: $(uptime)"
run_index() {  # name, then the command
  local name=$1; shift
  rm -rf "$OUT/idx-$name"
  /usr/bin/time -v "$@" 2> "$OUT/time-$name.txt" | tee "$OUT/index-$name.json"
  grep -E "Elapsed|Maximum resident" "$OUT/time-$name.txt" | sed "s/^/  $name: /"
}
run_index cooplex-off-512 "$BENCH" index "$CORPUS" "$OUT/idx-cooplex-off-512" --entities off --memory 512
run_index cooplex-off-128 "$BENCH" index "$CORPUS" "$OUT/idx-cooplex-off-128" --entities off --memory 128
run_index cooplex-on-512 "$BENCH" index "$CORPUS" "$OUT/idx-cooplex-on-512" --entities on --memory 512 --reference "$REF"
for a in $ANCHORS; do
  py=python3; [ "$a" = xapian ] && py=/usr/bin/python3
  run_index "$a" $py "$ANCHORS_PY" index "$a" "$CORPUS" "$OUT/idx-$a"
done
echo "index sizes:"; du -sb "$OUT"/idx-* | sed 's/^/  /'

"$BENCH" query "$OUT/idx-cooplex-off-512" "$QUERIES" "$OUT/q-cooplex.json" --reps "$REPS"
for a in $ANCHORS; do
  py=python3; [ "$a" = xapian ] && py=/usr/bin/python3
  $py "$ANCHORS_PY" query "$a" "$OUT/idx-$a" "$QUERIES" "$OUT/q-$a.json" --reps "$REPS"
done
python3 "$HERE/report.py" "$OUT" $ANCHORS

# Fresh process, warm page cache: the whole CLI, output included.
hyperfine -N --warmup 3 --runs 30 --export-json "$OUT/fresh.json" \
  "$COOPLEX search --index $OUT/idx-cooplex-off-512 \"loi Oudin\"" \
  "$COOPLEX search --index $OUT/idx-cooplex-off-512 \"collectivités territoriales\"" \
  "python3 $ANCHORS_PY once tantivy $OUT/idx-tantivy term_freq commune" 2>&1 | grep -E "Benchmark|Time"
echo "load after: $(uptime)"
