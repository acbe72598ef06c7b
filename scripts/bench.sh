#!/usr/bin/env bash
# The benchmark, on demand (not part of `npm test`): see bench/bench.ts. Extra arguments go to it
# (e.g. `npm run bench -- --json`, `npm run bench -- --jobs 500 --job-seconds 30`, `npm run bench -- --curve`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_engine_harness dist/bench/bench.js "$@"
