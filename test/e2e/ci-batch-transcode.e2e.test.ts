/**
 * MediaPipeline (CI queue) and InventoryTriggerJob through the real Pulumi engine against the emulator: adopt a
 * queue that notifies a local listener, run a batch transcode, pause the queue in place, submit a batch it holds,
 * then destroy: the batch is cancelled and the queue restored.
 */
import assert from "node:assert/strict";
import { useE2eStack } from "../helpers/engine";
import { startListener } from "../helpers/listener";

interface Outputs {
  queueId: string;
  queueState: string;
  queueOriginalName: string;
  batchJobId: string;
  batchState: string;
  batchProgress: string;
  transcodedByState: Record<string, number>;
  failedObjects: string[];
}

interface Step {
  op: string;
  urn: string;
}

const BUCKET = "examplebucket-1250000000";
const ops = (steps: Step[], type: string) => steps.filter((s) => s.urn.includes(type)).map((s) => s.op)
  .filter((op) => op !== "same");

describe("e2e: CI queue adoption and a batch transcode through the Pulumi engine", function () {
  this.timeout(300_000);
  let listener: Awaited<ReturnType<typeof startListener>>;
  const e2e = useE2eStack({
    name: "e2e-batch", program: "examples/ci-batch-transcode",
    emulator: { tencent: {
      timeline: { runningAfterMs: 200, finishedAfterMs: 800 },
      objects: (_b, { value }) => [`${value}intro.mp4`, `${value}keynote.mp4`, `${value}broken-fail.mp4`],
    } },
    setup: async () => {
      listener = await startListener();
      await e2e.ws.run(["config", "set", "notifyUrl", `${listener.url}/ci-events`]);
    },
    teardown: async () => { await listener?.close(); },
  });

  const queue = () => e2e.emulator.ci.queues(BUCKET).find((q) => q.Category === "Transcoding")!;

  it("adopts the queue, runs the batch over the prefix and summarizes it", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await e2e.ws.json<Outputs>(["stack", "output"]);
    assert.equal(outs.queueId, queue().QueueId);
    assert.equal(outs.queueState, "Active");
    assert.equal(outs.queueOriginalName, "queue-1");
    assert.equal(queue().Name, "pulumi-batch-transcode");
    assert.match(outs.batchJobId, /^b[0-9a-f]{32}$/);
    assert.equal(outs.batchState, "Success");
    assert.equal(outs.batchProgress, "100%");
    assert.deepEqual(outs.transcodedByState, { Success: 2, Failed: 1 });
    assert.deepEqual(outs.failedObjects, ["uploads/broken-fail.mp4: InvalidInput"]);
  });

  it("delivered the queue's notifications to the Url with the documented body", async () => {
    await e2e.emulator.ci.settleCallbacks();
    const events = listener.received.filter((r) => r.path === "/ci-events");
    assert.equal(events.length, 3, "one per child job");
    for (const e of events) {
      assert.equal(e.headers["content-type"], "application/xml");
      assert.match(e.body, /^<Response><EventName>TaskFinish<\/EventName><JobsDetail><Code>[^<]*<\/Code>/);
      assert.match(e.body, /<Tag>Transcode<\/Tag>/);
    }
    assert.ok(events.some((e) => /<State>Failed<\/State>.*<Object>uploads\/broken-fail\.mp4<\/Object>/.test(e.body)));
  });

  it("reports no changes on a second `up`", async () => {
    await e2e.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
  });

  it("pauses the queue in place and holds a new batch's jobs in Pause", async () => {
    await e2e.ws.run(["config", "set", "queueState", "Paused"]);
    await e2e.ws.run(["config", "set", "skipAwait", "true"]);
    await e2e.ws.run(["config", "set", "run", "2"]);
    const preview = await e2e.ws.json<{ steps: Step[] }>(["preview"]);
    assert.deepEqual(ops(preview.steps, "MediaPipeline"), ["update"]);
    assert.deepEqual(ops(preview.steps, "InventoryTriggerJob"), ["replace"]);
    await e2e.ws.run(["up", "--yes", "--skip-preview"]);
    const outs = await e2e.ws.json<Outputs>(["stack", "output"]);
    assert.equal(outs.queueState, "Paused");
    assert.equal(queue().State, "Paused");
    const held = e2e.emulator.ci.batches().find((b) => b.jobId === outs.batchJobId)!;
    assert.notEqual(held.state, "Success");
    assert.ok(held.children.length === 3 && held.children.every((c) => c.startAt === undefined), "children held");
  });

  it("destroys: the unfinished batch is cancelled and the queue restored to what it was", async () => {
    const { batchJobId } = await e2e.ws.json<Outputs>(["stack", "output"]);
    await e2e.ws.run(["destroy", "--yes", "--skip-preview"]);
    const cancelled = e2e.emulator.ci.batches().find((b) => b.jobId === batchJobId)!;
    assert.equal(cancelled.state, "Cancel");
    assert.ok(cancelled.children.every((c) => c.cancelledAt !== undefined));
    const q = queue();
    assert.deepEqual([q.Name, q.State, q.NotifyConfig.State, q.NotifyConfig.Url], ["queue-1", "Active", "Off", ""]);
  });
});
