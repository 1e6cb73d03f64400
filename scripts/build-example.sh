#!/usr/bin/env bash
# Installs what is missing, builds Charter, installs it as /usr/local/bin/charter, and
# builds the example playbook in content/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-dependencies.sh
swift build -c release --product charter

target=/usr/local/bin/charter
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "error: installing $target needs root (or sudo)." >&2
        exit 1
    fi
fi
$sudo install -m 755 .build/release/charter "$target"

"$target" build --root .
echo "charter is installed at $target; try \`charter --version\`"
if [ "$(command -v charter)" != "$target" ]; then
    echo "warning: \`charter\` does not run $target here: put /usr/local/bin first on your PATH" >&2
fi
