#!/usr/bin/env bash
# Pipelines benchmark: runs a pipeline with the publications pipeline's stages (extraire,
# entites, indexer) over the bench corpus split into JSON Lines files plus a few hundred
# generated text PDFs, with parallelisme 1 and 2, each on a fresh index, and prints
# files/s and MB/s (median of REPS runs).
#
# Usage: Benchmarks/pipelines/run.sh [CORPUS.jsonl] [PDF_COUNT]
#   CORPUS.jsonl defaults to ../shared/bench-corpus/corpus-10k.jsonl; PDF_COUNT to 300.
#   REPS=3 by default. Everything generated goes to $WORK (default /tmp/cooplex-bench-pipelines).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
corpus=${1:-/work/shared/bench-corpus/corpus-10k.jsonl}
pdfs=${2:-300}
reps=${REPS:-3}
work=${WORK:-/tmp/cooplex-bench-pipelines}
lines_per_file=${LINES_PER_FILE:-250}

[ -f "$corpus" ] || { echo "corpus introuvable : $corpus" >&2; exit 1; }
swift build -c release --product cooplex >/dev/null
bin=$root/.build/release/cooplex

rm -rf "$work"
mkdir -p "$work/jsonl" "$work/pdf"
# The bench corpus split into files, so that files can be processed in parallel.
split -l "$lines_per_file" -d -a 4 --additional-suffix=.jsonl "$corpus" "$work/jsonl/part-"
python3 "$root/Benchmarks/pipelines/generate_pdfs.py" "$corpus" "$work/pdf" "$pdfs"

files=$(find "$work/jsonl" "$work/pdf" -type f | wc -l)
bytes=$(find "$work/jsonl" "$work/pdf" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
pages=$(for f in "$work"/pdf/*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'; done | awk '{s+=$1} END {print s+0}')
echo "corpus : $(basename "$corpus") en $(ls "$work/jsonl" | wc -l) fichiers JSON Lines + $pdfs PDF ($pages pages) = $files fichiers, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}') Mo"
echo "machine : $(nproc) cœurs ; $(swift --version 2>&1 | head -1)"

run_once() { # $1 = parallelisme, $2 = phase label (prints seconds)
  local j=$1
  rm -rf "$work/index-$j" "$work/out-$j"
  cat > "$work/bench-$j.yml" <<YAML
nom: publications-bench
index: $work/index-$j
sources:
  - chemin: $work/jsonl
  - chemin: $work/pdf
etapes: [extraire, entites, indexer]
sorties:
  echecs: $work/out-$j/echecs.jsonl
parallelisme: $j
memoire: 512MB
YAML
  local start end
  start=$(date +%s.%N)
  "$bin" run -q --json "$work/bench-$j.yml" > "$work/summary-$j.json" || true
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f\n", e-s}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

declare -A best
for j in 1 2; do
  times=()
  for r in $(seq 1 "$reps"); do times+=("$(run_once "$j")"); done
  m=$(printf '%s\n' "${times[@]}" | median)
  best[$j]=$m
  failed=$(python3 -c "import json,sys; print(json.load(open('$work/summary-$j.json'))['failed'])")
  docs=$(python3 -c "import json,sys; print(json.load(open('$work/summary-$j.json'))['documents'])")
  printf 'parallelisme %d : %s s (médiane de %d : %s) — %.1f fichiers/s, %.1f Mo/s, %d documents, %d échecs\n' \
    "$j" "$m" "$reps" "${times[*]}" "$(awk -v f="$files" -v t="$m" 'BEGIN {print f/t}')" \
    "$(awk -v b="$bytes" -v t="$m" 'BEGIN {print b/1048576/t}')" "$docs" "$failed"
done
printf 'accélération 2 / 1 : %.2f×\n' "$(awk -v a="${best[1]}" -v b="${best[2]}" 'BEGIN {print a/b}')"

# Second run over the same corpus: only hashing.
start=$(date +%s.%N)
"$bin" run -q --json "$work/bench-2.yml" > "$work/summary-again.json"
end=$(date +%s.%N)
printf 'seconde exécution (rien à faire, parallelisme 2) : %.3f s, %s\n' "$(awk -v s="$start" -v e="$end" 'BEGIN {print e-s}')" \
  "$(python3 -c "import json; d=json.load(open('$work/summary-again.json')); print(f\"{d['unchanged']} inchangés, {d['added']} ajoutés\")")"
