#!/usr/bin/env bash
# Builds products in release the way useepay ships: the Swift runtime and Foundation linked in
# statically (`--static-swift-stdlib`), and the code laid out so that what the console runs shares
# pages. scripts/release.sh packs what this builds; the benchmarks in the README run what it builds.
#
#   bash scripts/release-build.sh useepay [useepay-benchmarks]     # then: $(swift build -c release --show-bin-path)
#
# The layout: every function in its own section (`-function-sections`), placed by lld in the order
# of scripts/link-order/hot-functions.txt (the functions a release console runs, first-run first;
# scripts/link-order/record.py writes it). The kernel maps code 64 KB at a time around each page
# touched, so in the default order the ~2 MB the console runs kept ~18 MB of code resident; laid out
# first-run first, a day of 1,000 payments peaks at 31–33 MB instead of 44–47 MB. Exported symbols are
# dropped as well (`--no-export-dynamic`; the toolchain's static-stdlib link exports every symbol
# of the program, ~2 MB of tables the dynamic loader reads at start, which nothing looks up).
# Without ld.lld beside swiftc the build still works, in the default layout.
#
# Build every product you need in one call, or with the same flags: SwiftPM recompiles everything
# when the flags change. JOBS=N limits build parallelism; SCRATCH=DIR builds in another folder.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: scripts/release-build.sh PRODUCT..." >&2; exit 2; }

options=(-c release --static-swift-stdlib)
if [ -n "${JOBS:-}" ]; then options+=(-j "$JOBS"); fi
if [ -n "${SCRATCH:-}" ]; then options+=(--scratch-path "$SCRATCH"); fi

toolchain=$(dirname "$(readlink -f "$(command -v swiftc)")")
if [ -x "$toolchain/ld.lld" ]; then
    options+=(-Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=lld
              -Xlinker "--symbol-ordering-file=$PWD/scripts/link-order/hot-functions.txt"
              -Xlinker --no-warn-symbol-ordering -Xlinker --no-export-dynamic)
else
    echo "release-build: no ld.lld in $toolchain; linking in the default layout (more resident memory)" >&2
fi

for product in "$@"; do
    swift build "${options[@]}" --product "$product"
done
