#!/usr/bin/env bash
# Prints the directory holding the dynamic-provider shim `pulumi-resource-pulumi-nodejs`. It ships inside
# @pulumi/pulumi on npm without a bin link: it is linked into this checkout's node_modules/.bin, never into the shared
# cache, so every checkout uses its own @pulumi/pulumi.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
shim_dir="$repo_root/node_modules/.bin"
shim="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[ -f "$shim" ] || { engine_log "missing $shim: run 'npm ci' first"; exit 1; }
mkdir -p "$shim_dir"
ln -sf ../@pulumi/pulumi/pulumi-resource-pulumi-nodejs "$shim_dir/pulumi-resource-pulumi-nodejs"
echo "$shim_dir"
