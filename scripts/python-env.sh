#!/usr/bin/env bash
# Prints the path of a Python whose virtual environment holds `pulumi` from PyPI at the engine's version and this
# checkout's generated SDK (sdk/python, `pulumi_mediajobs`), for the Python tests (test/e2e/python.e2e.test.ts).
# The environment is cached OUTSIDE the repository and reused; the SDK is reinstalled from a copy on every call, so
# it is always this checkout's and pip never builds inside sdk/python.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pulumi_version="${PINNED_PULUMI_VERSION#v}"
python="${MEDIAJOBS_PYTHON:-python3}"
command -v "$python" >/dev/null || { echo "python-env: no $python on PATH (Python 3.9 or newer is needed)" >&2; exit 1; }
venv="$cache_root/python-$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-pulumi-$pulumi_version"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pulumi" 2>/dev/null; then
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pulumi==$pulumi_version" >&2
fi
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
cp -r "$repo_root/sdk/python/." "$copy/"
"$venv/bin/pip" install --quiet --disable-pip-version-check "$copy" >&2
echo "$venv/bin/python"
