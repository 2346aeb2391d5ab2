#!/usr/bin/env bash
# Installs what is missing, builds in release mode and runs the main job on Corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release
bin=.build/release/cooplex
for f in $(find Corpus -type f ! -path 'Corpus/reference/*' ! -name 'README.md' | sort); do
  "$bin" extract --json "$f" >/dev/null && echo "extrait : $f" || echo "échec : $f"
done
