#!/usr/bin/env bash
# Prints the path of mediajobs-docsgen (scripts/docsgen: Pulumi's docs generator, which renders the registry's API
# pages of schema.json, for `npm run docs` and test/integration/registry-docs.test.ts).
# Pulumi's pkg/codegen/docs left pulumi/pulumi after v3.143.0, so scripts/docsgen is a Go module of its own pinned to
# that version (its go.mod and go.sum), apart from the engine's module that build_go_tool uses. The binary is cached
# outside the repository and rebuilt only when the module's files change (their sha256 is kept beside it).
# Cold: about 5 minutes on 2 cores (pkg/v3 v3.143.0, pulumi-yaml and pulumi-java's codegen); warm: nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
src="$repo_root/scripts/docsgen"
pinned="$(awk '$1 == "require" && $2 == "github.com/pulumi/pulumi/pkg/v3" { print $3 }' "$src/go.mod")"
dir="$cache_root/docsgen-${pinned:?scripts/docsgen/go.mod requires no github.com/pulumi/pulumi/pkg/v3}"
bin="$dir/mediajobs-docsgen"
sum="$(cat "$src/go.mod" "$src/go.sum" "$src/main.go" | sha256sum | cut -d' ' -f1)"
if [ ! -x "$bin" ] || [ "$(cat "$dir/.mediajobs-docsgen.sha256" 2>/dev/null)" != "$sum" ]; then
  need_go
  mkdir -p "$dir"
  started=$(date +%s)
  # -mod=readonly: the committed go.sum is the whole truth; the module's own directory gets no file.
  (cd "$src" && CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=readonly" \
    go build -trimpath -o "$bin.tmp" . >&2)
  # Renamed last, so an interrupted build is never mistaken for a cached one.
  mv "$bin.tmp" "$bin"
  echo "$sum" > "$dir/.mediajobs-docsgen.sha256"
  engine_log "built mediajobs-docsgen ($pinned) in $(( $(date +%s) - started ))s"
fi
echo "$bin"
