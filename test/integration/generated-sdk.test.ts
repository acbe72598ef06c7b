/**
 * The generated SDKs (sdk/nodejs, sdk/python, sdk/go with its go.mod and go.sum) are what `npm run gen` writes from
 * the committed schema: regenerated here by the same script (scripts/gen-sdk.sh, Pulumi's generators built by
 * `scripts/build-codegen.sh`) and compared file by file. Without Go the generator cannot be had: the test
 * skips, and fails under CI=true.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { REPO_ROOT, walk } from "../helpers/engine";

/** Runs scripts/gen-sdk.sh; without Go the generator cannot be had: the test skips, and fails under CI=true. */
function generate(ctx: Mocha.Context, language: string, out: string): void {
  try {
    execFileSync("bash", [join(REPO_ROOT, "scripts", "gen-sdk.sh"), language, out],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const why = `sdk/${language} cannot be generated: ${(e as { stderr?: string }).stderr ?? String(e)}`;
    if (process.env.CI === "true" || !/go: command not found|No Pulumi CLI on PATH and no Go/.test(why)) {
      throw new Error(why);
    }
    ctx.skip();
  }
}

/** What an install leaves in an SDK's folder (pip builds in place), which the SDK's own .gitignore ignores. */
const BUILD_OUTPUT = /(^|\/)(build|dist|__pycache__|\.mypy_cache|[^/]+\.egg-info)\/|\.pyc$/;

const filesOf = (dir: string) => new Map(walk(dir).map((f) => relative(dir, f))
  .filter((f) => !BUILD_OUTPUT.test(f)).map((f) => [f, readFileSync(join(dir, f), "utf8")]));

describe("the generated SDKs", function () {
  this.timeout(300_000);

  for (const language of ["nodejs", "python", "go"]) {
    it(`sdk/${language} is what the generator writes from schema.json`, function () {
      const out = mkdtempSync(join(tmpdir(), `mediajobs-sdk-${language}-`));
      try {
        generate(this, language, out);
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
