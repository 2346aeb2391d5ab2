#!/usr/bin/env bash
# Start-up time of a fresh `cooplex` process (warm page cache), output included:
# `--version`, `extract` of a small text file, `extract` of a Corpus PDF, with
# hyperfine -N (no shell), and the number of shared libraries the binary loads.
# With INDEX=DIR, also `search --index DIR commune` (the index is only read).
#
#   bash Benchmarks/startup/run.sh [BINARY...]     # default: .build/release/cooplex
#
# Several binaries (e.g. one built from an older commit) are measured in the same
# hyperfine run, one command after the other: compare them within a run.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then
  swift build -c release --product cooplex >/dev/null
  set -- .build/release/cooplex
fi
text=Corpus/lois/loi-2007-147-action-exterieure-collectivites.txt
pdf=Corpus/conventions/convention-selestat-saa.pdf
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
commands=()
for bin in "$@"; do
  echo "$bin : $(ldd "$bin" | wc -l) bibliothèques partagées (ldd), DT_NEEDED : $(readelf -d "$bin" | awk '/NEEDED/ {gsub(/[][]/, "", $5); printf "%s ", $5}')"
  commands+=("$bin --version" "$bin extract $text" "$bin extract $pdf")
  [ -z "${INDEX:-}" ] || commands+=("$bin search --index $INDEX commune")
done
hyperfine -N --warmup 5 --runs "${RUNS:-40}" --style basic "${commands[@]}" 2>&1 | grep -E "^Benchmark|Time|Range"
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
