#!/usr/bin/env bash
# The soak test, on demand (not part of `npm test`): see test/soak/soak.ts. Extra arguments go to it
# (e.g. `npm run soak -- --form plugin --jobs 200 --parallel 100 --seed 3`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_engine_harness dist/test/soak/soak.js "$@"
