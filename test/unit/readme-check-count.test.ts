import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The README's table of `check()` rules: its per-resource sums are the counts its summary sentence states. */
describe("README: the count of checks", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Constraints checked by `check()`"));
  const sums = new Map<string, number>();
  let resource = "";
  for (const line of section.split("\n")) {
    const m = /^\|\s*([A-Za-z]*)\s*\|.*\| (\d+) \|$/.exec(line);
    if (!m) continue;
    resource = m[1] || resource;
    sums.set(resource, (sums.get(resource) ?? 0) + Number(m[2]));
  }

  it("states each resource's sum and the total", () => {
    const stated = /\*\*(\d+) checks\*\* in all: ([^(]*)\(/.exec(section.replace(/\n/g, " "));
    assert.ok(stated, "the summary sentence");
    const per = new Map([...stated[2]!.matchAll(/([A-Za-z]+) (\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
    assert.deepEqual(per, sums);
    assert.equal(Number(stated[1]), [...sums.values()].reduce((a, b) => a + b, 0));
  });
});
