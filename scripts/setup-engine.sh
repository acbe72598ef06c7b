#!/usr/bin/env bash
# Provides the Pulumi engine for the demo and the e2e tests and prints, as the only line on stdout, a PATH prefix
# holding `pulumi`, `pulumi-language-nodejs`, `pulumi-language-yaml` and the dynamic-provider shim
# `pulumi-resource-pulumi-nodejs`: the CLI (build-cli.sh: the one on PATH, or built from Go modules and cached), our
# language host beside a CLI built here (build-language-host.sh), the shim from this checkout's @pulumi/pulumi
# (link-shim.sh), and Pulumi YAML's host beside a CLI built here (build-yaml-host.sh).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib.sh"

cli_dir="$(bash "$here/build-cli.sh")"
if [ "$cli_dir" = "$engine_bin" ]; then bash "$here/build-language-host.sh" >/dev/null; fi
shim_dir="$(bash "$here/link-shim.sh")"
# Pulumi YAML's host beside a CLI built here (a CLI found on PATH comes with its own): build-yaml-host.sh, cached
# like the CLI. Without it only YAML programs cannot run, so a failed build is a warning (the YAML tests then fail
# under CI=true); MEDIAJOBS_SKIP_YAML_HOST=1 does not build it.
yaml_dir=""
if [ "$cli_dir" = "$engine_bin" ] && [ -z "${MEDIAJOBS_SKIP_YAML_HOST:-}" ]; then
  yaml_dir="$(bash "$here/build-yaml-host.sh")" ||
    { engine_log "warning: no pulumi-language-yaml (scripts/build-yaml-host.sh failed): YAML programs cannot run"; yaml_dir=""; }
fi
engine_log "using $("$cli_dir/pulumi" version) from $cli_dir"
echo "$cli_dir:$shim_dir${yaml_dir:+:$yaml_dir}"
