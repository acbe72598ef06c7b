import assert from "node:assert/strict";
import { Emulator, startEmulator } from "../../emulator";
import { createInventoryTriggerJobProvider, createMediaPipelineProvider } from "../../provider";
import { ciEmulatorEnv } from "../helpers/env";

const BUCKET = "examplebucket-1250000000";
const REGION = "ap-guangzhou";

describe("InventoryTriggerJob provider against the emulator", function () {
  this.timeout(20_000);
  let emulator: Emulator;
  let restoreEnv: () => void;
  let queueId: string;
  const logs: string[] = [];
  const statuses: string[] = [];
  const provider = createInventoryTriggerJobProvider({ poll: { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 },
    log: (l) => logs.push(l), status: (l) => statuses.push(l) });
  const batch = (extra: Record<string, unknown> = {}, operation: Record<string, unknown> = {}) => ({
    bucket: BUCKET, region: REGION, name: "nightly", input: { prefix: "uploads/" },
    operation: { tag: "Transcode", queueId, jobParam: { transcode: { container: { format: "mp4" } } },
      output: { region: REGION, bucket: BUCKET, object: "out/${InventoryTriggerJobId}/${jobid}.mp4" }, ...operation },
    ...extra,
  });

  beforeEach(async () => {
    emulator = await startEmulator({ tencent: {
      timeline: { runningAfterMs: 50, finishedAfterMs: 200 },
      objects: (_bucket, { kind, value }) => kind === "Object" ? [value]
        : [`${value}a.mp4`, `${value}b-fail.mp4`, `${value}c.mp4`],
    } });
    restoreEnv = ciEmulatorEnv(emulator.url);
    queueId = emulator.ci.queues(BUCKET).find((q) => q.Category === "Transcoding")!.QueueId;
  });
  afterEach(async () => {
    restoreEnv();
    await emulator.close();
  });

  it("runs a batch over a prefix and summarizes its child jobs, naming the failed object", async () => {
    const { id, outs } = await provider.create!(batch());
    assert.match(id, /^b[0-9a-f]{32}$/);
    assert.equal(outs.state, "Success");
    assert.equal(outs.progress, "100%");
    assert.match(outs.times.endTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0800$/);
    assert.deepEqual(outs.childJobs.byState, { Success: 2, Failed: 1 });
    assert.equal(outs.childJobs.total, 3);
    assert.equal(outs.childJobs.truncated, false);
    assert.deepEqual(outs.childJobs.failed.map((f: { object: string; code: string }) => [f.object, f.code]),
      [["uploads/b-fail.mp4", "InvalidInput"]]);
    const children = emulator.ci.jobs().filter((j) => j.inventoryTriggerJobId === id);
    assert.deepEqual(children.map((c) => c.object).sort(), ["uploads/a.mp4", "uploads/b-fail.mp4", "uploads/c.mp4"]);
    assert.equal((children[0]!.operation.Output as Record<string, string>).Object, `out/${id}/\${jobid}.mp4`,
      "${InventoryTriggerJobId} is expanded per batch, ${jobid} per child job");
    // While it ran, its status line said how far the child jobs had got.
    assert.ok(statuses.some((l) => l.startsWith(`InventoryTriggerJob ${id} (nightly: Transcode over prefix uploads/): ` +
      "Running, ") && /\d+% of the objects processed \(\d+s\)$/.test(l)), statuses.join("\n"));
  });

  it("cancels on delete a batch that has not finished, with its children that had not started", async () => {
    const pipelines = createMediaPipelineProvider(() => {});
    const paused = await pipelines.create!({ cloud: "tencentcloud", bucket: BUCKET, region: REGION, state: "Paused" });
    const { id, outs } = await provider.create!(batch({ skipAwait: true }));
    await provider.delete!(id, outs);
    const state = emulator.ci.batches().find((b) => b.jobId === id)!;
    assert.equal(state.state, "Cancel");
    assert.ok(state.children.every((c) => c.cancelledAt !== undefined), "held children were cancelled");
    assert.ok(logs.some((l) => l.includes(`InventoryTriggerJob ${id}: cancelled`)));
    await pipelines.delete!(paused.id, paused.outs);
  });

  it("forgets a finished batch on delete", async () => {
    const { id, outs } = await provider.create!(batch({ input: { object: "uploads/one.mp4" } }));
    const puts = () => emulator.requests.filter((r) => r.method === "PUT").length;
    const before = puts();
    await provider.delete!(id, outs);
    assert.equal(puts(), before, "no cancel for a finished batch");
  });

  it("runs a Workflow batch without child jobs", async () => {
    const { outs } = await provider.create!({ bucket: BUCKET, region: REGION, name: "wf", type: "Workflow",
      input: { object: "uploads/one.mp4" }, operation: { workflowIds: ["w0123456789"] } });
    assert.equal(outs.state, "Success");
    assert.equal(outs.childJobs, undefined);
  });

  it("removes a batch CI no longer knows on refresh", async () => {
    assert.deepEqual(await provider.read!("b" + "0".repeat(32), batch()), { id: "", props: {} });
  });

  it("keeps a finished batch CI forgot while objects are under its output prefix, else removes it", async () => {
    const forgetful = await startEmulator({ jobHistorySeconds: 0.2, tencent: {
      timeline: { runningAfterMs: 20, finishedAfterMs: 80 }, objects: (_bucket, { value }) => [`${value}a.mp4`] } });
    const restore = ciEmulatorEnv(forgetful.url);
    try {
      const { id, outs } = await provider.create!(batch({}, { queueId: forgetful.ci.queues(BUCKET)
        .find((q) => q.Category === "Transcoding")!.QueueId }));
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual([forgetful.ci.batches(), forgetful.ci.jobs()], [[], []], "the emulator forgot batch and jobs");
      logs.length = 0;
      assert.deepEqual(await provider.read!(id, outs), { id: "", props: {} });
      assert.ok(logs.some((l) => l.includes(`(cos://${BUCKET}/out/${id}/*): it is removed from the stack`)),
        logs.join("\n"));
      forgetful.objects.put("cos", BUCKET, `out/${id}/j1.mp4`, Buffer.from("mp4"));
      assert.deepEqual(await provider.read!(id, outs), { id, props: outs });
      assert.ok(logs.some((l) => l.endsWith("its recorded outputs are kept (1 output location, all still there).")),
        logs.join("\n"));
    } finally {
      restore();
      await forgetful.close();
    }
  });
});
