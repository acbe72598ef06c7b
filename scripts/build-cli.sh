#!/usr/bin/env bash
# Prints the directory of the Pulumi CLI the demo and the tests use. A `pulumi` already on PATH is used as is (with
# its own language host beside it). Otherwise the pinned version is built from Go modules into the cache outside the
# repository, ${MEDIAJOBS_ENGINE_CACHE:-$HOME/.cache/pulumi-mediajobs}/pulumi-<version>/bin, once (about 5 minutes on
# 2 cores); the official installer and the `pulumi` npm package download binaries, which this kind of machine cannot.
# MEDIAJOBS_FORCE_BUILD=1 builds even when a `pulumi` is on PATH.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ -z "${MEDIAJOBS_FORCE_BUILD:-}" ] && existing="$(command -v pulumi 2>/dev/null)"; then
  engine_log "using the pulumi already on PATH: $existing ($("$existing" version 2>/dev/null || echo "version unknown"))"
  dirname "$existing"
  exit 0
fi

if [ ! -x "$engine_bin/pulumi" ] || [ ! -f "$engine_src/go.mod" ]; then
  need_go
  engine_log "building Pulumi $engine_version from Go modules into $engine_dir (first run only; about 5 minutes on 2 cores)"
  started=$(date +%s)
  rm -rf "$engine_src"
  mkdir -p "$engine_bin"
  ensure_engine_module
  (cd "$engine_src" && export CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=mod" &&
    go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$engine_version" >&2 &&
    go build -trimpath -ldflags "$engine_ldflags" -o "$engine_bin/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2)
  # Renamed last, so an interrupted build is never mistaken for a cached one.
  mv "$engine_bin/pulumi.tmp" "$engine_bin/pulumi"
  engine_log "built the CLI in $(( $(date +%s) - started ))s"
fi
echo "$engine_bin"
