#!/usr/bin/env bash
# Provides the Pulumi engine for the demo and the e2e tests and prints, as the only line on stdout, a PATH prefix
# holding `pulumi`, `pulumi-language-nodejs` and the dynamic-provider shim `pulumi-resource-pulumi-nodejs`: the CLI
# (build-cli.sh: the one on PATH, or built from Go modules and cached), our language host beside a CLI built here
# (build-language-host.sh), and the shim from this checkout's @pulumi/pulumi (link-shim.sh).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib.sh"

cli_dir="$(bash "$here/build-cli.sh")"
if [ "$cli_dir" = "$engine_bin" ]; then bash "$here/build-language-host.sh" >/dev/null; fi
shim_dir="$(bash "$here/link-shim.sh")"
engine_log "using $("$cli_dir/pulumi" version) from $cli_dir"
echo "$cli_dir:$shim_dir"
