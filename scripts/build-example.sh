#!/usr/bin/env bash
# Installs what is missing, builds Charter, and builds the example playbook in content/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-dependencies.sh
swift build -c release --product charter
.build/release/charter build --root .
