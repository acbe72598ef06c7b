/**
 * IProductionJob and MediaPipeline (MPS) through the real Pulumi engine against the emulator: preview → up →
 * up (no changes) → pause the pipeline in place → refresh after the pipeline vanished → up → destroy.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { assertNoSecrets, useE2eStack, walk } from "../helpers/engine";

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
  const e2e = useE2eStack({ name: "e2e-mps", program: "examples/mps-cartoonize",
    emulator: { alibaba: { timeline: { analysingAfterMs: 300, finishedAfterMs: 1200 } } } });

  it("previews a pipeline and two jobs without calling the cloud for anything but nothing", async () => {
    const preview = await e2e.ws.json<{ steps: Step[] }>(["preview"]);
    assert.deepEqual(ops(preview.steps, "MediaPipeline"), ["create"]);
    assert.deepEqual(ops(preview.steps, "IProductionJob"), ["create", "create"]);
    assert.equal(e2e.emulator.requests.length, 0, "preview sends nothing");
  });

  it("creates the pipeline, runs both jobs in it, and exposes typed results", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await e2e.ws.json<Outputs>(["stack", "output"]);
    assert.match(outs.pipelineId, /^[0-9a-f]{32}$/);
    assert.equal(outs.pipelineStateNow, "Active");
    assert.equal(outs.cartoonState, "Success");
    assert.equal(outs.cartoonFiles.length, 1);
    assert.match(outs.cartoonFiles[0]!, /^oss:\/\/example-media\.oss-cn-shanghai\.aliyuncs\.com\/cartoons\/team-offsite-\d+\.jpg$/);
    assert.equal(outs.coverFiles.length, 3);
    assert.equal(outs.bestCoverScore, 0.98);
    const jobs = e2e.emulator.mps.jobs();
    assert.equal(jobs.length, 2);
    assert.ok(jobs.every((j) => j.params.PipelineId === outs.pipelineId), "the jobs run in the stack's pipeline");
    assert.equal(e2e.emulator.mps.pipelines()[0]!.NotifyConfig.QueueName, "mps-cartoonize-events");
  });

  it("keeps the Alibaba credentials out of the state", async () => {
    assertNoSecrets((await e2e.ws.run(["stack", "export"])).stdout, "stack export");
    for (const file of walk(e2e.ws.backendDir)) assertNoSecrets(readFileSync(file, "utf8"), file);
    const state = JSON.parse((await e2e.ws.run(["stack", "export", "--show-secrets"])).stdout) as
      { deployment: { resources: { type: string }[] } };
    for (const r of state.deployment.resources.filter((x) => x.type.includes("mediajobs"))) {
      assertNoSecrets(JSON.stringify(r), `the state of ${r.type}`);
    }
  });

  it("reports no changes on a second `up`", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
    assert.equal(e2e.emulator.mps.submissions(), 2);
  });

  it("pauses the pipeline in place, leaving the jobs alone", async () => {
    const before = await e2e.ws.json<Outputs>(["stack", "output"]);
    await e2e.ws.run(["config", "set", "pipelineState", "Paused"]);
    const preview = await e2e.ws.json<{ steps: Step[] }>(["preview"]);
    assert.deepEqual(ops(preview.steps, "MediaPipeline"), ["update"]);
    assert.deepEqual(ops(preview.steps, "IProductionJob").filter((op) => op !== "same"), [], "jobs are unchanged");
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const after = await e2e.ws.json<Outputs>(["stack", "output"]);
    assert.equal(after.pipelineId, before.pipelineId);
    assert.equal(after.pipelineStateNow, "Paused");
    assert.equal(e2e.emulator.mps.pipelines()[0]!.State, "Paused");
    assert.equal(e2e.emulator.mps.submissions(), 2);
  });

  it("removes a pipeline that vanished on refresh; the next `up` recreates it and reruns its jobs", async () => {
    const { pipelineId } = await e2e.ws.json<Outputs>(["stack", "output"]);
    e2e.emulator.mps.deletePipeline(pipelineId);
    await e2e.ws.run(["refresh", "--yes", "--skip-preview"]);
    const state = JSON.parse((await e2e.ws.run(["stack", "export"])).stdout) as { deployment: { resources: { type: string }[] } };
    assert.equal(state.deployment.resources.filter((r) => r.type.endsWith("MediaPipeline")).length, 0);
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await e2e.ws.json<Outputs>(["stack", "output"]);
    assert.notEqual(outs.pipelineId, pipelineId);
    assert.equal(e2e.emulator.mps.pipelines().length, 1);
    assert.equal(e2e.emulator.mps.submissions(), 4, "jobs that named the old pipeline are replaced");
  });

  it("destroys: the pipeline is deleted, the jobs are forgotten", async () => {
    await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
    assert.equal(e2e.emulator.mps.pipelines().length, 0);
    assert.equal(e2e.emulator.mps.submissions(), 4);
  });
});

describe("e2e: an unknown MPS FunctionName", function () {
  this.timeout(120_000);
  const e2e = useE2eStack({ name: "e2e-fn", program: "test/e2e/programs/unknown-function" });

  it("is a warning in `preview`, not an error", async () => {
    const preview = await e2e.ws.run(["preview"]);
    assert.match(preview.stdout, /warning: functionName "VideoTimeTravel" is not among the documented MPS/);
  });
});
