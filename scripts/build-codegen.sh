#!/usr/bin/env bash
# Prints the path of mediajobs-codegen (scripts/codegen: Pulumi's SDK generators, for `npm run gen` and the
# generated-SDK test), built in the engine's cache against the same github.com/pulumi/pulumi/pkg/v3, and rebuilt
# alone when its source changes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_go
build_go_tool mediajobs-codegen "$repo_root/scripts/codegen/main.go"
echo "$engine_bin/mediajobs-codegen"
