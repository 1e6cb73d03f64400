#!/usr/bin/env bash
# Fails unless BINARY needs no shared library beyond the C library's: the kernel's vDSO, the
# loader, libc and the pieces glibc ships beside it (libm, libpthread, libdl, librt, libutil).
# scripts/dist.sh runs it on the release binary; on a development build it fails (Swift's
# runtime, Foundation and cmark-gfm are shared libraries there).
set -euo pipefail
binary=${1:?usage: check-static.sh BINARY}

echo "== Shared libraries $binary needs"
ldd "$binary"
unexpected=$(ldd "$binary" | awk '{print $1}' \
    | grep -Ev '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|lib(c|m|pthread|dl|rt|util)\.so\.[0-9]+)$' || true)
if [ -n "$unexpected" ]; then
    echo "error: $binary needs shared libraries beyond the C library's:" >&2
    echo "$unexpected" >&2
    exit 1
fi
echo "Only the C library's."
