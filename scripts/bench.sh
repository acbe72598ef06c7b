#!/usr/bin/env bash
# The benchmark, on demand (not part of `npm test`): see bench/bench.ts. Extra arguments go to it
# (e.g. `npm run bench -- --jobs 200,500 --repeat 3 --json`, `npm run bench -- --profile /tmp/prof --jobs 200`,
# `npm run bench -- --curve`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_engine_harness dist/bench/bench.js "$@"
