/**
 * Values arrive as strings from stack config and from callers in other languages. `check()` returns them as real
 * booleans and numbers (or refuses them), and everything after it (diff, create, update) uses what it returned.
 */
import assert from "node:assert/strict";
import {
  ciMediaJobProvider as ci, inventoryTriggerJobProvider as batches, iproductionJobProvider as mps,
  mediaPipelineProvider as pipelines,
} from "../../provider";

type Props = Record<string, unknown>;
const BUCKET = "examplebucket-1250000000";
const OUTPUT = { region: "ap-guangzhou", bucket: BUCKET, object: "out/${Number}.jpg" };


async function checked(provider: typeof ci, inputs: Props): Promise<Props> {
  const { inputs: out, failures } = await provider.check!({}, inputs);
  assert.deepEqual(failures ?? [], []);
  return out as Props;
}

describe("check() returns normalised inputs", () => {
  it("CiMediaJob: the waiting knobs and every typed number or boolean of the operation", async () => {
    const out = await checked(ci, {
      bucket: BUCKET, region: "ap-guangzhou", tag: "SmartCover", input: { object: "in/a.mp4" },
      skipAwait: "false", timeoutSeconds: "30",
      operation: { jobLevel: "1", output: OUTPUT,
        smartCover: { format: "jpg", width: "640", height: "360", count: "2", deleteDuplicates: "true" } },
    });
    assert.equal(out.skipAwait, false);
    assert.equal(out.timeoutSeconds, 30);
    const op = out.operation as Props;
    assert.equal(op.jobLevel, 1);
    assert.deepEqual(op.smartCover, { format: "jpg", width: 640, height: 360, count: 2, deleteDuplicates: true });
    assert.deepEqual(op.output, OUTPUT, "strings stay strings");
  });

  it("CiMediaJob: Snapshot, Transcode and Animation numbers", async () => {
    const snapshot = await checked(ci, {
      bucket: BUCKET, tag: "Snapshot", input: { object: "in/a.mp4" },
      operation: { output: OUTPUT, snapshot: { mode: "Interval", start: "1.5", timeInterval: "2", count: "3",
        width: "320", height: "180" } },
    });
    assert.deepEqual((snapshot.operation as Props).snapshot,
      { mode: "Interval", start: 1.5, timeInterval: 2, count: 3, width: 320, height: 180 });
    const transcode = await checked(ci, {
      bucket: BUCKET, tag: "Transcode", input: { object: "in/a.mp4" },
      operation: { output: OUTPUT, transcode: { container: { format: "mp4" },
        video: { codec: "H.264", width: "1280", height: "720", fps: "30", bitrate: "2000", crf: "23" },
        audio: { codec: "aac", samplerate: "44100", bitrate: "128", channels: "2" },
        timeInterval: { start: "0", duration: "10.5" } } },
    });
    assert.deepEqual((transcode.operation as Props).transcode, { container: { format: "mp4" },
      video: { codec: "H.264", width: 1280, height: 720, fps: 30, bitrate: 2000, crf: 23 },
      audio: { codec: "aac", samplerate: 44100, bitrate: 128, channels: 2 },
      timeInterval: { start: 0, duration: 10.5 } });
    const animation = await checked(ci, {
      bucket: BUCKET, tag: "Animation", input: { object: "in/a.mp4" },
      operation: { output: OUTPUT, animation: { container: { format: "gif" },
        video: { width: "320", fps: "10" }, timeInterval: { duration: "3" } } },
    });
    assert.deepEqual((animation.operation as Props).animation,
      { container: { format: "gif" }, video: { width: 320, fps: 10 }, timeInterval: { duration: 3 } });
  });

  it("CiMediaJob: numbers in list elements too (StreamExtract's streams, from YAML or stack config)", async () => {
    const out = await checked(ci, {
      bucket: BUCKET, tag: "StreamExtract", input: { object: "in/a.mp4" },
      operation: { output: { region: "ap-guangzhou", bucket: BUCKET,
        streamExtract: [{ index: "0", object: "v.h264" }, { index: "1", object: "a.aac" }] } },
    });
    assert.deepEqual(((out.operation as Props).output as Props).streamExtract,
      [{ index: 0, object: "v.h264" }, { index: 1, object: "a.aac" }]);
  });

  it("refuses a boolean or number it cannot read as one, naming the field", async () => {
    const { failures } = await ci.check!({}, { bucket: BUCKET, tag: "MediaInfo", input: { object: "a.mp4" },
      operation: {}, skipAwait: "no", timeoutSeconds: "soon" });
    assert.deepEqual(failures!.map((f) => f.property), ["timeoutSeconds", "skipAwait"]);
  });

  it("InventoryTriggerJob: knobs, jobLevel and the job parameters", async () => {
    const out = await checked(batches, {
      bucket: BUCKET, name: "nightly", input: { prefix: "in/" }, skipAwait: "true", timeoutSeconds: "60",
      operation: { tag: "SmartCover", queueId: "p0123456789abcdef0123456789abcdef", jobLevel: "2", output: OUTPUT,
        jobParam: { smartCover: { count: "4", deleteDuplicates: "false" } } },
    });
    assert.equal(out.skipAwait, true);
    assert.equal(out.timeoutSeconds, 60);
    const op = out.operation as Props;
    assert.equal(op.jobLevel, 2);
    assert.deepEqual(op.jobParam, { smartCover: { count: 4, deleteDuplicates: false } });
  });

  it("IProductionJob: knobs and the numbers of jobParams (sent to MPS as JSON, where \"5\" is not 5)", async () => {
    const oss = "oss://example-media.oss-cn-shanghai.aliyuncs.com";
    const out = await checked(mps, {
      region: "cn-shanghai", functionName: "CaptionExtraction", input: `${oss}/in.mp4`, output: `${oss}/out.srt`,
      jobParams: { fps: "5", lang: "ch" }, skipAwait: "false", timeoutSeconds: "120",
    });
    assert.equal(out.skipAwait, false);
    assert.equal(out.timeoutSeconds, 120);
    assert.deepEqual(out.jobParams, { fps: 5, lang: "ch" });
    const tts = await checked(mps, { region: "cn-shanghai", functionName: "TextToSpeech", input: `${oss}/in.txt`,
      output: `${oss}/out.mp3`, jobParams: { volume: "50", speech_rate: "-100", pitch_rate: "0" } });
    assert.deepEqual(tts.jobParams, { volume: 50, speech_rate: -100, pitch_rate: 0 });
  });

  it("MediaPipeline: speedLevel (compared with what MPS reports on refresh)", async () => {
    const out = await checked(pipelines, { cloud: "alicloud", region: "cn-shanghai", name: "p", speedLevel: "2" });
    assert.equal(out.speedLevel, 2);
    assert.equal(out.state, "Active", "defaults are still filled in");
  });

  it("leaves values unknown during preview as they are", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const out = await checked(ci, { bucket: BUCKET, tag: "MediaInfo", input: { object: "a.mp4" }, operation: {},
      skipAwait: unknown, timeoutSeconds: unknown });
    assert.equal(out.skipAwait, unknown);
    assert.equal(out.timeoutSeconds, unknown);
  });
});
