#!/usr/bin/env bash
# Checks a tarball from scripts/release.sh the way a server without a Swift toolchain would use it:
# installs it under an empty prefix, checks with ldd that no Swift runtime or Foundation library is
# needed, and runs `--version` and `payments list --sandbox --format csv` from an empty folder with
# an empty home and a minimal environment.
set -euo pipefail
tarball=${1:?usage: scripts/check-release.sh dist/useepay-VERSION-linux-ARCH.tar.gz}
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
mkdir -p "$prefix" "$work/empty" "$work/home"
tar -xzf "$tarball" -C "$prefix"
binary="$prefix/bin/useepay"

fail() { echo "check-release: $*" >&2; exit 1; }

echo "check-release: ldd $binary"
libraries=$(ldd "$binary")
echo "$libraries" | sed 's/^/    /'
if echo "$libraries" | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' >/dev/null; then
    fail "the binary needs the Swift runtime or Foundation from the toolchain"
fi
if echo "$libraries" | grep 'not found' >/dev/null; then fail "a library is missing"; fi
echo "$libraries" | grep -E 'libncursesw\.so' >/dev/null || fail "expected ncursesw to come from the system"
echo "$libraries" | grep -E 'libsqlite3\.so' >/dev/null || fail "expected SQLite to come from the system"

for file in share/man/man1/useepay.1 share/bash-completion/completions/useepay share/zsh/site-functions/_useepay \
            share/fish/vendor_completions.d/useepay.fish; do
    [ -s "$prefix/$file" ] || fail "$file is missing or empty"
done
grep -q '^\.Dt USEEPAY 1' "$prefix/share/man/man1/useepay.1" || fail "useepay.1 has no .Dt USEEPAY 1 header"
grep -q 'payments' "$prefix/share/bash-completion/completions/useepay" || fail "bash completion does not know 'payments'"

# From an empty folder, with nothing but a home and a PATH that has no toolchain.
run() {
    (cd "$work/empty" && env -i HOME="$work/home" PATH=/usr/bin:/bin TERM=dumb \
        XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
        XDG_STATE_HOME="$work/home/.local/state" XDG_CACHE_HOME="$work/home/.cache" "$binary" "$@")
}
version=$(run --version) || fail "--version failed"
echo "check-release: useepay --version → $version"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || fail "unexpected version text: $version"

csv=$(run payments list --sandbox --format csv) || fail "payments list --sandbox --format csv failed"
header=$(echo "$csv" | head -1)
rows=$(echo "$csv" | tail -n +2 | grep -c . || true)
echo "check-release: payments list --sandbox --format csv → $rows rows; header: $header"
[[ "$header" == *id* ]] || fail "the CSV has no header"
[ "$rows" -gt 0 ] || fail "the CSV has no rows"
[ -z "$(ls -A "$work/empty")" ] || fail "the run wrote into the current folder: $(ls -A "$work/empty")"
echo "check-release: ok"
