#!/usr/bin/env bash
# `npm run gen`: everything generated from the resources' declarations, reproducibly.
#   schema.json   the Pulumi package schema (provider/schema), what the plugin's GetSchema answers;
#   sdk/nodejs    the Node SDK of the plugin path, by Pulumi's own Node code generator (scripts/codegen), which
#                 is built beside the engine (scripts/setup-engine.sh) and cached with it.
# Tests fail when a committed copy differs from what this writes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"
bash scripts/build.sh
node dist/provider/schema/write-schema.js
codegen="$(bash scripts/setup-engine.sh --codegen)"
for language in nodejs; do
  rm -rf "sdk/$language"
  "$codegen" schema.json "$language" "sdk/$language"
  echo "wrote sdk/$language"
done
bash scripts/build.sh
