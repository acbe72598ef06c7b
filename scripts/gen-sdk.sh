#!/usr/bin/env bash
# Writes one language's SDK from schema.json into an empty directory, exactly as it is committed under sdk/:
#   scripts/gen-sdk.sh <nodejs|python|go> <out-dir>
# The code comes from Pulumi's own generators (mediajobs-codegen, built by scripts/build-codegen.sh). The Go
# SDK is a module of its own: its go.mod requires github.com/pulumi/pulumi/sdk/v3 at the engine's version and its
# go.sum is what `go mod tidy` writes. `npm run gen` and the staleness test (test/integration/generated-sdk.test.ts)
# both run this script.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
language="$1" out="$2"
codegen="$(bash "$repo_root/scripts/build-codegen.sh")"
mkdir -p "$out"
"$codegen" "$repo_root/schema.json" "$language" "$out"
if [ "$language" = go ]; then
  module="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).language.go.importBasePath.replace(/\/[^/]+$/, ""))' "$repo_root/schema.json")"
  cat > "$out/go.mod" <<MOD
module $module

go 1.24

require github.com/pulumi/pulumi/sdk/v3 $PINNED_PULUMI_VERSION
MOD
  (cd "$out" && GOFLAGS=-mod=mod go mod tidy >&2)
fi
