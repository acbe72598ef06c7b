#!/usr/bin/env bash
# `npm run gen`: everything generated from the resources' declarations, reproducibly.
#   schema.json   the Pulumi package schema (provider/schema), what the plugin's GetSchema answers;
#   sdk/nodejs    the Node SDK of the plugin path (`pulumi-mediajobs/plugin`),
#   sdk/python    the Python package `pulumi_mediajobs`,
#   sdk/go        the Go module (package `mediajobs`),
#                 each by Pulumi's own code generator (scripts/codegen, through scripts/gen-sdk.sh), which is built
#                 beside the engine (scripts/build-codegen.sh) and cached with it.
# Tests fail when a committed copy differs from what this writes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"
bash scripts/build.sh
node dist/provider/schema/write-schema.js
for language in nodejs python go; do
  rm -rf "sdk/$language"
  bash scripts/gen-sdk.sh "$language" "sdk/$language"
  echo "wrote sdk/$language"
done
bash scripts/build.sh
