#!/usr/bin/env bash
# Builds the self-contained Linux binary and its release tarball:
#   dist/charter-VERSION-linux-x86_64.tar.gz  (charter, LICENSE, README.md)
#   dist/charter-VERSION-linux-x86_64.tar.gz.sha256
# The Swift runtime and cmark-gfm are linked statically; the script fails when `ldd` shows any
# shared library beyond the C library's. It builds the committed HEAD (not the working tree),
# from a copy in .build-dist/, so that the commit `charter --version` names is the one built.
# With --tag vX.Y.Z (the release workflow passes the pushed tag), it fails unless the tag
# names the version the sources declare.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$PWD
tag=""
case "${1:-}" in
    "") ;;
    --tag) tag=${2:?--tag needs a tag, such as v0.1.0} ;;
    *) echo "usage: dist.sh [--tag vX.Y.Z]" >&2; exit 64 ;;
esac

arch=$(uname -m)
if [ "$(uname -s)" != Linux ] || [ "$arch" != x86_64 ]; then
    echo "error: dist.sh builds the linux-x86_64 binary and must run on it (this is $(uname -s) $arch)" >&2
    exit 1
fi
bash scripts/install-dependencies.sh
commit=$(git rev-parse HEAD)
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "note: the working tree has uncommitted changes; dist.sh builds the commit ${commit:0:12} without them"
fi

version=$(bash scripts/release-version.sh "$tag")

# A copy of the commit, with the commit's hash written into the one file that holds it.
work=$repository/.build-dist
rm -rf "$work/source"
mkdir -p "$work/source"
git archive --format=tar HEAD | tar -x -C "$work/source"
# The dependency versions the development build resolved, when there is one (not in git).
if [ -f Package.resolved ]; then cp Package.resolved "$work/source/Package.resolved"; fi
cat > "$work/source/Sources/CharterKit/Pipeline/CharterBuildCommit.swift" <<EOF
// Written by scripts/dist.sh for the release build of this commit.
extension CharterRelease {
    static let buildCommit: String? = "${commit:0:12}"
}
EOF

# Static archives alone in a folder the linker searches before the system's, so that
# `-lcmark-gfm`, `-lcmark-gfm-extensions` (the modulemap's) and `-lstdc++` (the Swift
# runtime's) find them instead of the shared libraries. The development build is untouched.
libdir=$(pkg-config --variable=libdir libcmark-gfm)
libstdcxx=$(find /usr/lib/gcc/x86_64-linux-gnu -name libstdc++.a 2>/dev/null | sort -V | tail -n 1)
rm -rf "$work/static-libs"
mkdir -p "$work/static-libs"
for archive in "$libdir/libcmark-gfm.a" "$libdir/libcmark-gfm-extensions.a" "$libstdcxx"; do
    if [ ! -f "$archive" ]; then
        echo "error: ${archive:-libstdc++.a} is missing (Debian's libcmark-gfm-dev, libcmark-gfm-extensions-dev and libstdc++-12-dev ship the archives)" >&2
        exit 1
    fi
    ln -s "$archive" "$work/static-libs/$(basename "$archive")"
done

# SwiftPM puts the system-library target's pkg-config `-L` first on the link line, so the
# package's pkg-config file is replaced, for this build only, by one naming the same folder.
mkdir -p "$work/pkgconfig"
cat > "$work/pkgconfig/libcmark-gfm.pc" <<EOF
Name: libcmark-gfm
Description: cmark-gfm's static archives, for scripts/dist.sh
Version: $(pkg-config --modversion libcmark-gfm)
Libs: -L$work/static-libs -lcmark-gfm -lcmark-gfm-extensions
Cflags: -I$(pkg-config --variable=includedir libcmark-gfm)
EOF

echo "== Building charter ${commit:0:12} in release mode, statically linked"
PKG_CONFIG_PATH=$work/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH} swift build --package-path "$work/source" --scratch-path "$work/build" \
    -c release --product charter \
    --static-swift-stdlib \
    -Xlinker -L"$work/static-libs" \
    -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
binary=$work/build/release/charter

bash scripts/check-static.sh "$binary"

# The binary must run and name the commit it was built from.
version_line=$("$binary" --version)
echo "$version_line"
case "$version_line" in
    "charter $version (commit ${commit:0:12}, cmark-gfm "*) ;;
    *) echo "error: --version does not name the version and commit ${commit:0:12}: $version_line" >&2; exit 1 ;;
esac

# The tarball: one folder, same bytes for the same commit (sorted names, the commit's time,
# no owner names, gzip without a timestamp).
name=charter-$version-linux-$arch
stage=$work/stage/$name
rm -rf "$work/stage"
mkdir -p "$stage" dist
strip -o "$stage/charter" "$binary"
chmod 755 "$stage/charter"
cp LICENSE "$stage/LICENSE"
cat > "$stage/README.md" <<EOF
# Charter $version for Linux x86_64

Built from commit $commit. A single self-contained binary: the Swift runtime and cmark-gfm
are linked in, and it needs only the C library (glibc 2.36 or later, as in Debian 12 and
Ubuntu 24.04).

Install it somewhere on your PATH:

    install -m 755 charter /usr/local/bin/charter
    charter --version

Start a playbook with \`charter init playbook\`, then \`charter check --root playbook\`
and \`charter build --root playbook\`. The documentation is at
https://github.com/charter-playbooks/charter (docs/commands.md lists every command).
EOF
epoch=$(git log -1 --format=%ct "$commit")
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
    -C "$work/stage" -cf - "$name" | gzip -9 -n > "dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "== Wrote dist/$name.tar.gz ($(stat -c %s "dist/$name.tar.gz") bytes; the binary is $(stat -c %s "$stage/charter") bytes)"
cat "dist/$name.tar.gz.sha256"
