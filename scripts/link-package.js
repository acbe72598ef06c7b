// Makes `require("pulumi-mediajobs…")` resolve to this checkout's build from programs inside the repository (the
// demo, the examples, the e2e stacks), as an installed package would for users' programs: the serialized
// provider requires "pulumi-mediajobs/provider" by name in the provider process. A stub package of forwarding
// modules, not a symlink to the repository, so that tools walking node_modules never loop.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dir = path.join(root, "node_modules", "pulumi-mediajobs");
// Subpath → module under dist/ (the provider entries are what serialized providers require).
const entries = { ".": "sdk/index", "./provider": "provider/index", "./emulator": "emulator/index",
  "./plugin": "sdk/nodejs/index" };
// `pulumi-mediajobs/provider/*` (package.json): one per module of provider/entry.
for (const file of fs.readdirSync(path.join(root, "provider", "entry"))) {
  const name = path.basename(file, ".ts");
  entries[`./provider/${name}`] = `provider/entry/${name}`;
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
const { version } = require(path.join(root, "package.json"));
fs.writeFileSync(path.join(dir, "package.json"),
  JSON.stringify({ name: "pulumi-mediajobs", version, private: true, exports: exportsMap }, null, 2) + "\n");
