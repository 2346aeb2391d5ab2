#!/usr/bin/env bash
# Extraction throughput of `cooplex extract` (column ordering and hyphenation repair on, JSON
# output) against poppler-utils' `pdftotext` on the same PDFs in the same run.
#
#   bash Benchmarks/extraction/run.sh            # PAGES=300 REPEAT=20 LARGE_REPEAT=3 RUNS=3
#   COOPLEX_BASELINE=/tmp/cooplex-old bash Benchmarks/extraction/run.sh   # + an older build
#
# cooplex extracts every file of a run in one process (files repeated REPEAT times on one
# command line); pdftotext runs once per file, as it is used. Both wall time and CPU time
# are reported: cooplex uses every core (files side by side, pages of a large PDF on
# several threads) while pdftotext is single-threaded, so cooplex is also timed pinned to
# one core (see timing.py). The large PDF is generated into /tmp from the shared bench
# corpus (fpdf2 + pyphen from PyPI, generator only) and never committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES=${PAGES:-300}
REPEAT=${REPEAT:-20}
LARGE_REPEAT=${LARGE_REPEAT:-3}
RUNS=${RUNS:-3}
shared=${SHARED:-../shared}
[ -f "$shared/bench-corpus/corpus-10k.jsonl" ] || shared=/work/shared
large=/tmp/cooplex-bench-large-$PAGES.pdf

swift build -c release --product cooplex >/dev/null
bin=.build/release/cooplex
if [ ! -f "$large" ]; then
  python3 -c "import fpdf, pyphen" 2>/dev/null || pip install -q fpdf2 pyphen
  python3 Benchmarks/extraction/make_large_pdf.py "$shared/bench-corpus/corpus-10k.jsonl" "$large" "$PAGES"
fi

echo "cooplex $(git rev-parse --short HEAD), $(pdftotext -v 2>&1 | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 Benchmarks/extraction/timing.py "Corpus PDFs" "$REPEAT" "$RUNS" "$bin" Corpus/publications/*.pdf Corpus/conventions/*.pdf
python3 Benchmarks/extraction/timing.py "Large PDF ($large)" "$LARGE_REPEAT" "$RUNS" "$bin" "$large"
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
