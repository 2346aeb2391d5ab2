#!/usr/bin/env bash
# Index and search benchmark: Cooplex against Tantivy (and optionally SQLite FTS5 and
# Xapian) in the same run, on ../shared/bench-corpus. Prints every figure BENCHMARKS.md
# quotes. Needs /work/shared/bench-corpus and /work/shared/bench (pip install tantivy;
# apt-get install -y python3-xapian for Xapian), hyperfine, /usr/bin/time.
#
#   bash Benchmarks/search/run.sh        # ANCHORS="tantivy fts5 xapian" REPS=10 RUNS=1 SCALE=1
#
# Indexing is measured twice for Cooplex: through the library (`search-bench index`, the
# corpus streamed into IndexWriter) and through the command users run (`cooplex ingest`,
# which also hashes the file, derives item ids and stores the line's metadata), with
# entity recognition off (`--sans-entites`) and on. RUNS>1 repeats every index build and
# reports the median. SCALE=1 also ingests the corpus twice over at --memory 128 (peak
# memory must not grow with the corpus). QUERY_ONLY=1 reuses the indexes of an earlier run
# in $OUT and measures the queries only.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CORPUS=${CORPUS:-/work/shared/bench-corpus/corpus.jsonl}
QUERIES=${QUERIES:-/work/shared/bench-corpus/queries.txt}
ANCHORS_PY=${ANCHORS_PY:-/work/shared/bench/anchors.py}
ANCHORS=${ANCHORS:-tantivy}
REPS=${REPS:-10}
RUNS=${RUNS:-1}
SCALE=${SCALE:-0}
OUT=${OUT:-/tmp/cooplex-search-bench}
mkdir -p "$OUT"
cd "$HERE"
swift build -c release >/dev/null
(cd "$ROOT" && swift build -c release --product cooplex >/dev/null)
BENCH=$HERE/.build/release/search-bench
COOPLEX=$ROOT/.build/release/cooplex
REF=$ROOT/Corpus/reference

echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cooplex $(git -C "$ROOT" rev-parse --short HEAD); tantivy $(python3 -c 'import tantivy; print(tantivy.__version__)' 2>/dev/null || echo '?')"

# run_index NAME COMMAND...: RUNS builds into $OUT/idx-NAME; prints the median wall time
# and the peak RSS of that run.
run_index() {
  local name=$1; shift
  local times=()
  for r in $(seq 1 "$RUNS"); do
    rm -rf "$OUT/idx-$name"
    /usr/bin/time -f "%e %M" -o "$OUT/time-$name-$r.txt" "$@" > "$OUT/index-$name.log" 2>&1 || {
      echo "  $name: FAILED (see $OUT/index-$name.log)"; return 1; }
    times+=("$(cat "$OUT/time-$name-$r.txt")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$name" '{a[NR]=$0} END {split(a[int((NR+1)/2)], f, " "); printf "  %-22s wall %7.2f s (median of %d)  peak RSS %4d MB\n", n, f[1], NR, f[2]/1024}'
}

if [ "${QUERY_ONLY:-0}" != 1 ]; then
echo "== indexing ($(basename "$CORPUS"))"
for a in $ANCHORS; do
  py=python3; [ "$a" = xapian ] && py=/usr/bin/python3
  run_index "$a" $py "$ANCHORS_PY" index "$a" "$CORPUS" "$OUT/idx-$a"
done
run_index lib-off-512 "$BENCH" index "$CORPUS" "$OUT/idx-lib-off-512" --entities off --memory 512
run_index lib-on-512 "$BENCH" index "$CORPUS" "$OUT/idx-lib-on-512" --entities on --memory 512 --reference "$REF"
run_index cli-off-512 "$COOPLEX" ingest --index "$OUT/idx-cli-off-512" --memory 512MB --sans-entites "$CORPUS"
run_index cli-off-128 "$COOPLEX" ingest --index "$OUT/idx-cli-off-128" --memory 128MB --sans-entites "$CORPUS"
run_index cli-on-512 "$COOPLEX" ingest --index "$OUT/idx-cli-on-512" --memory 512MB "$CORPUS"
if [ "$SCALE" = 1 ]; then
  cat "$CORPUS" "$CORPUS" > "$OUT/corpus-x2.jsonl"
  run_index cli-off-128-x2 "$COOPLEX" ingest --index "$OUT/idx-cli-off-128-x2" --memory 128MB --sans-entites "$OUT/corpus-x2.jsonl"
  rm -f "$OUT/corpus-x2.jsonl"
fi

echo "== index sizes (bytes)"
du -sb "$OUT"/idx-* | sed 's/^/  /'
for n in lib-off-512 cli-off-512 cli-on-512; do
  echo "  $n: $("$COOPLEX" stats --index "$OUT/idx-$n" | tr '\n' ' ')"
done

fi

# Rounds alternate the engines (Cooplex, then each anchor, QROUNDS times) so that a slow
# minute of a shared machine falls on all of them; the samples of all rounds are pooled.
QROUNDS=${QROUNDS:-3}
echo "== warm top-10 queries, in process ($QROUNDS alternating rounds of $REPS repetitions)"
for r in $(seq 1 "$QROUNDS"); do
  "$BENCH" query "$OUT/idx-cli-off-512" "$QUERIES" "$OUT/q-cooplex-$r.json" --reps "$REPS"
  for a in $ANCHORS; do
    py=python3; [ "$a" = xapian ] && py=/usr/bin/python3
    $py "$ANCHORS_PY" query "$a" "$OUT/idx-$a" "$QUERIES" "$OUT/q-$a-$r.json" --reps "$REPS"
  done
done
for e in cooplex $ANCHORS; do
  python3 - "$OUT" "$e" "$QROUNDS" <<'PY'
import json, sys
out, engine, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
runs = [json.load(open("%s/q-%s-%d.json" % (out, engine, r))) for r in range(1, rounds + 1)]
merged = runs[0]
for other in runs[1:]:
    for q, o in zip(merged["queries"], other["queries"]):
        q["ms"] += o["ms"]
json.dump(merged, open("%s/q-%s.json" % (out, engine), "w"))
PY
done
python3 "$HERE/report.py" "$OUT" $ANCHORS

echo "== fresh process, warm page cache (whole CLI, output included)"
hyperfine -N --warmup 3 --runs 30 --export-json "$OUT/fresh.json" \
  "$COOPLEX --version" \
  "$COOPLEX search --index $OUT/idx-cli-off-512 commune" \
  "$COOPLEX search --index $OUT/idx-cli-off-512 \"collectivités territoriales\"" \
  "$COOPLEX search --index $OUT/idx-cli-off-512 \"loi Oudin\"" \
  "python3 $ANCHORS_PY once tantivy $OUT/idx-tantivy term_freq commune" 2>&1 | grep -E "Benchmark|Time"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
