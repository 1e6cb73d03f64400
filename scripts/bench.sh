#!/usr/bin/env bash
# Benchmarks `charter build` against two references measured in the same run, on corpora this
# repository generates itself (scripts/bench/gen_corpus.py, seed 42, 20 strategies):
#   - scripts/bench/reference.c: a single-threaded C loop over cmark-gfm that parses each page
#     with its own parser, renders it with the same extensions and writes one file per page;
#   - Hugo (Debian's package) on the same Markdown, with minimal templates that render only
#     .Title and .Content (no taxonomies, RSS, sitemap or 404; code highlighting off, since
#     Charter does not highlight code either).
# For each size it measures, best of 3: the C loop; Hugo (time and peak memory); a full Charter
# build (with --no-cache when charter has that flag), its peak memory, `charter check` without a
# cache (as on a fresh clone), a no-op rebuild, and a rebuild after one page changed; and, once
# at the smaller size, the flushes (fsync and the like) of a cold build, counted by strace.
# Sizes are 1,000 and 10,000 pages; PAGES replaces the larger size (`make bench PAGES=2000`),
# and PAGES <= 1000 runs that one size only.
# At each size it also measures search (unless SEARCH=0): the index's build time and size on
# disk, and the bytes and requests a first and a second query load in headless Chromium
# (scripts/bench/search_bytes.py), against Pagefind 1.5.2 (PyPI pagefind-bin) run on Hugo's
# output of the same corpus.
# Prints a table and writes the same figures to bench/out/results.json.
# Usage: scripts/bench.sh [PAGES]
# Set CHARTER_BENCH_SCRATCH to build charter in that scratch folder instead of .build/.
# Needs only this repository; installs hugo, time, strace, pkg-config and cmark-gfm with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)

large="${1:-10000}"
case "$large" in
    '' | *[!0-9]*) echo "usage: scripts/bench.sh [PAGES]  (PAGES: a number of pages, default 10000)" >&2; exit 64 ;;
esac
large=$((10#$large))
if [ "$large" -lt 1 ] || [ "$large" -gt 100000 ]; then
    echo "error: PAGES must be between 1 and 100000" >&2
    exit 64
fi
if [ "$large" -le 1000 ]; then sizes=("$large"); else sizes=(1000 "$large"); fi

# --- Dependencies: one apt-get update, one install, only for what is missing.
missing=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
command -v strace >/dev/null 2>&1 || missing+=(strace)
for package in pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev; do
    installed "$package" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]} ..."
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "error: ${missing[*]} must be installed, and this needs root (or sudo)" >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
bash scripts/install-dependencies.sh
hugo_version=$(hugo version 2>&1 | head -1) || { echo "error: hugo does not run: $hugo_version" >&2; exit 1; }

# Search in a browser: Chromium and Selenium, and Pagefind (PyPI's pagefind-bin) in a virtual
# environment of its own. SEARCH=0 leaves the search measures out.
search=true
[ "${SEARCH:-1}" != 0 ] || search=false
if [ "$search" = true ]; then
    browser=()
    for package in chromium chromium-driver python3-venv; do installed "$package" || browser+=("$package"); done
    if [ "${#browser[@]}" -gt 0 ]; then
        echo "Installing ${browser[*]} ..."
        sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${browser[@]}" >/dev/null
    fi
    python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet selenium
    venv=".build/bench-venv"
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/python" -c "import pagefind_bin" 2>/dev/null || "$venv/bin/python" -m pip install --quiet "pagefind-bin==1.5.2"
    pagefind=$("$venv/bin/python" -c "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind_extended' if os.path.exists(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind_extended')) else 'pagefind'))")
    pagefind_version=$("$pagefind" --version 2>&1 | head -1)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/charter-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- Charter, in release.
build=(-c release --product charter)
[ -n "${CHARTER_BENCH_SCRATCH:-}" ] && build+=(--scratch-path "$CHARTER_BENCH_SCRATCH")
echo "Building charter (swift build ${build[*]}) ..."
if ! swift build "${build[@]}" >"$work/swift-build.log" 2>&1; then
    tail -40 "$work/swift-build.log" >&2
    echo "error: swift build failed" >&2
    exit 1
fi
charter="$(swift build "${build[@]}" --show-bin-path)/charter"
charter_version=$("$charter" --version 2>&1 | head -1)
full_flags=()
build_help=$("$charter" build --help 2>&1 || true)
if grep -q -- '--no-cache' <<<"$build_help"; then
    full_flags=(--no-cache)
    no_cache=true
else
    no_cache=false
fi

# --- The C loop.
# shellcheck disable=SC2046  # pkg-config prints several words on purpose
cc -O2 -o "$work/reference-loop" scripts/bench/reference.c $(pkg-config --cflags --libs libcmark-gfm)

# Runs a command under /usr/bin/time and appends "SIZE WHAT RUN MILLISECONDS PEAK_KIB" to the
# results. ALLOWED lists the exit statuses that count as success (charter exits 1 with
# --allow-errors when the content has errors, as the corpus has on purpose).
measure() {
    local size=$1 what=$2 run=$3 allowed=$4
    shift 4
    local start end status=0
    start=$(date +%s%N)
    /usr/bin/time -o "$work/time.txt" -f '%e %M' "$@" >"$work/command.log" 2>&1 || status=$?
    end=$(date +%s%N)
    case " $allowed " in
        *" $status "*) ;;
        *) tail -20 "$work/command.log" >&2
           echo "error: '$*' exited with status $status" >&2
           exit 1 ;;
    esac
    local kib
    kib=$(tail -1 "$work/time.txt" | awk '{print $2}')
    local ms=$(((end - start) / 1000000))
    printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$what" "$run" "$ms" "$kib" >>"$work/results.tsv"
    printf '    %-18s run %s: %6.2f s, %7.1f MiB\n' "$what" "$run" "$(echo "$ms" | awk '{print $1 / 1000}')" \
        "$(echo "$kib" | awk '{print $1 / 1024}')"
}

: >"$work/results.tsv"
: >"$work/sizes.tsv"
echo "Charter: $charter_version ($([ "$no_cache" = true ] && echo "full builds with --no-cache" || echo "no --no-cache flag: every build is a full build"))"
echo "Hugo: $hugo_version"
echo "Machine: $(nproc) cores, work folder $work"

for size in "${sizes[@]}"; do
    corpus="$work/corpus-$size"
    pages="$corpus/pages"
    echo
    echo "== $size pages"
    python3 scripts/bench/gen_corpus.py --pages "$size" --seed 42 --strategies 20 --out "$corpus"
    (cd "$pages" && find . -name '*.md' | sed 's#^\./##' | LC_ALL=C sort) >"$work/list-$size.txt"
    markdown_files=$(wc -l <"$work/list-$size.txt")
    markdown_bytes=$(cd "$pages" && xargs -d '\n' cat <"$work/list-$size.txt" | wc -c)

    # A minimal Hugo site over the same Markdown (the home page as _index.md).
    hugo_site="$work/hugo-$size"
    mkdir -p "$hugo_site/content" "$hugo_site/layouts/_default"
    cat >"$hugo_site/config.toml" <<'TOML'
baseURL = "https://bench.example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
  unsafe = false
[markup.highlight]
  codeFences = false
TOML
    printf '%s\n' '<!DOCTYPE html>' '<html><head><title>{{ .Title }}</title></head>' \
        '<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>' >"$hugo_site/layouts/_default/single.html"
    printf '%s\n' '<!DOCTYPE html>' '<html><head><title>{{ .Title }}</title></head>' \
        '<body><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>' \
        >"$hugo_site/layouts/_default/list.html"
    cp -r "$pages"/s[0-9][0-9][0-9] "$hugo_site/content/"
    cp "$pages/index.md" "$hugo_site/content/_index.md"

    c_out="$work/c-out-$size" hugo_out="$work/hugo-out-$size" charter_out="$work/charter-out-$size"
    for run in 1 2 3; do
        rm -rf "$c_out" "$hugo_out" "$charter_out"
        measure "$size" c-loop "$run" 0 "$work/reference-loop" "$work/list-$size.txt" "$c_out" "$pages"
        measure "$size" hugo "$run" 0 hugo --quiet --source "$hugo_site" --destination "$hugo_out" --cacheDir "$work/hugo-cache"
        measure "$size" charter-full "$run" "0 1" "$charter" build --root "$pages" --out "$charter_out" --allow-errors \
            --today 2026-11-23 "${full_flags[@]}"
    done
    # check, as CI runs it on a fresh clone: no cache from an earlier build.
    for run in 1 2 3; do
        rm -rf "$pages/.charter-cache"
        measure "$size" charter-check "$run" "0 1" "$charter" check --root "$pages" --today 2026-11-23
    done
    # The flushes of one cold build, counted by strace (once, at the smaller size: strace slows
    # every system call).
    if [ "$size" = "${sizes[0]}" ] && command -v strace >/dev/null 2>&1; then
        rm -rf "$charter_out" "$pages/.charter-cache"
        strace -f -c -o "$work/strace.txt" -e trace=fsync,fdatasync,syncfs,sync \
            "$charter" build --root "$pages" --out "$charter_out" --allow-errors --today 2026-11-23 >/dev/null 2>&1 || true
        flushes=$(awk '$NF ~ /^(fsync|fdatasync|syncfs|sync)$/ { total += $4 } END { print total + 0 }' "$work/strace.txt")
        echo "    flushes (fsync, fdatasync, syncfs) in a cold build: $flushes"
        printf '%s\t%s\n' "$size" "$flushes" >"$work/flushes.tsv"
    fi
    c_pages=$(find "$c_out" -name '*.html' | wc -l)
    hugo_pages=$(find "$hugo_out" -name '*.html' | wc -l)
    charter_pages=$(find "$charter_out" -name '*.html' | wc -l)
    echo "    HTML files written: C loop $c_pages, Hugo $hugo_pages, Charter $charter_pages"

    # Rebuilds: once to leave whatever a normal build keeps (a cache, if charter has one), then
    # three no-op rebuilds, then three rebuilds after appending a sentence to one page.
    "$charter" build --root "$pages" --out "$charter_out" --allow-errors --today 2026-11-23 >/dev/null 2>&1 || true
    for run in 1 2 3; do
        measure "$size" charter-noop "$run" "0 1" "$charter" build --root "$pages" --out "$charter_out" --allow-errors --today 2026-11-23
    done
    for run in 1 2 3; do
        printf '\nThe review team added this sentence in round %s of the benchmark.\n' "$run" >>"$pages/s000/p00000.md"
        measure "$size" charter-one-file "$run" "0 1" "$charter" build --root "$pages" --out "$charter_out" --allow-errors --today 2026-11-23
    done
    # Search: the index's build time (from CHARTER_TIMINGS) and what a query loads in Chromium,
    # against Pagefind's index of Hugo's site of the same corpus.
    if [ "$search" = true ]; then
        rm -rf "$charter_out"
        CHARTER_TIMINGS=1 "$charter" build --root "$pages" --out "$charter_out" --allow-errors --today 2026-11-23 --no-cache \
            2>"$work/timings.txt" >/dev/null || true
        # The entries (each page's words) and the index made from them.
        index_ms=$(sed -n 's/^charter timing: search \(entries\|index\): \([0-9.]*\) ms.*/\2/p' "$work/timings.txt" \
            | awk '{ total += $1 } END { if (NR) printf "%.1f", total }')
        echo "    Charter search index built in ${index_ms} ms"
        measure "$size" pagefind 1 0 "$pagefind" --site "$hugo_out" --quiet
        python3 scripts/bench/search_bytes.py --charter "$charter_out" --pagefind "$hugo_out" \
            --first community --second engineer --json "$work/search-$size.json" | sed 's/^/    /'
        python3 - "$work/search-$size.json" "$index_ms" <<'PY'
import json, sys
path, index_ms = sys.argv[1:]
data = json.load(open(path))
data["charter_index_build_ms"] = float(index_ms) if index_ms else None
json.dump(data, open(path, "w"))
PY
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$markdown_files" "$markdown_bytes" "$c_pages" "$hugo_pages" "$charter_pages" >>"$work/sizes.tsv"
    rm -rf "$c_out" "$hugo_out" "$charter_out" "$hugo_site" "$corpus"
done

mkdir -p bench/out
json="$repository/bench/out/results.json"
[ -f "$work/flushes.tsv" ] || : >"$work/flushes.tsv"
python3 - "$work/results.tsv" "$work/sizes.tsv" "$json" "$charter_version" "$hugo_version" "$no_cache" "$(nproc)" "$work/flushes.tsv" "$work" <<'PY'
import json, os, sys

results_path, sizes_path, json_path, charter_version, hugo_version, no_cache, cores, flushes_path, work = sys.argv[1:]
flushes = {int(size): int(count) for size, count in (line.split() for line in open(flushes_path) if line.strip())}
runs = {}
for line in open(results_path):
    size, what, run, ms, kib = line.rstrip("\n").split("\t")
    runs.setdefault((int(size), what), []).append((int(ms) / 1000, int(kib)))

def best(size, what):
    """Best (shortest) time of the runs, and the highest peak memory seen in any of them."""
    measured = runs[(size, what)]
    return min(seconds for seconds, _ in measured), max(kib for _, kib in measured) / 1024

def ratio(a, b):
    return round(a / b, 2) if b else None

sizes = []
for line in open(sizes_path):
    size, files, markdown_bytes, c_pages, hugo_pages, charter_pages = (int(x) for x in line.split("\t"))
    c_loop, c_rss = best(size, "c-loop")
    hugo, hugo_rss = best(size, "hugo")
    full, charter_rss = best(size, "charter-full")
    noop, _ = best(size, "charter-noop")
    one, _ = best(size, "charter-one-file")
    check, _ = best(size, "charter-check")
    sizes.append({
        "pages": size, "markdown_files": files, "markdown_bytes": markdown_bytes,
        "html_files": {"c_loop": c_pages, "hugo": hugo_pages, "charter": charter_pages},
        "seconds": {"c_loop": c_loop, "hugo": hugo, "charter_full": full, "charter_noop": noop, "charter_one_file": one,
                    "charter_check": check},
        "flushes_in_cold_build": flushes.get(size),
        "peak_rss_mib": {"c_loop": round(c_rss, 1), "hugo": round(hugo_rss, 1), "charter_full": round(charter_rss, 1)},
        "ratios": {
            "charter_vs_hugo": ratio(full, hugo), "charter_vs_c_loop": ratio(full, c_loop),
            "peak_rss_charter_vs_hugo": ratio(charter_rss, hugo_rss),
            "noop_vs_full": ratio(noop, full), "one_file_vs_full": ratio(one, full), "check_vs_full": ratio(check, full),
        },
        "runs": {what: [{"seconds": s, "peak_rss_mib": round(k / 1024, 1)} for s, k in measured]
                 for (sz, what), measured in runs.items() if sz == size},
    })
    search_path = os.path.join(work, f"search-{size}.json")
    if os.path.exists(search_path):
        search = json.load(open(search_path))
        if (size, "pagefind") in runs:
            search["pagefind_index_build_seconds"], search["pagefind_index_build_peak_rss_mib"] = best(size, "pagefind")
        sizes[-1]["search"] = search

scaling = None
if len(sizes) == 2:
    small, large = sizes
    scaling = {"from_pages": small["pages"], "to_pages": large["pages"]}
    for tool, key in (("charter", "charter_full"), ("hugo", "hugo"), ("c_loop", "c_loop")):
        scaling[tool] = ratio(large["seconds"][key], small["seconds"][key])

document = {
    "charter": charter_version, "hugo": hugo_version, "cores": int(cores),
    "charter_full_builds_use_no_cache": no_cache == "true",
    "corpus": "scripts/bench/gen_corpus.py --seed 42 --strategies 20",
    "method": "best of 3 runs for time; the highest peak RSS of the runs for memory",
    "sizes": sizes, "scaling": scaling,
}
with open(json_path, "w") as handle:
    json.dump(document, handle, indent=2)
    handle.write("\n")

def times(value):
    return "n/a" if value is None else f"{value:.2f}x"

def mib(value):
    return f"{value / 1024:.2f} GiB" if value >= 1024 else f"{value:.0f} MiB"

rows = [
    ("Markdown files", lambda s: f"{s['markdown_files']:,}"),
    ("Markdown bytes", lambda s: f"{s['markdown_bytes'] / 1e6:.1f} MB"),
    ("C loop over cmark-gfm (1 thread)", lambda s: f"{s['seconds']['c_loop']:.2f} s"),
    ("Hugo", lambda s: f"{s['seconds']['hugo']:.2f} s"),
    ("Hugo peak memory", lambda s: mib(s["peak_rss_mib"]["hugo"])),
    ("Charter full build", lambda s: f"{s['seconds']['charter_full']:.2f} s"),
    ("Charter peak memory", lambda s: mib(s["peak_rss_mib"]["charter_full"])),
    ("Charter no-op rebuild", lambda s: f"{s['seconds']['charter_noop']:.2f} s"),
    ("Charter one-file rebuild", lambda s: f"{s['seconds']['charter_one_file']:.2f} s"),
    ("Charter check, no cache", lambda s: f"{s['seconds']['charter_check']:.2f} s"),
    ("Flushes in a cold build (strace)", lambda s: "not counted" if s["flushes_in_cold_build"] is None else str(s["flushes_in_cold_build"])),
    ("Charter / Hugo", lambda s: times(s["ratios"]["charter_vs_hugo"])),
    ("Charter / C loop", lambda s: times(s["ratios"]["charter_vs_c_loop"])),
    ("Peak memory Charter / Hugo", lambda s: times(s["ratios"]["peak_rss_charter_vs_hugo"])),
    ("No-op rebuild / full build", lambda s: times(s["ratios"]["noop_vs_full"])),
    ("One-file rebuild / full build", lambda s: times(s["ratios"]["one_file_vs_full"])),
    ("Check / full build", lambda s: times(s["ratios"]["check_vs_full"])),
]
def kb(value):
    return f"{value / 1024:.0f} KB"

def search_cell(key, show):
    return lambda s: show(s["search"][key]) if key in s.get("search", {}) else "n/a"

if any("search" in s for s in sizes):
    rows += [
        ("Search: first query, Charter", search_cell("charter_first_query", lambda q: f"{kb(q['bytes'])} / {q['requests']} req")),
        ("Search: first query, Pagefind", search_cell("pagefind_first_query", lambda q: f"{kb(q['bytes'])} / {q['requests']} req")),
        ("Search: 2nd query, new letter", search_cell("charter_second_query", lambda q: f"{kb(q['bytes'])} / {q['requests']} req")),
        ("Search: box script (every page)", search_cell("charter_search_script_bytes", kb)),
        ("Search: keystroke to results", search_cell("charter_keystroke_to_results_ms", lambda ms: f"{ms:.0f} ms")),
        ("Search index on disk, Charter", search_cell("charter_index_on_disk", lambda d: f"{d['bytes'] / 1e6:.1f} MB / {d['files']:,}")),
        ("Search index on disk, Pagefind", search_cell("pagefind_index_on_disk", lambda d: f"{d['bytes'] / 1e6:.1f} MB / {d['files']:,}")),
        ("Search index build, Charter", search_cell("charter_index_build_ms", lambda ms: "n/a" if ms is None else f"{ms / 1000:.2f} s")),
        ("Search index build, Pagefind", search_cell("pagefind_index_build_seconds", lambda sec: f"{sec:.2f} s")),
    ]
width = max(len(name) for name, _ in rows)
print()
hugo_short = " ".join(hugo_version.split()[:2])
print(f"Best of 3 ({charter_version}; {hugo_short}; {cores} cores)")
print(" " * width + "".join(f"  {format(s['pages'], ','):>10} pages" for s in sizes))
for name, cell in rows:
    print(name.ljust(width) + "".join(f"  {cell(s):>16}" for s in sizes))
if scaling:
    print(f"Time from {scaling['from_pages']:,} to {scaling['to_pages']:,} pages: Charter {times(scaling['charter'])}, "
          f"Hugo {times(scaling['hugo'])}, C loop {times(scaling['c_loop'])}")
PY
echo "(The C loop only renders Markdown; Charter also validates, checks every link and anchor,"
echo " applies templates, builds navigation and the search index, and writes the site atomically.)"
echo "Results: $json"
