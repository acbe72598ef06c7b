/**
 * The README's table of supported and tested versions says what the scripts pin: the Node majors of
 * scripts/node-runtime.sh, the newest @pulumi/pulumi of scripts/test-matrix.sh, the oldest of the peer range, the
 * lockfile's, and the Pulumi version of the Python and Go SDK tests (scripts/lib.sh).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..", "..");
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const match = (text: string, pattern: RegExp, what: string) => {
  const m = pattern.exec(text);
  assert.ok(m, `${what} not found`);
  return m[1]!;
};

describe("the README's tested versions", () => {
  const readme = read("README.md");
  const start = readme.indexOf("## Install, per language");
  const table = readme.slice(start, readme.indexOf("\n\n", readme.indexOf("| runtime |", start))).split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("|---"));
  const row = (runtime: RegExp) => table.find((l) => runtime.test(l.split("|")[1]!)) ?? "";
  const manifest = JSON.parse(read("package.json"));
  const pinned = match(read("scripts/lib.sh"), /^PINNED_PULUMI_VERSION="v([0-9.]+)"$/m, "PINNED_PULUMI_VERSION");
  const newest = match(read("scripts/test-matrix.sh"), /^NEWEST_PULUMI="([0-9.]+)"$/m, "NEWEST_PULUMI");
  const majors = [...match(read("scripts/node-runtime.sh"), /^declare -A PINNED=\((.*)\)$/m, "PINNED")
    .matchAll(/\[(\d+)\]=/g)].map((m) => m[1]!);

  it("names each Node major the matrix runs, with the newest @pulumi/pulumi", () => {
    assert.deepEqual(majors, ["22", "24"]);
    for (const major of majors) assert.ok(row(new RegExp(`Node ${major}\\b`)).includes(newest), `Node ${major}: ${newest}`);
  });

  it("names the lockfile's and the oldest of the peer range's @pulumi/pulumi on Node 20", () => {
    const oldest = manifest.peerDependencies["@pulumi/pulumi"].replace(/^[\^~>=]+/, "");
    const rows = table.filter((l) => /Node 20/.test(l.split("|")[1]!)).join("\n");
    assert.ok(rows.includes(manifest.devDependencies["@pulumi/pulumi"]), "the lockfile's version");
    assert.ok(rows.includes(`${oldest} (the oldest of the peer range \`${manifest.peerDependencies["@pulumi/pulumi"]}\`)`),
      "the peer range's oldest");
  });

  it("names the Pulumi version of the Python and Go tests", () => {
    assert.ok(row(/Python/).includes(`pulumi\` ${pinned}`), "Python");
    assert.ok(row(/Go/).includes(`v${pinned}`), "Go");
  });
});
