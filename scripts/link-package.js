// Makes `require("pulumi-mediajobs…")` resolve to this checkout's build from programs inside the repository (the
// demo, the examples, the e2e stacks), as an installed package would for users' programs: the serialized
// provider requires "pulumi-mediajobs/provider" by name in the provider process. A stub package of forwarding
// modules, not a symlink to the repository, so that tools walking node_modules never loop.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dir = path.join(root, "node_modules", "pulumi-mediajobs");
const manifest = require(path.join(root, "package.json"));
// Subpath → module under dist/, from the package's own exports (the provider entries are what serialized providers
// require); the `./provider/*` pattern becomes one subpath per module of provider/entry.
const entries = {};
for (const [subpath, target] of Object.entries(manifest.exports)) {
  const file = typeof target === "object" ? target.default : target;
  if (!file.startsWith("./dist/")) continue;
  const module = file.slice("./dist/".length, -".js".length);
  if (!subpath.includes("*")) {
    entries[subpath] = module;
    continue;
  }
  // The compiled modules mirror their sources: the pattern's directory under the repository lists them.
  for (const name of fs.readdirSync(path.join(root, path.dirname(module))).map((f) => path.basename(f, ".ts"))) {
    entries[subpath.replace("*", name)] = module.replace("*", name);
  }
}

fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const exportsMap = {};
for (const [subpath, target] of Object.entries(entries)) {
  const file = `${target.replace(/\//g, "-")}.js`;
  fs.writeFileSync(path.join(dir, file),
    `module.exports = require(${JSON.stringify(path.join(root, "dist", `${target}.js`))});\n`);
  exportsMap[subpath] = `./${file}`;
}
fs.writeFileSync(path.join(dir, "package.json"),
  JSON.stringify({ name: manifest.name, version: manifest.version, private: true, exports: exportsMap }, null, 2) + "\n");
