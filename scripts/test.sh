#!/usr/bin/env bash
# Installs what is missing and runs every test and check. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-dependencies.sh
swift build --product charter

echo "== The example playbook builds"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
.build/debug/charter build --root . --out "$scratch/site"

echo "== cmark-gfm's spec runner against charter render --cmark"
bash scripts/spec-tests.sh .build/debug/charter

echo "== Unit and integration tests"
swift test --disable-xctest
