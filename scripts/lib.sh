# Shared by the scripts: the pinned Pulumi version, the cache outside the repository, and (for test.sh, demo.sh,
# package.sh and the rest) installing what is missing, building, and providing the engine.
# shellcheck shell=bash

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The Pulumi version everything is pinned to: the engine setup-engine.sh builds, the Go SDK's go.mod, the Python
# tests' `pulumi` from PyPI.
PINNED_PULUMI_VERSION="v3.259.0"
# Where the tools built or fetched for this repository are cached, OUTSIDE it: the engine, Node 22/24, the Python
# environment.
cache_root="${MEDIAJOBS_ENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-mediajobs}"

# npm ci in a directory when its node_modules is missing or older than its lockfile.
npm_ci_if_stale() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund >&2)
  fi
}

ensure_node_modules() {
  npm_ci_if_stale "$repo_root"
  # Programs in this repository (the demo, the examples, the e2e stacks) resolve the package by name, as users'
  # programs do: the serialized provider runs `require("pulumi-mediajobs/provider")` in the provider process.
  node "$repo_root/scripts/link-package.js"
}

build() {
  bash "$repo_root/scripts/build.sh"
}

# Puts the engine on PATH and sets the offline environment (file backend per caller, no update checks or plugin
# downloads).
use_engine() {
  local prefix
  prefix="$(bash "$repo_root/scripts/setup-engine.sh")"
  export PATH="$prefix:$PATH"
  export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
  export PULUMI_HOME="${PULUMI_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-mediajobs/pulumi-home}"
}

# Runs an on-demand harness (the soak test, the benchmark) through the real engine: installs, builds, finds the
# engine, then replaces this shell with `node <script> <args>`.
run_engine_harness() {
  cd "$repo_root"
  ensure_node_modules
  build
  MEDIAJOBS_ENGINE_PATH="$(bash scripts/setup-engine.sh)"
  export MEDIAJOBS_ENGINE_PATH
  exec node "$@"
}
