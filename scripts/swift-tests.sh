#!/usr/bin/env bash
# Runs the Swift test suites: the live-preview suites on their own, after the rest. Extra arguments
# go to both `swift test` calls (scripts/sanitize.sh passes --sanitize and --scratch-path).
#
#   scripts/swift-tests.sh [SWIFT-TEST-OPTION ...]
#   CHARTER_DAYS_AHEAD=500 scripts/swift-tests.sh      the same, with the clock moved 500 days ahead
#
# The live-preview suites run a server whose tasks need Swift's cooperative threads, which the
# other suites' long synchronous builds occupy on a 2-core machine.
#
# With CHARTER_DAYS_AHEAD, SOURCE_DATE_EPOCH is set that many days after now: Charter reads the day
# from it (SiteBuilder.defaultToday) and every charter subprocess inherits it, so a test that
# depends on the real day fails here instead of on the day its dates fall due (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CHARTER_DAYS_AHEAD:-}" ]; then
    export SOURCE_DATE_EPOCH=$(( $(date +%s) + CHARTER_DAYS_AHEAD * 86400 ))
    echo "== The clock is moved $CHARTER_DAYS_AHEAD days ahead: SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH ($(date -u -d "@$SOURCE_DATE_EPOCH" +%F))"
fi
serve_suites='LivePreviewTests|ServeEndToEndTests|SiteResponderTests|SiteWatcherTests'
echo "== Unit and integration tests"
swift test --disable-xctest "$@" --skip "$serve_suites"
echo "== Live preview tests"
swift test --disable-xctest "$@" --filter "$serve_suites"
