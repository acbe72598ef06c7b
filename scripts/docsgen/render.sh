#!/usr/bin/env bash
# `npm run docs`: renders the Pulumi Registry's API pages of schema.json with Pulumi's own docs generator into
# dist/docs (not committed): _index.md (the package), provider/_index.md and <resource>/_index.md, each resource page
# with its examples in TypeScript, Python, Go and YAML. The registry's own pages are docs/_index.md and
# docs/installation-configuration.md.
#   scripts/docsgen/render.sh [<out-dir>]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
out="${1:-$repo_root/dist/docs}"
docsgen="$(bash "$repo_root/scripts/build-docsgen.sh")"
rm -rf "$out"
mkdir -p "$out"
"$docsgen" "$repo_root/schema.json" "$out"
