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
# How many examples each spec file of this library version has: a run must pass every one of
# them, so that a runner that found no examples (or skipped some) is a failure, not "0 failed".
case "$upstream" in
    0.29.0.gfm.6) expected=(671 30 16 25) ;;
    *) echo "No expected example counts for cmark-gfm $upstream: count them and add them to $0."; exit 1 ;;
esac
status=0
run() {
    local label=$1 count=$2; shift 2
    local line
    line=$(python3 "$tests/spec_tests.py" --no-normalize "$@" | tail -n 1) || true
    echo "$label: $line"
    if [ "$line" != "$count passed, 0 failed, 0 errored, 0 skipped" ]; then
        echo "  FAILED: expected $count passed, 0 failed, 0 errored, 0 skipped"
        status=1
    fi
}
run "CommonMark spec" "${expected[0]}" --spec "$tests/spec.txt" --program "$charter render --cmark"
run "GFM extensions" "${expected[1]}" --spec "$tests/extensions.txt" --program "$charter render --cmark" --extensions "$extensions"
run "Smart punctuation" "${expected[2]}" --spec "$tests/smart_punct.txt" --program "$charter render --cmark --smart"
run "Regressions" "${expected[3]}" --spec "$tests/regression.txt" --program "$charter render --cmark"
exit $status
