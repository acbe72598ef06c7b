import assert from "node:assert/strict";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { Emulator, startEmulator } from "../../emulator";
import { createMediaPipelineProvider } from "../../provider";
import { mpsEmulatorEnv } from "../helpers/env";

describe("MediaPipeline (MPS) provider against the emulator", () => {
  let emulator: Emulator;
  let restoreEnv: () => void;
  const provider: dynamic.ResourceProvider = createMediaPipelineProvider(() => {});

  before(async () => {
    emulator = await startEmulator();
    restoreEnv = mpsEmulatorEnv(emulator.url, "cn-shanghai");
  });
  after(async () => {
    restoreEnv();
    await emulator.close();
  });

  async function create(args: Record<string, unknown>) {
    const { inputs } = await provider.check!({}, args);
    return { inputs, ...(await provider.create!(inputs!)) };
  }

  it("adds a pipeline bound to an MNS queue", async () => {
    const { id, outs } = await create({ cloud: "alicloud", name: "main", notifyConfig: { queueName: "mps-events" } });
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal(outs.pipelineId, id);
    assert.equal(outs.state, "Active");
    assert.equal(outs.speed, "Standard");
    assert.deepEqual(outs.notifyConfig, { queueName: "mps-events" });
    const p = emulator.mps.pipelines().find((x) => x.Id === id)!;
    assert.equal(p.NotifyConfig.QueueName, "mps-events");
  });

  it("creates a Paused pipeline with AddPipeline then UpdatePipeline", async () => {
    const { id, outs } = await create({ cloud: "alicloud", name: "paused-one", state: "Paused", speed: "Boost" });
    assert.equal(outs.state, "Paused");
    assert.equal(emulator.mps.pipelines().find((x) => x.Id === id)!.State, "Paused");
  });

  it("pauses and resumes in place, keeping the same pipeline", async () => {
    const { id, inputs, outs } = await create({ cloud: "alicloud", name: "toggle" });
    const paused = await provider.update!(id, outs, { ...inputs, state: "Paused", name: "toggle-renamed" });
    assert.equal(paused.outs!.state, "Paused");
    assert.equal(paused.outs!.name, "toggle-renamed");
    assert.equal(emulator.mps.pipelines().find((x) => x.Id === id)!.State, "Paused");
    const resumed = await provider.update!(id, paused.outs!, { ...inputs, state: "Active", name: "toggle-renamed" });
    assert.equal(resumed.outs!.state, "Active");
    assert.equal(emulator.mps.pipelines().filter((x) => x.Name.startsWith("toggle")).length, 1);
  });

  it("clears the notify config when it is removed", async () => {
    const { id, inputs, outs } = await create({ cloud: "alicloud", name: "notify", notifyConfig: { topic: "t1" } });
    const { notifyConfig: _, ...without } = inputs!;
    const { outs: after } = await provider.update!(id, outs, without);
    assert.equal(after!.notifyConfig, undefined);
    assert.equal(emulator.mps.pipelines().find((x) => x.Id === id)!.NotifyConfig.Topic, "");
  });

  it("shows drift on refresh, and removes a pipeline that vanished", async () => {
    const { id, inputs, outs } = await create({ cloud: "alicloud", name: "drifty" });
    emulator.mps.pipelines().find((x) => x.Id === id)!.State = "Paused";
    const read = await provider.read!(id, outs);
    assert.equal(read.props!.state, "Paused");
    const diff = await provider.diff!(id, read.props!, inputs!);
    assert.deepEqual([diff.changes, diff.replaces], [true, []], "the next up sets it Active again, in place");
    emulator.mps.deletePipeline(id);
    assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
  });

  it("deletes a pipeline, and a pipeline already gone counts as deleted", async () => {
    const { id, outs } = await create({ cloud: "alicloud", name: "short-lived" });
    await provider.delete!(id, outs);
    assert.equal(emulator.mps.pipelines().some((x) => x.Id === id), false);
    await provider.delete!(id, outs);
  });
});
