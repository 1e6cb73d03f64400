#!/usr/bin/env bash
# Runs cmark-gfm's own spec runner against `charter render --cmark`, with the test files
# of the exact library version installed (taken from Debian's source package).
#
# The source package is fetched with a private apt configuration under .build/, so the
# system's apt sources are left alone. Usage: scripts/spec-tests.sh [path/to/charter]
set -euo pipefail
cd "$(dirname "$0")/.."

charter=$(realpath "${1:-.build/debug/charter}")
version=$(dpkg-query -W -f='${Version}' libcmark-gfm-dev)
upstream=${version%-*}
work=.build/cmark-gfm-spec
tests="$work/cmark-gfm-$upstream/test"

if [ ! -f "$tests/spec_tests.py" ]; then
    mkdir -p "$work/lists/partial" "$work/archives/partial"
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    cat > "$work/sources.list" <<SOURCES
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $codename main
SOURCES
    apt_options=(
        -o "Dir::Etc::SourceList=$PWD/$work/sources.list"
        -o "Dir::Etc::SourceParts=/dev/null"
        -o "Dir::State::Lists=$PWD/$work/lists"
        -o "Dir::Cache::Archives=$PWD/$work/archives"
        -o "APT::Sandbox::User=root"
    )
    apt-get "${apt_options[@]}" update -qq
    (cd "$work" && apt-get "${apt_options[@]}" source -qq --download-only "cmark-gfm=$version")
    tar -xzf "$work/cmark-gfm_$upstream.orig.tar.gz" -C "$work"
fi

extensions="table strikethrough autolink tagfilter footnotes tasklist"
status=0
run() {
    local label=$1; shift
    local line
    line=$(python3 "$tests/spec_tests.py" --no-normalize "$@" | tail -n 1) || true
    echo "$label: $line"
    case "$line" in *" 0 failed, 0 errored"*) ;; *) status=1 ;; esac
}
run "CommonMark spec" --spec "$tests/spec.txt" --program "$charter render --cmark"
run "GFM extensions" --spec "$tests/extensions.txt" --program "$charter render --cmark" --extensions "$extensions"
run "Smart punctuation" --spec "$tests/smart_punct.txt" --program "$charter render --cmark --smart"
run "Regressions" --spec "$tests/regression.txt" --program "$charter render --cmark"
exit $status
