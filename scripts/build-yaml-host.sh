#!/usr/bin/env bash
# Provides Pulumi YAML's language host, `pulumi-language-yaml`, and prints its directory (for PATH). One on PATH is
# used as is. Otherwise it is built from its Go module at its own pinned version (with that release's own Pulumi
# module versions: forced onto our pinned sdk/v3 and pkg/v3 it does not compile) into the cache outside the
# repository, ${MEDIAJOBS_ENGINE_CACHE:-$HOME/.cache/pulumi-mediajobs}/pulumi-language-yaml-<version>/bin, once
# (about 5 minutes cold on 2 cores); a new pin builds into a new directory. MEDIAJOBS_FORCE_BUILD=1 builds even when
# one is on PATH.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The pinned pulumi-yaml release (its tag). MEDIAJOBS_YAML_VERSION overrides it.
PINNED_YAML_VERSION="v1.25.0"
yaml_version="${MEDIAJOBS_YAML_VERSION:-$PINNED_YAML_VERSION}"
yaml_bin="$cache_root/pulumi-language-yaml-$yaml_version/bin"

if [ -z "${MEDIAJOBS_FORCE_BUILD:-}" ] && existing="$(command -v pulumi-language-yaml 2>/dev/null)" &&
  [ "$existing" != "$yaml_bin/pulumi-language-yaml" ]; then
  engine_log "using the pulumi-language-yaml already on PATH: $existing"
  dirname "$existing"
  exit 0
fi

if [ ! -x "$yaml_bin/pulumi-language-yaml" ]; then
  need_go
  engine_log "building pulumi-language-yaml $yaml_version from Go modules into $yaml_bin (first run only; about 5 minutes on 2 cores)"
  started=$(date +%s)
  tmp="$yaml_bin.tmp"
  rm -rf "$tmp"; mkdir -p "$tmp"
  trap 'rm -rf "$tmp"; rmdir "$(dirname "$yaml_bin")" 2>/dev/null || true' EXIT
  # `go install pkg@version` builds in module-aware mode outside any module, with the release's own go.mod.
  (cd "$tmp" && CGO_ENABLED=0 GOBIN="$tmp" \
    go install -trimpath "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$yaml_version" >&2)
  # Moved last, so an interrupted build is never mistaken for a cached one.
  mkdir -p "$yaml_bin"
  mv "$tmp/pulumi-language-yaml" "$yaml_bin/pulumi-language-yaml"
  rm -rf "$tmp"
  engine_log "built pulumi-language-yaml in $(( $(date +%s) - started ))s"
fi
echo "$yaml_bin"
