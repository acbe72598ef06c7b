/**
 * Upgrading the package under an existing stack: a stack recorded by an earlier version (test/fixtures/upgrade, every
 * resource in both forms) previews with no changes with the current code. Preview calls only check and diff (and the
 * plugin's config calls), which never reach the cloud: no emulator runs here.
 */
import assert from "node:assert/strict";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PulumiWorkspace, REPO_ROOT, requireEngine, withPlugin } from "../helpers/engine";

const FIXTURE = join(REPO_ROOT, "test", "fixtures", "upgrade");
const PROGRAM = join(REPO_ROOT, "test", "e2e", "programs", "upgrade");
/** The stack's name is in every URN of the recorded state. */
const STACK = "upgrade";
const STACK_CONFIG = join(PROGRAM, `Pulumi.${STACK}.yaml`);

describe("e2e: a stack recorded by an earlier version", function () {
  this.timeout(300_000);
  let ws: PulumiWorkspace;

  before(function () {
    ws = new PulumiWorkspace(withPlugin(requireEngine(this)), PROGRAM, { PULUMI_CONFIG_PASSPHRASE: "upgrade-fixture" });
    // The file backend's own directory, which the fixture keeps under another name (a `.pulumi/` in the repository
    // would look like a stack's state left behind).
    cpSync(join(FIXTURE, "state"), join(ws.backendDir, ".pulumi"), { recursive: true });
    cpSync(join(FIXTURE, "stack-config.yaml"), STACK_CONFIG);
  });
  after(async () => {
    try {
      await ws?.dispose(STACK);
    } finally {
      rmSync(STACK_CONFIG, { force: true });
    }
  });

  it("previews with no changes, in both forms", async () => {
    await ws.run(["stack", "select", STACK]);
    const { steps, changeSummary } = await ws.json<{ steps: { op: string; urn: string }[];
      changeSummary: Record<string, number> }>(["preview"]);
    assert.deepEqual(steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`), []);
    // The stack, and in each form two pipelines, three CI jobs (one under a component, with a list element's number
    // recorded as a string), a batch, an MPS job and the component: all the same.
    assert.deepEqual(changeSummary, { same: 17 });
    await ws.run(["preview", "--expect-no-changes"]);
  });
});
