#!/usr/bin/env bash
# Proves the release tarball works on a system that has never seen Swift or cmark-gfm: a
# minimal Debian 12 (debootstrap --variant=minbase), in which, under chroot, it checks the
# tarball's checksum, installs `charter`, and runs `charter --version`, `charter init`,
# `charter check --strict` and `charter build` on the scaffold.
#
#   scripts/clean-system-test.sh [dist/charter-VERSION-linux-x86_64.tar.gz]
#
# Needs root (debootstrap, chroot, mounting /proc) and, the first time, the network. The
# minimal system is made once and cached outside the repository, in
# $CHARTER_CLEAN_SYSTEM_CACHE (default /var/cache/charter-clean-system); each run works in a
# fresh copy of it, so the cached system stays clean. Delete the folder to start over.
set -euo pipefail
if [ -n "${1:-}" ]; then tarball=$(realpath "$1"); fi
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
    echo "error: clean-system-test.sh needs root for debootstrap and chroot" >&2
    exit 1
fi
tarball=${tarball:-$(ls -t dist/charter-*-linux-x86_64.tar.gz 2>/dev/null | head -n 1)}
if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
    echo "error: no tarball; run scripts/dist.sh (make dist) first, or name one" >&2
    exit 1
fi
if [ ! -f "$tarball.sha256" ]; then
    echo "error: $tarball.sha256 is missing" >&2
    exit 1
fi
started=$SECONDS

cache=${CHARTER_CLEAN_SYSTEM_CACHE:-/var/cache/charter-clean-system}
base=$cache/bookworm
if [ ! -x "$base/bin/bash" ]; then
    if ! command -v debootstrap >/dev/null; then
        echo "Installing debootstrap ..."
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
    fi
    echo "== Creating a minimal Debian 12 in $base (once; later runs reuse it)"
    rm -rf "$base.partial"
    mkdir -p "$cache"
    debootstrap --variant=minbase bookworm "$base.partial" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$cache/debootstrap.log" \
        || { echo "error: debootstrap failed; see $cache/debootstrap.log" >&2; exit 1; }
    mv "$base.partial" "$base"
fi

system=$(mktemp -d "$cache/run.XXXXXX")
cleanup() {
    if mountpoint -q "$system/root/proc"; then umount "$system/root/proc"; fi
    rm -rf "$system"
}
trap cleanup EXIT
cp -a "$base" "$system/root"
mount -t proc proc "$system/root/proc"
mkdir -p "$system/root/tmp/release"
cp "$tarball" "$tarball.sha256" "$system/root/tmp/release/"
echo "== A fresh copy of the minimal system in $system/root ($((SECONDS - started)) s so far)"

env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    TARBALL="$(basename "$tarball")" chroot "$system/root" /bin/bash -euo pipefail -c '
        echo "-- Nothing of Swift or cmark-gfm is installed"
        if command -v swift swiftc >/dev/null || ls /usr/lib/*/libcmark* /usr/lib/libcmark* /usr/lib/swift 2>/dev/null \
            || dpkg-query -W "*cmark*" "*swift*" 2>/dev/null | grep -q .; then
            echo "error: the clean system has Swift or cmark-gfm in it" >&2
            exit 1
        fi
        . /etc/os-release && echo "$PRETTY_NAME, $(dpkg-query -W -f="\${binary:Package} \${Version}" libc6), $(dpkg-query -W | wc -l) packages"

        echo "-- The checksum, and the binary installed"
        cd /tmp/release
        sha256sum --check --strict "$TARBALL.sha256"
        tar -xzf "$TARBALL"
        install -m 755 "${TARBALL%.tar.gz}/charter" /usr/local/bin/charter

        echo "-- charter --version"
        charter --version

        echo "-- charter init playbook"
        cd /root
        charter init playbook
        cd playbook

        echo "-- charter check --strict"
        charter check --strict

        echo "-- charter build"
        charter build
        test -s _site/index.html
        echo "$(find _site -name "*.html" | wc -l) HTML pages in _site/"
    '
echo "== The tarball passed on a clean Debian 12 in $((SECONDS - started)) s"
