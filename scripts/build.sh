#!/usr/bin/env bash
# `npm run build`: compiles everything into dist/. The Node SDK of the plugin path (sdk/nodejs) is generated code
# compiled with its own generated tsconfig, first, since the rest imports it as `pulumi-mediajobs/plugin`; its
# package.json goes beside the output, where the generated code reads its version. Then bin/pulumi-resource-mediajobs
# has its entry, dist/provider/plugin/main.js.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npx --no-install tsc -p sdk/nodejs/tsconfig.json --outDir dist/sdk/nodejs --declarationMap false >&2
cp sdk/nodejs/package.json dist/sdk/nodejs/package.json
npx --no-install tsc -p tsconfig.json >&2
