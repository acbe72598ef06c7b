#!/usr/bin/env bash
# Prints the path of `rcodesign` (the crate apple-codesign, pinned), which gives the darwin plugin executables their
# ad-hoc code signature on Linux (scripts/package.sh). Built once with cargo into the cache OUTSIDE the repository
# and reused:
#   ${MEDIAJOBS_ENGINE_CACHE:-$HOME/.cache/pulumi-mediajobs}/rcodesign-<version>/bin/rcodesign
# Without its default feature `notarize` (Apple's notary service, through the AWS SDK), which ad-hoc signing does not
# use: 305 crates to build instead of 366. A cold build took 14 min of CPU (37 min on 2 cores shared with other work).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
version="0.29.0"
root="$cache_root/rcodesign-$version"
bin="$root/bin/rcodesign"
if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -qF "$version"; then echo "$bin"; exit 0; fi
if ! command -v cargo >/dev/null; then
  engine_log "rcodesign is not cached and there is no cargo to build it: install a Rust toolchain (rustup or"
  engine_log "'apt-get install cargo' where it is recent enough), or put rcodesign $version at $bin."
  exit 1
fi
started=$(date +%s)
rm -rf "$root.tmp"
cargo install apple-codesign --version "$version" --locked --no-default-features --root "$root.tmp" >&2
# Renamed last, so an interrupted build is never mistaken for a cached one.
rm -rf "$root"; mv "$root.tmp" "$root"
engine_log "built rcodesign $version in $(( $(date +%s) - started ))s"
echo "$bin"
