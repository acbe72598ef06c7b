#!/usr/bin/env bash
# Provides the Pulumi engine for the demo and the e2e tests and prints, as the only line on stdout, a PATH prefix
# holding `pulumi`, `pulumi-language-nodejs` and the dynamic-provider shim `pulumi-resource-pulumi-nodejs`.
#
# 1. A `pulumi` already on PATH is used as is (with the language host beside it).
# 2. Otherwise the pinned version is built from Go modules into a cache OUTSIDE the repository,
#    ${MEDIAJOBS_ENGINE_CACHE:-$HOME/.cache/pulumi-mediajobs}/pulumi-<version>/, and reused on every later run.
#    The official installer and the `pulumi` npm package download binaries, which this kind of machine cannot do.
#    The language host is ours (scripts/engine/nodejs-language-host, see its header); it is rebuilt alone when its
#    source changes.
# The shim ships inside @pulumi/pulumi on npm without a bin link: it is linked into this checkout's
# node_modules/.bin, never into the shared cache, so every checkout uses its own @pulumi/pulumi.
#
# `setup-engine.sh --codegen` instead prints the path of mediajobs-codegen (scripts/codegen: Pulumi's SDK generators
# for `npm run gen`), built in the same cache against the same github.com/pulumi/pulumi/pkg/v3, and rebuilt alone
# when its source changes.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PULUMI_VERSION="${MEDIAJOBS_PULUMI_VERSION:-$PINNED_PULUMI_VERSION}"
host_src="$repo_root/scripts/engine/nodejs-language-host/main.go"
codegen_src="$repo_root/scripts/codegen/main.go"
log() { printf 'setup-engine: %s\n' "$*" >&2; }

shim_dir="$repo_root/node_modules/.bin"
shim="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[ -f "$shim" ] || { log "missing $shim: run 'npm ci' first"; exit 1; }
mkdir -p "$shim_dir"
ln -sf ../@pulumi/pulumi/pulumi-resource-pulumi-nodejs "$shim_dir/pulumi-resource-pulumi-nodejs"

dest="$cache_root/pulumi-$PULUMI_VERSION"
bin="$dest/bin"
src="$dest/src"
ldflags="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"
export CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=mod"

# A throwaway module that requires Pulumi's Go modules at the pinned version (`go install pkg@version` refuses
# modules with replace directives; a module of our own does not).
ensure_module() {
  [ -f "$src/go.mod" ] && return 0
  rm -rf "$src"; mkdir -p "$src"
  (cd "$src" && go mod init local.invalid/pulumi-cli >&2 &&
    go get "github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION" >&2)
}

need_go() {
  if ! command -v go >/dev/null; then
    log "No Pulumi CLI on PATH and no Go toolchain to build one. Install either the Pulumi CLI"
    log "($PULUMI_VERSION or newer, with pulumi-language-nodejs beside it) or Go >= 1.25 with access to a Go"
    log "module proxy (e.g. the official Go tarball, or 'apt-get install golang' where it is recent enough)."
    exit 1
  fi
}

# Builds one of our Go tools ($1, from the source file $2, with ldflags $3) in that module, again only when its
# source changed (its sha256 is kept beside it).
build_tool() {
  local name="$1" source="$2" flags="${3:-}" sum started
  sum="$(sha256sum "$source" | cut -d' ' -f1)"
  if [ -x "$bin/$name" ] && [ "$(cat "$bin/.$name.sha256" 2>/dev/null)" = "$sum" ]; then return 0; fi
  need_go
  started=$(date +%s)
  mkdir -p "$src/cmd/$name"
  cp "$source" "$src/cmd/$name/main.go"
  (cd "$src" && go build -trimpath -ldflags "$flags" -o "$bin/$name.tmp" "./cmd/$name" >&2)
  # Renamed last, so an interrupted build is never mistaken for a cached one.
  mv "$bin/$name.tmp" "$bin/$name"
  echo "$sum" > "$bin/.$name.sha256"
  log "built $name in $(( $(date +%s) - started ))s"
}

if [ "${1:-}" = "--codegen" ]; then
  need_go
  mkdir -p "$bin"
  ensure_module
  build_tool mediajobs-codegen "$codegen_src"
  echo "$bin/mediajobs-codegen"
  exit 0
fi

if [ -z "${MEDIAJOBS_FORCE_BUILD:-}" ] && existing="$(command -v pulumi 2>/dev/null)"; then
  log "using the pulumi already on PATH: $existing ($("$existing" version 2>/dev/null || echo "version unknown"))"
  echo "$(dirname "$existing"):$shim_dir"
  exit 0
fi

mkdir -p "$bin"

if [ ! -x "$bin/pulumi" ] || [ ! -f "$src/go.mod" ]; then
  need_go
  log "building Pulumi $PULUMI_VERSION from Go modules into $dest (first run only; about 5 minutes on 2 cores)"
  started=$(date +%s)
  rm -rf "$src"
  ensure_module
  cd "$src"
  go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$PULUMI_VERSION" >&2
  go build -trimpath -ldflags "$ldflags" -o "$bin/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  # Renamed last, so an interrupted build is never mistaken for a cached one.
  mv "$bin/pulumi.tmp" "$bin/pulumi"
  log "built the CLI in $(( $(date +%s) - started ))s"
fi

build_tool pulumi-language-nodejs "$host_src" "$ldflags"

log "using $("$bin/pulumi" version) from $bin"
echo "$bin:$shim_dir"
