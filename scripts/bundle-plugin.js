// Bundles the provider plugin into one CommonJS file for the self-contained release (scripts/package.sh):
//   node scripts/bundle-plugin.js <out.js> <version> <node major>
// The entry is the compiled provider/plugin/release-main.js; ./grpc-runtime becomes ./grpc-runtime-bundled, whose
// static imports esbuild follows (the npm package resolves them at run time instead), and the version is written in.
"use strict";
const { build } = require("esbuild");
const { resolve, dirname } = require("node:path");

const [out, version, nodeMajor] = process.argv.slice(2);
if (!out || !version || !nodeMajor) {
  console.error("usage: node scripts/bundle-plugin.js <out.js> <version> <node major>");
  process.exit(2);
}
const pluginDir = resolve(__dirname, "..", "dist", "provider", "plugin");

build({
  entryPoints: [resolve(pluginDir, "release-main.js")],
  outfile: out,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: `node${nodeMajor}`,
  define: { MEDIAJOBS_VERSION: JSON.stringify(version) },
  legalComments: "inline",
  logLevel: "warning",
  plugins: [{
    name: "bundled-grpc-runtime",
    setup(b) {
      b.onResolve({ filter: /^\.\/grpc-runtime$/ }, (args) =>
        dirname(args.importer) === pluginDir ? { path: resolve(pluginDir, "grpc-runtime-bundled.js") } : undefined);
    },
  }],
}).catch(() => process.exit(1));
