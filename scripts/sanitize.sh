#!/usr/bin/env bash
# Runs the Swift test suite under each sanitizer the toolchain supports on this platform, each in
# its own scratch folder (.build-asan, .build-tsan, .build-ubsan) so they never mix with .build.
#
#   scripts/sanitize.sh [address|thread|undefined ...]     (default: address thread)
#
# `undefined` is tried only when asked for: Swift 6.3 refuses -sanitize=undefined for Linux targets
# ("unsupported option"), and the script says so instead of failing.
# A sanitizer report fails the test process, so a clean run is one that exits 0. Reports that
# belong to a dependency or are false positives are suppressed narrowly in scripts/sanitizers/
# (each entry says why). scripts/swift-tests.sh runs the suites, as in scripts/test.sh, so
# CHARTER_DAYS_AHEAD moves the clock here too.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
[[ ${#sanitizers[@]} -gt 0 ]] || sanitizers=(address thread)
suppressions="$PWD/scripts/sanitizers"

# halt_on_error: the first report ends the run with a non-zero status, which fails this script.
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=0"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$suppressions/tsan.supp"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        undefined)
            scratch=.build-ubsan
            probe=$(mktemp -d)
            echo 'print(0)' >"$probe/probe.swift"
            if ! swiftc -sanitize=undefined "$probe/probe.swift" -o "$probe/probe" >/dev/null 2>&1; then
                echo "== undefined: not supported by this toolchain on $(uname -s); skipped"
                rm -rf "$probe"
                continue
            fi
            rm -rf "$probe" ;;
        *) echo "unknown sanitizer '$sanitizer': address, thread or undefined" >&2; exit 2 ;;
    esac
    start=$SECONDS
    echo "== swift test --sanitize=$sanitizer ($scratch)"
    swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"
    bash scripts/swift-tests.sh --skip-build --sanitize="$sanitizer" --scratch-path "$scratch"
    echo "== $sanitizer: clean in $((SECONDS - start)) s"
done
