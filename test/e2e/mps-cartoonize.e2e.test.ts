/**
 * IProductionJob and MediaPipeline (MPS) through the real Pulumi engine against the emulator: preview → up →
 * up (no changes) → pause the pipeline in place → refresh after the pipeline vanished → up → destroy.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator";
import { assertNoSecrets, PulumiWorkspace, REPO_ROOT, requireEngine, walk } from "../helpers/engine";

interface Outputs {
  pipelineId: string;
  pipelineStateNow: string;
  cartoonJobId: string;
  cartoonState: string;
  cartoonFiles: string[];
  coverFiles: string[];
  bestCoverScore: number;
}

interface Step {
  op: string;
  urn: string;
}

const ops = (steps: Step[], type: string) => steps.filter((s) => s.urn.includes(type)).map((s) => s.op);

describe("e2e: IProductionJob and MediaPipeline (MPS) through the Pulumi engine", function () {
  this.timeout(300_000);
  const stack = `e2e-mps-${process.pid}`;
  let emulator: Emulator;
  let ws: PulumiWorkspace;

  before(async function () {
    const enginePath = requireEngine(this);
    emulator = await startEmulator({ alibaba: { timeline: { analysingAfterMs: 300, finishedAfterMs: 1200 } } });
    ws = new PulumiWorkspace(enginePath, join(REPO_ROOT, "examples", "mps-cartoonize"));
    await ws.initStack(stack, emulator.url);
  });

  after(async () => {
    try {
      await ws?.dispose(stack);
    } finally {
      await emulator?.close();
    }
  });

  it("previews a pipeline and two jobs without calling the cloud for anything but nothing", async () => {
    const preview = await ws.json<{ steps: Step[] }>(["preview"]);
    assert.deepEqual(ops(preview.steps, "MediaPipeline"), ["create"]);
    assert.deepEqual(ops(preview.steps, "IProductionJob"), ["create", "create"]);
    assert.equal(emulator.requests.length, 0, "preview sends nothing");
  });

  it("creates the pipeline, runs both jobs in it, and exposes typed results", async () => {
    await ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await ws.json<Outputs>(["stack", "output"]);
    assert.match(outs.pipelineId, /^[0-9a-f]{32}$/);
    assert.equal(outs.pipelineStateNow, "Active");
    assert.equal(outs.cartoonState, "Success");
    assert.equal(outs.cartoonFiles.length, 1);
    assert.match(outs.cartoonFiles[0]!, /^oss:\/\/example-media\.oss-cn-shanghai\.aliyuncs\.com\/cartoons\/team-offsite-\d+\.jpg$/);
    assert.equal(outs.coverFiles.length, 3);
    assert.equal(outs.bestCoverScore, 0.98);
    const jobs = emulator.mps.jobs();
    assert.equal(jobs.length, 2);
    assert.ok(jobs.every((j) => j.params.PipelineId === outs.pipelineId), "the jobs run in the stack's pipeline");
    assert.equal(emulator.mps.pipelines()[0]!.NotifyConfig.QueueName, "mps-cartoonize-events");
  });

  it("keeps the Alibaba credentials out of the state", async () => {
    assertNoSecrets((await ws.run(["stack", "export"])).stdout, "stack export");
    for (const file of walk(ws.backendDir)) assertNoSecrets(readFileSync(file, "utf8"), file);
    const state = JSON.parse((await ws.run(["stack", "export", "--show-secrets"])).stdout) as
      { deployment: { resources: { type: string }[] } };
    for (const r of state.deployment.resources.filter((x) => x.type.includes("mediajobs"))) {
      assertNoSecrets(JSON.stringify(r), `the state of ${r.type}`);
    }
  });

  it("reports no changes on a second `up`", async () => {
    await ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
    assert.equal(emulator.mps.submissions(), 2);
  });

  it("pauses the pipeline in place, leaving the jobs alone", async () => {
    const before = await ws.json<Outputs>(["stack", "output"]);
    await ws.run(["config", "set", "pipelineState", "Paused"]);
    const preview = await ws.json<{ steps: Step[] }>(["preview"]);
    assert.deepEqual(ops(preview.steps, "MediaPipeline"), ["update"]);
    assert.deepEqual(ops(preview.steps, "IProductionJob").filter((op) => op !== "same"), [], "jobs are unchanged");
    await ws.run(["up", "--yes", "--skip-preview"]);
    const after = await ws.json<Outputs>(["stack", "output"]);
    assert.equal(after.pipelineId, before.pipelineId);
    assert.equal(after.pipelineStateNow, "Paused");
    assert.equal(emulator.mps.pipelines()[0]!.State, "Paused");
    assert.equal(emulator.mps.submissions(), 2);
  });

  it("removes a pipeline that vanished on refresh; the next `up` recreates it and reruns its jobs", async () => {
    const { pipelineId } = await ws.json<Outputs>(["stack", "output"]);
    emulator.mps.deletePipeline(pipelineId);
    await ws.run(["refresh", "--yes", "--skip-preview"]);
    const state = JSON.parse((await ws.run(["stack", "export"])).stdout) as { deployment: { resources: { type: string }[] } };
    assert.equal(state.deployment.resources.filter((r) => r.type.endsWith("MediaPipeline")).length, 0);
    await ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await ws.json<Outputs>(["stack", "output"]);
    assert.notEqual(outs.pipelineId, pipelineId);
    assert.equal(emulator.mps.pipelines().length, 1);
    assert.equal(emulator.mps.submissions(), 4, "jobs that named the old pipeline are replaced");
  });

  it("destroys: the pipeline is deleted, the jobs are forgotten", async () => {
    await ws.run(["destroy", "--yes", "--skip-preview"]);
    assert.equal(emulator.mps.pipelines().length, 0);
    assert.equal(emulator.mps.submissions(), 4);
  });
});

describe("e2e: an unknown MPS FunctionName", function () {
  this.timeout(120_000);
  const stack = `e2e-fn-${process.pid}`;
  let ws: PulumiWorkspace;

  before(async function () {
    const enginePath = requireEngine(this);
    ws = new PulumiWorkspace(enginePath, join(REPO_ROOT, "test", "e2e", "programs", "unknown-function"));
    await ws.initStack(stack, "http://127.0.0.1:9");
  });
  after(async () => { await ws?.dispose(stack); });

  it("is a warning in `preview`, not an error", async () => {
    const preview = await ws.run(["preview"]);
    assert.match(preview.stdout, /warning: functionName "VideoTimeTravel" is not among the documented MPS/);
  });
});
