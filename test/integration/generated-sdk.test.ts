/**
 * The generated SDKs are what `npm run gen` writes from the committed schema: regenerated here with the same
 * generator (Pulumi's, built by `scripts/setup-engine.sh --codegen`) and compared file by file. Without Go the
 * generator cannot be had: the test skips, and fails under CI=true.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { REPO_ROOT, walk } from "../helpers/engine";

function codegen(ctx: Mocha.Context): string {
  try {
    return execFileSync("bash", [join(REPO_ROOT, "scripts", "setup-engine.sh"), "--codegen"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim().split("\n").pop()!;
  } catch (e) {
    const why = `mediajobs-codegen cannot be built: ${(e as { stderr?: string }).stderr ?? String(e)}`;
    if (process.env.CI === "true") throw new Error(why);
    ctx.skip();
  }
}

const filesOf = (dir: string) => new Map(walk(dir).map((f) => [relative(dir, f), readFileSync(f, "utf8")]));

describe("the generated SDKs", function () {
  this.timeout(300_000);

  for (const language of ["nodejs"]) {
    it(`sdk/${language} is what the generator writes from schema.json`, function () {
      const tool = codegen(this);
      const out = mkdtempSync(join(tmpdir(), `mediajobs-sdk-${language}-`));
      try {
        execFileSync(tool, [join(REPO_ROOT, "schema.json"), language, out]);
        const committed = filesOf(join(REPO_ROOT, "sdk", language));
        const generated = filesOf(out);
        assert.deepEqual([...committed.keys()].sort(), [...generated.keys()].sort(),
          `sdk/${language} has other files than the generator writes: run \`npm run gen\``);
        for (const [file, text] of generated) {
          assert.equal(committed.get(file), text, `sdk/${language}/${file} is stale: run \`npm run gen\``);
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});
