#!/usr/bin/env bash
# `npm run release`: everything to publish for one version, written into dist/release/:
#   pulumi-mediajobs-<version>.tgz                      the npm package (`npm pack`): both forms for Node, the emulator
#   pulumi_mediajobs-<version>-py3-none-any.whl          the Python SDK as a wheel (`python -m build`)
#   pulumi_mediajobs-<version>.tar.gz                    the Python SDK's source distribution
#   pulumi-resource-mediajobs-v<version>-<os>-<arch>.tar.gz   the plugin's archives (scripts/package.sh)
#   SHA256SUMS                                           `sha256sum` lines of every file above
# then prints a summary: the files, their sizes, where each is uploaded, and the Go module's tags to push.
#
#   scripts/release.sh [--built]        everything (--built: the caller has just installed and built)
#   scripts/release.sh --python DIR     only the Python wheel and sdist, into DIR (the tests use this)
#
# The Python build frontend (`build`, pinned) lives in a virtual environment cached OUTSIDE the repository; it builds
# from a copy of sdk/python, so nothing is written inside the generated SDK.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

BUILD_VERSION="1.6.1"
SETUPTOOLS_VERSION="84.2.1"
version="$(node -p 'require("./package.json").version')"
release="dist/release"
go_module="$(sed -n 's/^module //p' sdk/go/go.mod)"

log() { printf 'release: %s\n' "$*" >&2; }

# The Python that runs `python -m build`, in its cached environment.
build_python() {
  local python="${MEDIAJOBS_PYTHON:-python3}" venv
  command -v "$python" >/dev/null || { log "no $python on PATH (Python 3.9 or newer is needed)"; exit 1; }
  venv="$cache_root/python-$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-build-$BUILD_VERSION"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import build, setuptools" 2>/dev/null; then
    rm -rf "$venv"
    "$python" -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
      "build==$BUILD_VERSION" "setuptools==$SETUPTOOLS_VERSION" >&2
  fi
  echo "$venv/bin/python"
}

# The wheel and sdist of pulumi_mediajobs into $1; refuses a version other than the npm package's.
python_dists() {
  local out="$1" python copy sdk_version
  python="$(build_python)"
  sdk_version="$(sed -n 's/^ *version = "\(.*\)"/\1/p' sdk/python/pyproject.toml)"
  if [ "$sdk_version" != "$version" ]; then
    log "sdk/python/pyproject.toml has version $sdk_version, package.json $version: run npm run gen"; exit 1
  fi
  copy="$(mktemp -d)"
  cp -r sdk/python/. "$copy/"
  # pyproject.toml names README.md beside it; the generator writes it inside the package.
  [ -f "$copy/README.md" ] || cp sdk/python/pulumi_mediajobs/README.md "$copy/README.md"
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  # --no-isolation: setuptools comes from the cached environment, pinned, instead of a fresh download per build.
  (cd "$copy" && "$python" -m build --no-isolation --sdist --wheel --outdir "$out" . >&2)
  rm -rf "$copy"
  for f in "$out/pulumi_mediajobs-$version-py3-none-any.whl" "$out/pulumi_mediajobs-$version.tar.gz"; do
    [ -f "$f" ] || { log "python -m build did not write $f"; exit 1; }
  done
}

if [ "${1:-}" = "--python" ]; then
  python_dists "${2:?usage: release.sh --python DIR}"
  exit 0
fi

if [ "${1:-}" != "--built" ]; then
  ensure_node_modules
  build
fi
rm -rf "$release"
mkdir -p "$release"
# The plugin's archives (and package.sh's own SHA256SUMS, rewritten below to cover every file).
bash scripts/package.sh --built >/dev/null
npm pack --silent --pack-destination "$release" >/dev/null
python_dists "$release"

(cd "$release" && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort |
  xargs sha256sum > SHA256SUMS)

{
  echo "Release $version in $repo_root/$release:"
  (cd "$release" && find . -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort | while read -r f; do
    printf '  %-60s %10s bytes\n' "$f" "$(stat -c %s "$f")"
  done)
  echo "Publish:"
  echo "  npm:    npm publish $release/pulumi-mediajobs-$version.tgz"
  echo "  Python: twine upload $release/pulumi_mediajobs-$version-py3-none-any.whl $release/pulumi_mediajobs-$version.tar.gz"
  echo "  Plugin: the pulumi-resource-mediajobs-v$version-*.tar.gz archives and SHA256SUMS as the assets of the"
  echo "          GitHub release v$version"
  echo "  Go:     tag the release commit for the module $go_module (in sdk/go) and push both tags:"
  echo "            git tag v$version && git tag sdk/go/v$version && git push origin v$version sdk/go/v$version"
}
