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

# The Go side of the engine scripts (build-cli.sh, build-language-host.sh, build-codegen.sh): where they build, into
# what module, and how one of our Go tools is built once and rebuilt only when its source changes.
engine_version="${MEDIAJOBS_PULUMI_VERSION:-$PINNED_PULUMI_VERSION}"
engine_dir="$cache_root/pulumi-$engine_version"
engine_bin="$engine_dir/bin"
engine_src="$engine_dir/src"
engine_ldflags="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$engine_version"

engine_log() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; }

need_go() {
  if ! command -v go >/dev/null; then
    engine_log "No Pulumi CLI on PATH and no Go toolchain to build one. Install either the Pulumi CLI"
    engine_log "($engine_version or newer, with pulumi-language-nodejs beside it) or Go >= 1.25 with access to a Go"
    engine_log "module proxy (e.g. the official Go tarball, or 'apt-get install golang' where it is recent enough)."
    exit 1
  fi
}

# A throwaway module that requires Pulumi's Go modules at the pinned version (`go install pkg@version` refuses
# modules with replace directives; a module of our own does not).
ensure_engine_module() {
  [ -f "$engine_src/go.mod" ] && return 0
  rm -rf "$engine_src"; mkdir -p "$engine_src"
  (cd "$engine_src" && go mod init local.invalid/pulumi-cli >&2 &&
    go get "github.com/pulumi/pulumi/pkg/v3@$engine_version" "github.com/pulumi/pulumi/sdk/v3@$engine_version" >&2)
}

# Builds one of our Go tools ($1, from the source file $2, with ldflags $3) in that module, again only when its
# source changed (its sha256 is kept beside it).
build_go_tool() {
  local name="$1" source="$2" flags="${3:-}" sum started
  sum="$(sha256sum "$source" | cut -d' ' -f1)"
  if [ -x "$engine_bin/$name" ] && [ "$(cat "$engine_bin/.$name.sha256" 2>/dev/null)" = "$sum" ]; then return 0; fi
  need_go
  mkdir -p "$engine_bin"
  ensure_engine_module
  started=$(date +%s)
  mkdir -p "$engine_src/cmd/$name"
  cp "$source" "$engine_src/cmd/$name/main.go"
  (cd "$engine_src" && CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=mod" \
    go build -trimpath -ldflags "$flags" -o "$engine_bin/$name.tmp" "./cmd/$name" >&2)
  # Renamed last, so an interrupted build is never mistaken for a cached one.
  mv "$engine_bin/$name.tmp" "$engine_bin/$name"
  echo "$sum" > "$engine_bin/.$name.sha256"
  engine_log "built $name in $(( $(date +%s) - started ))s"
}

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
# downloads). Its callers (the demo) run Node programs only: Pulumi YAML's host is not built for them.
use_engine() {
  local prefix
  prefix="$(MEDIAJOBS_SKIP_YAML_HOST="${MEDIAJOBS_SKIP_YAML_HOST:-1}" bash "$repo_root/scripts/setup-engine.sh")"
  export PATH="$prefix:$PATH"
  export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
  export PULUMI_HOME="${PULUMI_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-mediajobs/pulumi-home}"
}

# Runs an on-demand harness (the soak test, the benchmark) through the real engine: installs, builds, finds the
# engine (without Pulumi YAML's host: they run Node programs), then replaces this shell with `node <script> <args>`.
run_engine_harness() {
  cd "$repo_root"
  ensure_node_modules
  build
  MEDIAJOBS_ENGINE_PATH="$(MEDIAJOBS_SKIP_YAML_HOST="${MEDIAJOBS_SKIP_YAML_HOST:-1}" bash scripts/setup-engine.sh)"
  export MEDIAJOBS_ENGINE_PATH
  exec node "$@"
}
