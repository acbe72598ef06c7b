/** The benchmark's command line (bench/args.ts). */
import assert from "node:assert/strict";
import { parseBenchArgs, printedCommand } from "../../../bench/args";

describe("bench arguments", () => {
  it("defaults to one round of 200 jobs of 10 s", () => {
    const a = parseBenchArgs([]);
    assert.deepEqual([a.jobs, a.repeat, a.previews, a.jobSeconds, a.parallel, a.profile],
      [[200], 1, 1, 10, undefined, undefined]);
  });

  it("takes a list of sizes, repeats, previews per round, a profile directory and the README flag", () => {
    const a = parseBenchArgs(["--jobs", "200,500", "--repeat", "3", "--previews", "3", "--profile", "/tmp/p",
      "--update-readme"]);
    assert.deepEqual([a.jobs, a.repeat, a.previews, a.profile, a.updateReadme], [[200, 500], 3, 3, "/tmp/p", true]);
  });

  it("refuses sizes and repeats that are not positive whole numbers, saying which flag", () => {
    assert.throws(() => parseBenchArgs(["--jobs", "200,x"]), /--jobs takes positive whole numbers/);
    assert.throws(() => parseBenchArgs(["--repeat", "0"]), /--repeat takes positive whole numbers/);
    assert.throws(() => parseBenchArgs(["--previews", "1.5"]), /--previews takes positive whole numbers/);
    assert.throws(() => parseBenchArgs(["--job-seconds", "0"]), /--job-seconds takes a positive number/);
  });

  it("takes the checkpoint diagnostic, but not into the README", () => {
    assert.equal(parseBenchArgs([]).skipCheckpoints, false);
    assert.equal(parseBenchArgs(["--skip-checkpoints"]).skipCheckpoints, true);
    assert.throws(() => parseBenchArgs(["--skip-checkpoints", "--update-readme"]),
      /--skip-checkpoints is a diagnostic.*leave out --update-readme/);
  });

  it("refuses flags it does not know", () => {
    assert.throws(() => parseBenchArgs(["--jobz", "5"]), /Unknown option '--jobz'/);
  });

  it("prints the command with the profiles' directory, which is this machine's, as <dir>", () => {
    assert.equal(printedCommand(["--jobs", "200,500", "--profile", "/tmp/p", "--update-readme"]),
      "npm run bench -- --jobs 200,500 --profile <dir> --update-readme");
    assert.equal(printedCommand(["--profile=/tmp/p", "--json"]), "npm run bench -- --profile=<dir> --json");
    assert.equal(printedCommand([]), "npm run bench --");
  });
});
