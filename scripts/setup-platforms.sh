#!/usr/bin/env bash
# Installs what the linux-arm64 plugin needs to run on this x86-64 machine for test/e2e/platforms.e2e.test.ts:
# Debian's qemu-user-static (qemu-aarch64-static) and the arm64 C and C++ runtimes the arm64 Node links against
# (libc6:arm64, libstdc++6:arm64, after `dpkg --add-architecture arm64`). Does nothing when they are there.
# Needs root and apt-get (Debian/Ubuntu); elsewhere it says what is missing and fails, and the test then skips
# (or fails under CI=true).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

have() {
  command -v qemu-aarch64-static >/dev/null && [ -e /lib/ld-linux-aarch64.so.1 ] &&
    [ -e /usr/lib/aarch64-linux-gnu/libstdc++.so.6 ]
}
have && exit 0
if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
  engine_log "linux-arm64 tests need qemu-user-static, libc6:arm64 and libstdc++6:arm64 (Debian packages):"
  engine_log "run as root on Debian/Ubuntu, or install them yourself"
  exit 1
fi
started=$(date +%s)
# The arm64 packages come from the same Debian mirror as the machine's own.
dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends qemu-user-static libc6:arm64 libstdc++6:arm64 >&2
have || { engine_log "installed, but qemu-aarch64-static or the arm64 libraries are still missing"; exit 1; }
engine_log "installed qemu-user-static and the arm64 runtimes in $(( $(date +%s) - started ))s"
