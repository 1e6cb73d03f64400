#!/usr/bin/env bash
# Installs what is missing and runs every test and check. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-dependencies.sh
if ! python3 -c "import jsonschema, yaml" 2>/dev/null; then
    echo "Installing jsonschema and PyYAML for the schema tests ..."
    python3 -m pip install --quiet jsonschema pyyaml
fi
swift build --product charter

echo "== The example playbook passes check --strict and builds"
# Review dates are judged as of a fixed day so that CI does not go red as the example ages.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
.build/debug/charter check --root . --strict --today 2026-11-23
.build/debug/charter build --root . --out "$scratch/site" --today 2026-11-23

echo "== cmark-gfm's spec runner against charter render --cmark"
bash scripts/spec-tests.sh .build/debug/charter

echo "== Quality gates on the built example: HTML, accessibility, browser behaviour, links"
bash scripts/quality.sh .build/debug/charter

echo "== Fuzz smoke: every libFuzzer target for 15 s from its committed seeds; any crash fails"
bash scripts/fuzz.sh all 15

echo "== The language server, driven over stdio by a real client (pytest-lsp)"
bash scripts/lsp-tests.sh .build/debug/charter

bash scripts/swift-tests.sh
