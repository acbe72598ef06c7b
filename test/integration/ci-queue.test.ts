import assert from "node:assert/strict";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { Emulator, startEmulator } from "../../emulator";
import { createCiMediaJobProvider, createMediaPipelineProvider } from "../../provider";
import { listQueues } from "../../provider/clients/tencent/queues";
import { ciClient, EMULATOR_CI_KEY } from "../helpers/clients";
import { ciEmulatorEnv } from "../helpers/env";
import { startListener } from "../helpers/listener";

const BUCKET = "examplebucket-1250000000";
const REGION = "ap-guangzhou";

describe("MediaPipeline (CI queue) provider against the emulator", function () {
  this.timeout(20_000);
  let emulator: Emulator;
  let restoreEnv: () => void;
  const logs: string[] = [];
  const provider: dynamic.ResourceProvider = createMediaPipelineProvider((l) => logs.push(l));
  const jobs = createCiMediaJobProvider({ poll: { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 }, log: () => {} });

  beforeEach(async () => {
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 100, finishedAfterMs: 300 } } });
    restoreEnv = ciEmulatorEnv(emulator.url);
  });
  afterEach(async () => {
    restoreEnv();
    await emulator.close();
  });

  const queueArgs = (extra: Record<string, unknown> = {}) => ({ cloud: "tencentcloud", bucket: BUCKET, region: REGION,
    ...extra });
  const transcodingQueue = () => emulator.ci.queues(BUCKET).find((q) => q.Category === "Transcoding")!;

  it("adopts the bucket's Transcoding queue, applies our settings and remembers the originals", async () => {
    const { id, outs } = await provider.create!(queueArgs({ name: "pulumi-managed", state: "Paused" }));
    const queue = transcodingQueue();
    assert.equal(id, queue.QueueId);
    assert.equal(outs.pipelineId, id);
    assert.deepEqual([queue.Name, queue.State], ["pulumi-managed", "Paused"]);
    assert.deepEqual(outs.original, { name: "queue-1", state: "Active", notifyConfig: { state: "Off" } });
    assert.equal(outs.category, "Transcoding");
    assert.equal(outs.maxConcurrent, 10);
    assert.ok(logs.some((l) => l.includes(`adopted CI queue "queue-1"`)));
  });

  it("holds jobs of a paused queue in Pause, and runs them once it is resumed in place", async () => {
    const { id, outs } = await provider.create!(queueArgs({ state: "Paused" }));
    const job = await jobs.create!({ bucket: BUCKET, region: REGION, tag: "MediaInfo", input: { object: "a.mp4" },
      operation: {}, queueId: id, skipAwait: true });
    await new Promise((r) => setTimeout(r, 400));
    assert.equal((await jobs.read!(job.id, job.outs)).props!.state, "Pause", "held while the queue is paused");
    const resumed = await provider.update!(id, outs, queueArgs({ state: "Active" }));
    assert.equal(resumed.outs!.state, "Active");
    const done = await jobs.update!(job.id, job.outs, { ...job.outs, skipAwait: false, timeoutSeconds: 10 });
    assert.equal(done.outs!.state, "Success");
  });

  it("cancels on delete a job held in Pause", async () => {
    const { id } = await provider.create!(queueArgs({ state: "Paused" }));
    const job = await jobs.create!({ bucket: BUCKET, region: REGION, tag: "MediaInfo", input: { object: "b.mp4" },
      operation: {}, queueId: id, skipAwait: true });
    await jobs.delete!(job.id, job.outs);
    assert.equal((await jobs.read!(job.id, job.outs)).props!.state, "Cancel");
  });

  it("restores the original name, state and notify settings on delete", async () => {
    const { id, outs } = await provider.create!(queueArgs({ name: "ours", state: "Paused",
      notifyConfig: { state: "On", type: "Url", url: "https://hooks.example.com/ci", event: "TaskFinish" } }));
    assert.equal(transcodingQueue().NotifyConfig.Url, "https://hooks.example.com/ci");
    await provider.delete!(id, outs);
    const queue = transcodingQueue();
    assert.deepEqual([queue.Name, queue.State, queue.NotifyConfig.State, queue.NotifyConfig.Url],
      ["queue-1", "Active", "Off", ""]);
  });

  it("shows drift in the settings it manages on refresh, and nothing else", async () => {
    const args = queueArgs({ name: "ours", notifyConfig: { state: "On", type: "Url", url: "https://h.example.com/x",
      event: "TaskFinish" } });
    const { id, outs } = await provider.create!(args);
    const read0 = await provider.read!(id, outs);
    assert.equal((await provider.diff!(id, read0.props!, args)).changes, false, "no drift right after adoption");
    transcodingQueue().Name = "renamed-in-console";
    transcodingQueue().NotifyConfig.ResultFormat = "JSON";
    const read = await provider.read!(id, outs);
    assert.equal(read.props!.name, "renamed-in-console");
    const diff = await provider.diff!(id, read.props!, args);
    assert.deepEqual([diff.changes, diff.replaces], [true, []], "the next up renames it back, in place");
    assert.deepEqual(read.props!.original, outs.original, "the originals survive a refresh");
  });

  it("adopts by queueId, and refuses an id that is not one of the bucket's queues", async () => {
    const speed = emulator.ci.queues(BUCKET).find((q) => q.Category === "SpeedTranscoding")!;
    const { id } = await provider.create!(queueArgs({ queueId: speed.QueueId }));
    assert.equal(id, speed.QueueId);
    await assert.rejects(provider.create!(queueArgs({ queueId: "p00000000000000000000000000000000" })),
      /queueId p0+ is not a queue of bucket examplebucket-1250000000/);
  });

  it("reads unknown queue ids from NonExistPIDs in the nested form the emulator answers (as cos-cpp-sdk-v5 shows)",
    async () => {
      const client = ciClient({ bucket: BUCKET, region: REGION, endpointOverride: emulator.url,
        credentials: () => EMULATOR_CI_KEY });
      const gone = "p0123456789abcdef0123456789abcdef";
      const raw = await client.call({ action: "DescribeMediaQueues", method: "GET", path: "/queue",
        query: { queueIds: gone }, idempotent: true });
      assert.deepEqual(raw.NonExistPIDs, [{ QueueId: gone }], "the emulator answers the nested form");
      const known = transcodingQueue().QueueId;
      const { queues, missing } = await listQueues(client, { queueIds: [gone, known] });
      assert.deepEqual(missing, [gone]);
      assert.deepEqual(queues.map((q) => q.queueId), [known]);
    });

  it("forgets on refresh, and leaves be on destroy, a queue CI reports as not existing", async () => {
    const { outs } = await provider.create!(queueArgs({ name: "ours" }));
    const gone = "p0123456789abcdef0123456789abcdef";
    const goneOuts = { ...outs, pipelineId: gone, queueId: gone };
    assert.deepEqual(await provider.read!(gone, goneOuts), { id: "", props: {} });
    logs.length = 0;
    await provider.delete!(gone, goneOuts);
    assert.ok(logs.some((l) => l.includes(`MediaPipeline ${gone}: the CI queue no longer exists; nothing to restore`)),
      logs.join("\n"));
    assert.equal(transcodingQueue().Name, "ours", "no other queue was touched");
  });

  it("replaces a queue adoption by restoring first (deleteBeforeReplace)", async () => {
    const { id, outs } = await provider.create!(queueArgs());
    const diff = await provider.diff!(id, outs, queueArgs({ category: "SpeedTranscoding" }));
    assert.deepEqual(diff.replaces, ["category"]);
    assert.equal(diff.deleteBeforeReplace, true);
  });

  it("sends a finished job's notification to the queue's Url, with the documented body", async () => {
    const listener = await startListener();
    try {
      await provider.create!(queueArgs({ notifyConfig: { state: "On", type: "Url", url: `${listener.url}/ci-events`,
        event: "TaskFinish", resultFormat: "JSON" } }));
      const job = await jobs.create!({ bucket: BUCKET, region: REGION, tag: "MediaInfo", input: { object: "c.mp4" },
        operation: {} });
      await emulator.ci.settleCallbacks();
      assert.equal(listener.received.length, 1);
      const { path, headers, body } = listener.received[0]!;
      assert.equal(path, "/ci-events");
      assert.equal(headers["content-type"], "application/json");
      const doc = JSON.parse(body);
      assert.equal(doc.EventName, "TaskFinish");
      assert.equal(doc.JobsDetail.JobId, job.id);
      assert.equal(doc.JobsDetail.State, "Success");
      assert.equal(doc.JobsDetail.Tag, "MediaInfo");
    } finally {
      await listener.close();
    }
  });
});
