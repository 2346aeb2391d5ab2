#!/bin/sh
# Throughput of the date and law recognizers (release build, one core) over the shared
# bench corpus (real French legal text, see ../shared/bench-corpus/README.md).
# Usage: Benchmarks/date-law-throughput.sh [CORPUS.jsonl]
set -eu
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/bench-corpus/corpus.jsonl}"
COOPLEX_BENCH_CORPUS="$(cd "$(dirname "$CORPUS")" && pwd)/$(basename "$CORPUS")" \
    swift test -c release --filter DateLawThroughputBenchmark 2>&1 | grep -E "^bench "
