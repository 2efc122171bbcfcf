#!/usr/bin/env bash
# Builds useepay for a Linux server that has no Swift toolchain: the Swift runtime and Foundation are
# linked in statically (`--static-swift-stdlib`), so the binary needs only libc, ncursesw and SQLite
# from the distribution. Packs it with its man page (swift-argument-parser's generate-manual plugin)
# and bash/zsh/fish completions, laid out under an install prefix:
#
#   dist/useepay-VERSION-linux-ARCH.tar.gz
#     bin/useepay
#     share/man/man1/useepay.1
#     share/bash-completion/completions/useepay
#     share/zsh/site-functions/_useepay
#     share/fish/vendor_completions.d/useepay.fish
#
# Install on the server: sudo tar -xzf useepay-*.tar.gz -C /usr/local
set -euo pipefail
cd "$(dirname "$0")/.."

# JOBS=N limits build parallelism; SCRATCH=DIR builds in another folder than .build.
swiftpm=()
if [ -n "${JOBS:-}" ]; then swiftpm+=(-j "$JOBS"); fi
if [ -n "${SCRATCH:-}" ]; then swiftpm+=(--scratch-path "$SCRATCH"); fi
scratch=${SCRATCH:-.build}

# 1. The self-contained binary (scripts/release-build.sh: static runtime, code laid out hot first).
echo "release: building the static binary"
bash scripts/release-build.sh useepay
bin_dir=$(swift build -c release --show-bin-path "${swiftpm[@]}")

version=$("$bin_dir/useepay" --version)
arch=$(uname -m)
name="useepay-$version-linux-$arch"
stage="dist/$name"
rm -rf "$stage" "$stage.tar.gz"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
cp "$bin_dir/useepay" "$stage/bin/useepay"
strip "$stage/bin/useepay"

# 2. The man page, by swift-argument-parser's generate-manual tool. Its plugin would first rebuild
#    every product in its own build configuration (seen: a second full release compile after step 1),
#    so the plugin is asked only to build its tool (`--help` stops before the package build), and the
#    tool then reads the help of the binary that ships.
echo "release: generating the man page"
swift package "${swiftpm[@]}" plugin generate-manual --help >/dev/null
tool=$(find "$scratch" -name generate-manual-tool -type f -perm -u+x -print -quit)
[ -n "$tool" ] || { echo "release: the generate-manual plugin built no tool" >&2; exit 1; }
manual_dir=$(mktemp -d)
"$tool" "$stage/bin/useepay" --output-directory "$manual_dir"
[ -s "$manual_dir/useepay.1" ] || { echo "release: generate-manual wrote no useepay.1" >&2; exit 1; }
cp "$manual_dir/useepay.1" "$stage/share/man/man1/useepay.1"
rm -rf "$manual_dir"

# 3. Completions, from the shipped binary itself.
"$stage/bin/useepay" --generate-completion-script bash > "$stage/share/bash-completion/completions/useepay"
"$stage/bin/useepay" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_useepay"
"$stage/bin/useepay" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/useepay.fish"

tar -C "$stage" -czf "$stage.tar.gz" bin share
echo "release: $stage.tar.gz ($(du -h "$stage/bin/useepay" | cut -f1) binary)"
