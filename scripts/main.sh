#!/usr/bin/env bash
# Installs what is missing, builds in release mode and runs the main job on the shipped
# Corpus/: the two pipelines (publications, conventions), then a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release
bin=.build/release/cooplex

echo "== cooplex run Pipelines/publications.yml Pipelines/conventions.yml"
"$bin" run Pipelines/publications.yml Pipelines/conventions.yml

echo
echo "== cooplex search \"loi Oudin\""
"$bin" search --limit 5 "loi Oudin"

echo
echo "== Rapports de conformité : out/conventions/rapports/"
for report in out/conventions/rapports/*.txt; do
  head -n 2 "$report"
done
