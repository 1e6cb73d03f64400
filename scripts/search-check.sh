#!/usr/bin/env bash
# The search box's browser gates alone, on the example built from file://: a word found only
# in a page's body, a misspelt word, an unaccented word, a kind filter chosen from the
# keyboard, axe with the filters open, and the relevance set (Tests/search/relevance.tsv).
# scripts/quality.sh runs the same gates over HTTP too; this is the quick run, for the search
# mutants and for work on search.js.
# Usage: scripts/search-check.sh [path/to/charter]   (needs what scripts/quality.sh installs)
set -euo pipefail
cd "$(dirname "$0")/.."
charter=$(realpath "${1:-.build/debug/charter}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$charter" build --root . --out "$work/site" --today 2026-11-23 >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python3 scripts/quality.py --file "file://$work/site/" --search-only \
    --strategy storm-ready --search-word discrimination --search-title "Escalating a community risk" \
    --reviewed-contrast scripts/axe-contrast-reviewed.tsv
