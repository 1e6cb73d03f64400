#!/usr/bin/env bash
# Fuzzes Charter's parsers and pipeline with libFuzzer, under AddressSanitizer.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     (defaults: all, 60 seconds per target)
#
# Targets: frontmatter, yaml, markdown, site, diff, lsp (see Fuzz/Sources/CharterFuzz/FuzzTargets.swift).
# The fuzzer is the Fuzz/ package, built in .build-fuzz/ with AddressSanitizer and libFuzzer's
# coverage instrumentation in every Swift module, so CharterKit is instrumented too. Each target starts from its committed seeds in
# Fuzz/Corpus/TARGET and keeps what it finds in .build-fuzz/corpus/TARGET (not committed).
# An input that crashes, hangs (over 10 s) or breaks an invariant is saved as
# .build-fuzz/findings/TARGET-crash-* (or -timeout-*, -oom-*), and the script exits 1.
# Replay one with: CHARTER_FUZZ_TARGET=TARGET .build-fuzz/debug/charter-fuzz FILE
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(frontmatter yaml markdown site diff lsp)
which=${1:-all}
seconds=${2:-60}
if [[ "$which" != all ]]; then
    if [[ ! " ${targets[*]} " =~ " $which " ]]; then
        echo "unknown target '$which'; one of: all ${targets[*]}" >&2
        exit 2
    fi
    targets=("$which")
fi

scratch=.build-fuzz
echo "== Building the fuzzer (Fuzz/, $scratch)"
# Every module gets AddressSanitizer and libFuzzer's coverage instrumentation, but not
# -sanitize=fuzzer itself, which would link libFuzzer's `main` over the executables' own. The
# fuzz binary calls libFuzzer's driver from its main, from the runtime without a main.
# lld: gold stops with an internal error on the sanitizer runtime's local symbols.
# The template embedder runs during the build with these flags too: no leak reports from it.
runtime=$(ls "$(dirname "$(readlink -f "$(command -v swiftc)")")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)
ASAN_OPTIONS=detect_leaks=0 swift build --package-path Fuzz --scratch-path "$scratch" --product charter-fuzz \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,pc-table,inline-8bit-counters \
    -Xswiftc -use-ld=lld -Xlinker "$runtime" -Xlinker -lstdc++
binary="$scratch/debug/charter-fuzz"

mkdir -p "$scratch/findings"
status=0
summary=()
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    mkdir -p "$corpus"
    log="$scratch/fuzz-$target.log"
    echo "== Fuzzing $target for $seconds s"
    # detect_leaks=0: Swift's runtime keeps metadata caches for the life of the process.
    # SWIFT_BACKTRACE: Swift's crash handler reads memory that ASan reports; libFuzzer's is enough.
    if ! CHARTER_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$binary" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$scratch/findings/$target-" \
        "$corpus" "Fuzz/Corpus/$target" >"$log" 2>&1; then
        status=1
        echo "!! $target found a problem; the log is $log:" >&2
        grep -E -A30 "ERROR:|invariant broken|Fatal error|deadly signal|timeout|out-of-memory" "$log" | head -60 >&2 || tail -40 "$log" >&2
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
    summary+=("$target: ${runs:-?} executions in $seconds s, ${coverage:-cov: ?}, corpus $(ls "$corpus" | wc -l) new inputs")
done

echo "== Fuzzing summary"
printf '%s\n' "${summary[@]}"
exit $status
