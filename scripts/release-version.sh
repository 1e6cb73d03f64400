#!/usr/bin/env bash
# Prints the version the committed sources declare (CharterRelease.version at HEAD). With a tag,
# fails unless the tag names that version (vX.Y.Z), as a release must: scripts/dist.sh runs it
# before it builds anything.
#
#   scripts/release-version.sh [TAG]
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:-}
version=$(git show HEAD:Sources/CharterKit/Pipeline/CharterRelease.swift \
    | sed -n 's/^ *public static let version = "\(.*\)"$/\1/p')
[ -n "$version" ] || { echo "error: no version in Sources/CharterKit/Pipeline/CharterRelease.swift" >&2; exit 1; }
if [ -n "$tag" ] && [ "$tag" != "v$version" ]; then
    echo "error: the tag $tag does not name the version the sources declare, $version (tag v$version)" >&2
    exit 1
fi
echo "$version"
