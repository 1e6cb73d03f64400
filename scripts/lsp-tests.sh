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

# Neovim (Debian's package) with the settings docs/editors.md gives, for real: an unsaved typo
# must show as CH250 on its word, and go when it is fixed, with the file on disk untouched.
if ! command -v nvim >/dev/null 2>&1; then
    echo "Installing neovim ..."
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -R Tests/CharterKitTests/Fixtures/Sites/basic/site "$scratch/site"
python3 - "$scratch/init.lua" <<'PYTHON'
import re, sys
settings = re.search(r"```lua\n(.*?)```", open("docs/editors.md").read(), re.S).group(1)
open(sys.argv[1], "w").write(settings)
PYTHON
bin=$(cd "$(dirname "$charter")" && pwd)
seen=$(cd "$scratch/site" && PATH="$bin:$PATH" SOURCE_DATE_EPOCH=1761955200 timeout 60 nvim --headless -u "$scratch/init.lua" \
    content/strategies/community.yaml -c "sleep 2" -c "2s/hub/hubb/" -c "sleep 3" \
    -c "lua for _, d in ipairs(vim.diagnostic.get(0)) do print(d.lnum, d.col, d.end_col, d.user_data.lsp.code) end" \
    -c "2s/hubb/hub/" -c "sleep 3" -c "lua print('after the fix', #vim.diagnostic.get(0))" -c "qa!" 2>&1 | tr -d '\r')
expected=$'1 7 11 CH250\nafter the fix 0'
if [ "$seen" != "$expected" ] || grep -q hubb "$scratch/site/content/strategies/community.yaml"; then
    echo "FAILED: Neovim with docs/editors.md's settings saw:"; echo "$seen"; exit 1
fi
echo "Neovim: the unsaved typo was CH250 on its word, and went when fixed"

# The same with the .nvim.lua that `charter init` writes into a new repository.
init="$scratch/new-playbook"
"$charter" init "$init" >/dev/null
seen=$(cd "$init" && PATH="$bin:$PATH" SOURCE_DATE_EPOCH=1761955200 timeout 60 nvim --headless -u .nvim.lua \
    content/teams/community-team.yaml -c "sleep 2" -c "lua print(#vim.lsp.get_active_clients())" -c "qa!" 2>&1 | tr -d '\r')
if [ "$seen" != "1" ]; then
    echo "FAILED: Neovim did not start charter lsp from the .nvim.lua charter init writes: $seen"; exit 1
fi
echo "Neovim: the .nvim.lua charter init writes starts charter lsp"
