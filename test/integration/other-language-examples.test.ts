/**
 * The Python and Go examples (examples/python-smart-cover, examples/go-smart-cover) are ordinary Pulumi projects a
 * user runs with a normal Pulumi CLI. Here: the Go one builds against the generated module with its committed
 * go.sum, and the Python one runs under Pulumi's mocks with the generated package, declaring the resources with the
 * schema's camelCase names at every depth.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/engine";
import { pythonEnv } from "../helpers/release";

describe("the Python and Go examples", function () {
  this.timeout(600_000);

  it("examples/go-smart-cover builds against sdk/go", () => {
    const out = mkdtempSync(join(tmpdir(), "mediajobs-go-example-"));
    try {
      execFileSync("go", ["build", "-mod=readonly", "-o", join(out, "program"), "."],
        { cwd: join(REPO_ROOT, "examples", "go-smart-cover"), env: { ...process.env, CGO_ENABLED: "0" },
          stdio: ["ignore", "pipe", "pipe"] });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("examples/python-smart-cover declares its resources through pulumi_mediajobs", () => {
    const declared = execFileSync(pythonEnv(), [join(REPO_ROOT, "test", "integration", "programs", "run_with_mocks.py"),
      join(REPO_ROOT, "examples", "python-smart-cover"), "python-smart-cover", "bucket=examplebucket-1250000000"],
    { encoding: "utf8" }).trim().split("\n");
    assert.deepEqual(declared, [
      "mediajobs:index:CiMediaJob covers bucket,input,input.object,operation,operation.output," +
        "operation.output.bucket,operation.output.object,operation.smartCover,operation.smartCover.count," +
        "operation.smartCover.format,operation.smartCover.height,operation.smartCover.width,tag",
      "mediajobs:index:CiMediaJob info bucket,input,input.object,operation,tag",
      "mediajobs:index:MediaPipeline queue bucket,cloud,name",
    ]);
  });
});
