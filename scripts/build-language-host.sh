#!/usr/bin/env bash
# Builds our Node.js language host (scripts/engine/nodejs-language-host, see its header) beside the CLI that
# build-cli.sh built, against the same sdk/v3, and prints its directory; rebuilt alone when its source changes. The
# official host is a Go module that some module proxies do not serve. Not needed beside a `pulumi` found on PATH,
# which comes with its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_go_tool pulumi-language-nodejs "$repo_root/scripts/engine/nodejs-language-host/main.go" "$engine_ldflags"
echo "$engine_bin"
