#!/usr/bin/env bash
# Drives `charter lsp` as an editor would, over its stdin and stdout, with pytest-lsp (PyPI):
# Tests/lsp/. Installs pytest-lsp into a virtual environment under .build/ the first time.
# Usage: scripts/lsp-tests.sh [CHARTER_BINARY]   (default: .build/debug/charter)
set -euo pipefail
cd "$(dirname "$0")/.."
charter="${1:-.build/debug/charter}"
[ -x "$charter" ] || { echo "error: $charter is not built (swift build --product charter)" >&2; exit 1; }
venv=.build/lsp-venv
if ! "$venv/bin/python" -c "import pytest_lsp" 2>/dev/null; then
    echo "Installing pytest-lsp into $venv ..."
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pytest-lsp==1.0.1" "pytest==9.2.0"
fi
CHARTER="$(cd "$(dirname "$charter")" && pwd)/$(basename "$charter")" \
    "$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/lsp
