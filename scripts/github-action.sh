#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), as a script that also runs outside GitHub.
#   github-action.sh install   puts `charter` in $CHARTER_BIN_DIR (default ~/.local/bin): the
#                              released binary, checksum verified, or a build of these sources
#   github-action.sh run       runs `charter check`, `diff` or `build` with the action's inputs
# Inputs arrive as environment variables, set by action.yml from its `with:` block:
#   INPUT_COMMAND check|diff|build   INPUT_ROOT   INPUT_FORMAT   INPUT_FAIL_ON   INPUT_STRICT
#   INPUT_BASE   INPUT_OUT   INPUT_VERSION   INPUT_BUILD_FROM_SOURCE   ACTION_REPOSITORY
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

fail() { echo "::error::$1" >&2; exit 1; }

install_charter() {
    local bin_dir=${CHARTER_BIN_DIR:-$HOME/.local/bin}
    mkdir -p "$bin_dir"
    if [ "${INPUT_BUILD_FROM_SOURCE:-false}" = true ]; then
        echo "Building Charter from the action's sources in $here"
        bash "$here/scripts/install-dependencies.sh"
        swift build -c release --package-path "$here" --product charter
        install -m 755 "$here/.build/release/charter" "$bin_dir/charter"
    else
        [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] \
            || fail "Charter's released binary is for Linux x86_64; on $(uname -s) $(uname -m) set build-from-source: true"
        # The release this copy of the action belongs to, unless a version is asked for.
        local version=${INPUT_VERSION:-}
        if [ -z "$version" ]; then
            version=$(sed -n 's/^ *public static let version = "\(.*\)"$/\1/p' \
                "$here/Sources/CharterKit/Pipeline/CharterRelease.swift")
        fi
        # GitHub leaves github.action_repository empty in some composite actions; the action's
        # folder, _actions/OWNER/NAME/REF, names it too.
        local repository=${ACTION_REPOSITORY:-}
        if [ -z "$repository" ]; then
            repository=$(sed -n 's|.*/_actions/\([^/]*\)/\([^/]*\)/[^/]*$|\1/\2|p' <<<"$here")
        fi
        [ -n "$version" ] && [ -n "$repository" ] || fail "cannot tell which Charter release to download; set the version input"
        local name=charter-$version-linux-x86_64.tar.gz
        local url=${CHARTER_DOWNLOAD_URL:-https://github.com/$repository/releases/download/v$version}
        local download
        download=$(mktemp -d)
        echo "Downloading $url/$name"
        curl --fail --silent --show-error --location --retry 3 -o "$download/$name" "$url/$name"
        curl --fail --silent --show-error --location --retry 3 -o "$download/$name.sha256" "$url/$name.sha256"
        (cd "$download" && sha256sum --check --strict "$name.sha256") || fail "$name does not match its published checksum"
        tar -xzf "$download/$name" -C "$download"
        install -m 755 "$download/${name%.tar.gz}/charter" "$bin_dir/charter"
        rm -rf "$download"
    fi
    if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin_dir" >> "$GITHUB_PATH"; fi
    "$bin_dir/charter" --version
}

run_charter() {
    local root=${INPUT_ROOT:-.} format=${INPUT_FORMAT:-}
    local summary=${GITHUB_STEP_SUMMARY:-/dev/stdout}
    case "${INPUT_COMMAND:-check}" in
        check)
            local arguments=(check --root "$root" --format "${format:-github}")
            if [ "${INPUT_STRICT:-true}" = true ]; then arguments+=(--strict); fi
            charter "${arguments[@]}"
            ;;
        diff)
            local base=${INPUT_BASE:-}
            if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then base=origin/$GITHUB_BASE_REF; fi
            [ -n "$base" ] || fail "diff needs a base revision: set the base input (it defaults to the pull request's base branch)"
            local arguments=(diff "$base" --root "$root" --format "${format:-markdown}")
            if [ -n "${INPUT_FAIL_ON:-}" ]; then arguments+=(--fail-on "$INPUT_FAIL_ON"); fi
            # The report goes to the job summary even when --fail-on fails the step.
            local status=0
            charter "${arguments[@]}" >> "$summary" || status=$?
            return "$status"
            ;;
        build)
            local arguments=(build --root "$root")
            if [ -n "${INPUT_OUT:-}" ]; then arguments+=(--out "$INPUT_OUT"); fi
            charter "${arguments[@]}"
            ;;
        *)
            fail "the command input must be check, diff or build, not '${INPUT_COMMAND}'"
            ;;
    esac
}

case "${1:-}" in
    install) install_charter ;;
    run) run_charter ;;
    *) echo "usage: github-action.sh install|run" >&2; exit 64 ;;
esac
