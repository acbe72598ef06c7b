#!/usr/bin/env bash
# The benchmark, on demand (not part of `npm test`): see bench/bench.ts. Extra arguments go to it
# (e.g. `npm run bench -- --json`, `npm run bench -- --jobs 500 --job-seconds 30`, `npm run bench -- --curve`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"
ensure_node_modules
build
MEDIAJOBS_ENGINE_PATH="$(bash scripts/setup-engine.sh)"
export MEDIAJOBS_ENGINE_PATH
exec node dist/bench/bench.js "$@"
