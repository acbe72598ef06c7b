/**
 * What `npm pack` puts in the package users install: what they need (the two Node SDKs with their types, the
 * provider modules dynamic resources load by name, the plugin launcher, the emulator, README, LICENSE, CHANGELOG)
 * and nothing else (no sources but declarations, no tests, no source maps, no build tools, no release binaries).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..", "..");

describe("the npm package's contents", function () {
  this.timeout(60_000);
  let files: string[];
  before(() => {
    const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"],
      { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as [{ files: { path: string }[] }];
    files = pack.files.map((f) => f.path).sort();
  });

  it("holds what users need", () => {
    for (const file of ["package.json", "README.md", "LICENSE", "CHANGELOG.md",
      "dist/sdk/index.js", "dist/sdk/index.d.ts", "dist/sdk/nodejs/index.js", "dist/sdk/nodejs/index.d.ts",
      "dist/sdk/nodejs/package.json", "dist/provider/index.js", "dist/provider/entry/ci-media-job.js",
      "dist/provider/entry/media-pipeline.js", "dist/provider/plugin/main.js", "dist/emulator/index.js",
      "bin/pulumi-resource-mediajobs", "bin/mediajobs-emulator.js"]) {
      assert.ok(files.includes(file), `the package holds ${file}`);
    }
    // Every module package.json exports resolves to a file in the package.
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as
      { exports: Record<string, string | { default: string; types: string }> };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (subpath.includes("*")) continue;
      for (const file of typeof target === "string" ? [target] : [target.default, target.types]) {
        assert.ok(files.includes(file.replace(/^\.\//, "")), `${subpath} → ${file} is in the package`);
      }
    }
  });

  it("holds nothing else", () => {
    const unexpected = files.filter((f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f) &&
      !/^dist\/(sdk|provider|emulator)\/.+\.(js|d\.ts)$/.test(f) && f !== "dist/sdk/nodejs/package.json" &&
      !/^bin\/(pulumi-resource-mediajobs|mediajobs-emulator\.js)$/.test(f));
    assert.deepEqual(unexpected, []);
    for (const pattern of [/\.map$/, /^dist\/test\//, /release-main|grpc-runtime-bundled|write-schema/,
      /^dist\/release\//, /\.tgz$|\.tar\.gz$/]) {
      assert.deepEqual(files.filter((f) => pattern.test(f)), [], `nothing matching ${pattern}`);
    }
  });
});
