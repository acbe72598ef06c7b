#!/usr/bin/env bash
# The whole test suite: unit, integration (providers against the emulator) and e2e (the real Pulumi engine on a
# file backend; Node, Python, Go and YAML programs; the plugin archives), then the Node runtime matrix. Installs what
# it needs: npm packages, the build, the engine and Pulumi YAML's host, each platform's Node and rcodesign for the
# archives, Node 22/24, the docs generator (all cached outside the repository), a Python environment with pulumi,
# and qemu-user-static from Debian.
# Extra arguments go to mocha (e.g. `npm test -- --grep refresh`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

# The long one-time builds of tools cached outside the repository start first, in the background, beside the
# installs and builds below (cold, on 2 cores: rcodesign ~10 min, the docs generator ~5 min; warm: nothing). Their
# output goes to a log printed only when they fail; package.sh and the docs test call the same scripts again, which
# then find the cache, or build (and fail) in the open.
prebuilds="$(mktemp -d)"
trap 'rm -rf "$prebuilds"' EXIT
for tool in build-codesign build-docsgen; do
  (bash "scripts/$tool.sh" >/dev/null 2>"$prebuilds/$tool.log" || { echo "$tool.sh failed:"; cat "$prebuilds/$tool.log"; } >&2) &
done

ensure_node_modules
build
# The example that composes @pulumi/alicloud and @pulumi/random has its own packages; it is type-checked, not
# deployed (their provider plugins cannot be downloaded here).
npm_ci_if_stale "$repo_root/examples/alicloud-oss-cartoonize"

# The e2e tests fail, never skip, under CI=true when the engine cannot be had (test/helpers/engine.ts).
if engine_path="$(bash scripts/setup-engine.sh)"; then
  export MEDIAJOBS_ENGINE_PATH="$engine_path"
else
  export MEDIAJOBS_ENGINE_ERROR="scripts/setup-engine.sh failed (see its output above)"
fi

wait   # the background builds
# The self-contained plugin, as users install it: the Python and Go tests install this tarball.
MEDIAJOBS_RELEASE_TARBALL="$(bash scripts/package.sh --built)"
export MEDIAJOBS_RELEASE_TARBALL
# qemu-user-static and the arm64 runtimes, for the linux-arm64 archive in test/e2e/platforms.e2e.test.ts (which
# fails under CI=true without them).
bash scripts/setup-platforms.sh || engine_log "scripts/setup-platforms.sh failed: the linux-arm64 e2e test cannot run"

status=0
npx --no-install mocha --reporter dist/test/reporter.js \
  "dist/test/unit/**/*.test.js" "dist/test/integration/**/*.test.js" "dist/test/e2e/**/*.test.js" "$@" || status=$?

# The Node runtime matrix (scripts/test-matrix.sh): the e2e tests of Node programs again on Node 22 and 24 with the
# newest @pulumi/pulumi, and on this Node with the oldest the peer range claims. Not when mocha was given arguments
# (a chosen subset).
if [ $# -eq 0 ]; then
  bash scripts/test-matrix.sh || status=1
fi
exit $status
