import assert from "node:assert/strict";
import { Emulator, startEmulator } from "../../emulator";
import { createCiMediaJobProvider } from "../../provider";
import { ciEmulatorEnv } from "../helpers/env";
import { startListener } from "../helpers/listener";

const BUCKET = "examplebucket-1250000000";
const REGION = "ap-guangzhou";
const output = (object: string, spriteObject?: string) =>
  ({ region: REGION, bucket: BUCKET, object, ...(spriteObject ? { spriteObject } : {}) });

describe("CiMediaJob: every tag, queue types and callbacks", function () {
  this.timeout(20_000);
  let emulator: Emulator;
  let restoreEnv: () => void;
  const provider = createCiMediaJobProvider({ poll: { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 }, log: () => {} });
  const job = (tag: string, operation: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    provider.create!({ bucket: BUCKET, region: REGION, tag, input: { object: "in/talk.mp4" }, operation, ...extra });
  const sent = (id: string) => emulator.ci.jobs().find((j) => j.jobId === id)!;

  before(async () => {
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 50, finishedAfterMs: 200 } } });
    restoreEnv = ciEmulatorEnv(emulator.url);
  });
  after(async () => {
    restoreEnv();
    await emulator.close();
  });

  it("sends Snapshot parameters and returns frames and sprite sheets", async () => {
    const { id, outs } = await job("Snapshot", {
      snapshot: { mode: "Interval", start: 0, timeInterval: 2, count: 3, width: 320, snapshotOutMode: "SnapshotAndSprite",
        spriteSnapshotConfig: { cellWidth: 160, cellHeight: 90, columns: 3, lines: 1 } },
      output: output("frames/talk-${Number}.jpg", "sprites/talk-${Number}.jpg"),
    });
    assert.deepEqual(sent(id).operation.Snapshot, { Mode: "Interval", Start: "0", TimeInterval: "2", Count: "3",
      Width: "320", SnapshotOutMode: "SnapshotAndSprite",
      SpriteSnapshotConfig: { CellWidth: "160", CellHeight: "90", Columns: "3", Lines: "1" } });
    assert.deepEqual(outs.outputObjects.map((o: { object: string }) => o.object),
      ["frames/talk-0.jpg", "frames/talk-1.jpg", "frames/talk-2.jpg"]);
    assert.deepEqual(outs.spriteObjects.map((o: { object: string }) => o.object), ["sprites/talk-0.jpg"]);
  });

  it("sends Transcode and Animation parameters in CI's nesting", async () => {
    const t = await job("Transcode", { transcode: { container: { format: "mp4" },
      video: { codec: "H.264", width: 1280, height: 720, fps: 30, bitrate: 2500 },
      audio: { codec: "aac", samplerate: 44100, bitrate: 128, channels: 2 }, timeInterval: { start: 10, duration: 60 } },
    output: output("out/talk-720p.mp4") });
    assert.deepEqual(sent(t.id).operation.Transcode, { Container: { Format: "mp4" },
      Video: { Codec: "H.264", Width: "1280", Height: "720", Fps: "30", Bitrate: "2500" },
      Audio: { Codec: "aac", Samplerate: "44100", Bitrate: "128", Channels: "2" },
      TimeInterval: { Start: "10", Duration: "60" } });
    assert.deepEqual(t.outs.outputObjects.map((o: { object: string }) => o.object), ["out/talk-720p.mp4"]);
    const a = await job("Animation", { animation: { container: { format: "gif" }, video: { codec: "gif", fps: 10 } },
      output: output("gif/talk.gif") });
    assert.deepEqual(sent(a.id).operation.Animation, { Container: { Format: "gif" }, Video: { Codec: "gif", Fps: "10" } });
  });

  it("passes another tag's container through, camelCase to PascalCase", async () => {
    const { id } = await job("VoiceSeparate", { voiceSeparate: { audioMode: "IsAudio", audioConfig: { codec: "mp3" } },
      output: output("voice/${jobid}.mp3") });
    assert.deepEqual(sent(id).operation.VoiceSeparate, { AudioMode: "IsAudio", AudioConfig: { Codec: "mp3" } });
  });

  it("uses a template instead of inline parameters, and the speed queue for queueType SpeedTranscoding", async () => {
    const { id, outs } = await job("Transcode", { templateId: "t0123456789abcdef", output: output("out/t.mp4") },
      { queueType: "SpeedTranscoding" });
    assert.equal(sent(id).operation.TemplateId, "t0123456789abcdef");
    const speed = emulator.ci.queues(BUCKET).find((q) => q.Category === "SpeedTranscoding")!;
    assert.equal(outs.queueId, speed.QueueId);
  });

  it("posts the job's own XML callback to its Url with the documented body", async () => {
    const listener = await startListener();
    try {
      const { id } = await job("MediaInfo", {}, { callBack: `${listener.url}/job-done`, callBackFormat: "XML",
        callBackType: "Url" });
      await emulator.ci.settleCallbacks();
      const hit = listener.received.find((r) => r.body.includes(id))!;
      assert.ok(hit, "the callback arrived");
      assert.equal(hit.path, "/job-done");
      assert.equal(hit.headers["content-type"], "application/xml");
      assert.match(hit.body, /^<Response><EventName>TaskFinish<\/EventName><JobsDetail>.*<JobId>j[0-9a-f]{32}<\/JobId>/);
      assert.match(hit.body, /<State>Success<\/State>/);
    } finally {
      await listener.close();
    }
  });

  it("sends no callback for callBack \"no\", even when the queue notifies", async () => {
    const { id } = await job("MediaInfo", {}, { callBack: "no" });
    await emulator.ci.settleCallbacks();
    assert.equal(emulator.ci.callbacks().some((c) => c.jobId === id), false);
  });

  it("routes a TDMQ callback to the configured queue", async () => {
    const { id } = await job("MediaInfo", {}, { callBackType: "TDMQ", callBackFormat: "JSON",
      callBackMqConfig: { mqMode: "Queue", mqRegion: "gz", mqName: "ci-jobs" } });
    await emulator.ci.settleCallbacks();
    const record = emulator.ci.callbacks().find((c) => c.jobId === id)!;
    assert.deepEqual([record.type, record.target, record.format], ["TDMQ", "gz/ci-jobs", "JSON"]);
    assert.equal(JSON.parse(record.body).JobsDetail.JobId, id);
  });
});
