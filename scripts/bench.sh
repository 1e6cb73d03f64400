#!/usr/bin/env bash
# Benchmarks `charter build` on the shared corpus against a reference measured in the same
# run: scripts/bench/reference.c, a single-threaded C loop over cmark-gfm that parses each page
# with its own parser, renders it with the same extensions and writes one file per page (the
# reference the shared bench README describes).
# Usage: scripts/bench.sh [PAGES]   (default 10000; needs ../shared/bench/gen_corpus.py)
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-10000}"
generator=../shared/bench/gen_corpus.py
[ -f "$generator" ] || { echo "error: $generator not found (shared/ must be beside the repository)" >&2; exit 1; }

bash scripts/install-dependencies.sh
swift build -c release --product charter >/dev/null
charter=$(realpath .build/release/charter)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$generator" --n "$pages" --seed 42 --out "$work/corpus" >/dev/null
bytes=$(du -sb "$work/corpus/pages" | cut -f1)
cc -O2 -o "$work/reference-loop" scripts/bench/reference.c $(pkg-config --cflags --libs libcmark-gfm)
(cd "$work/corpus/pages" && find . -name '*.md' | sort | sed 's#^\./##') > "$work/pages.txt"

reference() {
    rm -rf "$work/reference" && mkdir -p "$work/reference"
    (cd "$work/corpus/pages" && "$work/reference-loop" "$work/pages.txt" "$work/reference")
}

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

echo "Corpus: $pages pages, $((bytes / 1024)) KiB, $(nproc) cores"
best_reference=""; best_charter=""
for run in 1 2 3; do
    r=$(seconds reference)
    c=$(seconds "$charter" build --root "$work/corpus/pages" --out "$work/site" --allow-errors --today 2026-11-23)
    echo "  run $run: reference $r s, charter $c s"
    best_reference=$(printf '%s\n%s\n' "$r" "${best_reference:-$r}" | sort -g | head -1)
    best_charter=$(printf '%s\n%s\n' "$c" "${best_charter:-$c}" | sort -g | head -1)
done
ratio=$(echo "scale=2; $best_charter / $best_reference" | bc)
echo "Best of 3: reference $best_reference s, charter $best_charter s: charter takes ${ratio}x the reference"
echo "(The reference only renders Markdown; charter also validates, checks every link and anchor,"
echo " applies templates, builds navigation and the search index, and writes the site atomically.)"
