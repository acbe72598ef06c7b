/**
 * An interrupted `pulumi up` followed by another `up`: the same jobs, none submitted twice. The engine abandons
 * in-flight creates when `up` is terminated (second Ctrl-C), so the next `up` must recognise the jobs by their
 * markers.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { PulumiWorkspace, REPO_ROOT, requireEngine } from "../helpers/engine";

describe("e2e: an interrupted `pulumi up`", function () {
  this.timeout(300_000);
  const stack = `e2e-intr-${process.pid}`;
  let emulator: Emulator;
  let ws: PulumiWorkspace;

  before(async function () {
    const enginePath = requireEngine(this);
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 300, finishedAfterMs: 20_000 } } });
    ws = new PulumiWorkspace(enginePath, join(REPO_ROOT, "test", "soak", "program"));
    await ws.initStack(stack, emulator.url);
    await ws.run(["config", "set", "jobs", "2"]);
  });
  after(async () => {
    try {
      await ws?.dispose(stack);
    } finally {
      await emulator?.close();
    }
  });

  it("is followed by an `up` that adopts the same jobs, submitting none twice", async () => {
    const up = spawn("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive", "--color", "never"],
      { cwd: ws.projectDir, env: ws.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    up.stdout.on("data", (d) => (output += d));
    up.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((r) => up.on("exit", r));
    // Interrupt once both jobs are running, like a user pressing Ctrl-C twice.
    for (let i = 0; i < 200 && emulator.ci.jobs().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(emulator.ci.jobs().length, 2, output);
    await new Promise((r) => setTimeout(r, 1000));
    up.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 1000));
    up.kill("SIGINT");
    assert.notEqual(await exited, 0, "the interrupted up fails");
    await new Promise((r) => setTimeout(r, 2500));
    const submitted = emulator.ci.jobs().map((j) => j.jobId).sort();

    await ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await ws.json<{ jobIds: string[]; states: string[] }>(["stack", "output"]);
    assert.deepEqual([...outs.jobIds].sort(), submitted, "the same jobs");
    assert.deepEqual(outs.states, ["Success", "Success"]);
    assert.equal(emulator.ci.jobs().length, 2, "nothing submitted twice");
    assert.deepEqual([...emulator.submissionsByUserData().values()], [1, 1]);
  });
});
