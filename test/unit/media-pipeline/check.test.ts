import assert from "node:assert/strict";
import { checkMediaPipeline, withDefaults } from "../../../provider/media-pipeline/check";
import { createMediaPipelineProvider } from "../../../provider/providers";
import { checkHelpers } from "../../helpers/check";

const base = (): Record<string, unknown> => ({ cloud: "alicloud", region: "cn-shanghai", name: "transcode-main",
  notifyConfig: { queueName: "mps-events" } });

const { assertOne } = checkHelpers(checkMediaPipeline, base);

describe("MediaPipeline check", () => {
  it("accepts a complete MPS pipeline and fills the documented defaults", () => {
    assert.deepEqual(checkMediaPipeline(base()).failures, []);
    assert.deepEqual(withDefaults(base()), { ...base(), state: "Active", speed: "Standard" });
    assert.equal(withDefaults({ ...base(), state: "Paused" }).state, "Paused");
  });

  it("requires cloud", () => {
    assertOne((a) => { delete a.cloud; }, "cloud", /required/);
    assertOne((a) => { a.cloud = "aws"; }, "cloud", /one of alicloud, tencentcloud/);
  });

  it("keeps each cloud's fields to that cloud", () => {
    assertOne((a) => { a.bucket = "b-1250000000"; }, "bucket", /for cloud "tencentcloud"/);
    const ci = { cloud: "tencentcloud", bucket: "examplebucket-1250000000", region: "ap-guangzhou" };
    assert.deepEqual(checkMediaPipeline(ci).failures, []);
    assert.deepEqual(checkMediaPipeline({ ...ci, speed: "Boost" }).failures.map((f) => f.property), ["speed"]);
  });

  it("requires name of at most 128 bytes", () => {
    assertOne((a) => { delete a.name; }, "name", /required/);
    assertOne((a) => { a.name = "流".repeat(43); }, "name", /at most 128 bytes \(UTF-8\); got 129/);
  });

  it("checks state, speedLevel and notifyConfig", () => {
    assertOne((a) => { a.state = "Stopped"; }, "state", /Active, Paused/);
    assertOne((a) => { a.speedLevel = 4; }, "speedLevel", /1 to 3/);
    assertOne((a) => { a.notifyConfig = { topic: "t", queueName: "q" }; }, "notifyConfig", /exactly one.*both/);
    assertOne((a) => { a.notifyConfig = {}; }, "notifyConfig", /exactly one.*neither/);
  });
});

describe("MediaPipeline check for CI queues", () => {
  const ci = (): Record<string, unknown> => ({ cloud: "tencentcloud", bucket: "examplebucket-1250000000",
    region: "ap-guangzhou", name: "transcode", state: "Paused",
    notifyConfig: { state: "On", type: "Url", url: "https://hooks.example.com/ci", event: "TaskFinish", resultFormat: "JSON" } });
  const { assertOne: one } = checkHelpers(checkMediaPipeline, ci);
  const notify = (a: Record<string, unknown>) => a.notifyConfig as Record<string, unknown>;

  it("accepts an adoption by category or by queue id", () => {
    assert.deepEqual(checkMediaPipeline(ci()).failures, []);
    assert.deepEqual(checkMediaPipeline({ ...ci(), queueId: "p0123456789abcdef0123456789abcdef" }).failures, []);
  });

  it("requires the bucket as <BucketName>-<APPID>", () => {
    one((a) => { delete a.bucket; }, "bucket", /required/);
    one((a) => { a.bucket = "examplebucket"; }, "bucket", /<BucketName>-<APPID>/);
  });

  it("checks queueId, category and the notify settings", () => {
    one((a) => { a.queueId = "q1"; }, "queueId", /starts with p/);
    one((a) => { a.category = "CateAll"; }, "category", /Transcoding, SpeedTranscoding/);
    one((a) => { notify(a).type = "Kafka"; }, "notifyConfig.type", /Url, TDMQ/);
    one((a) => { notify(a).resultFormat = "YAML"; }, "notifyConfig.resultFormat", /XML, JSON/);
    one((a) => { delete notify(a).url; }, "notifyConfig.url", /required/);
    one((a) => { notify(a).url = "ftp://x"; }, "notifyConfig.url", /http\(s\) URL/);
    one((a) => { notify(a).event = "Task Finish"; }, "notifyConfig.event", /comma-separated/);
  });

  it("needs mode, region and name for TDMQ notifications", () => {
    const failures = checkMediaPipeline({ ...ci(), notifyConfig: { state: "On", type: "TDMQ", mqMode: "Queue" } }).failures;
    assert.deepEqual(failures.map((f) => f.property), ["notifyConfig.mqRegion", "notifyConfig.mqName"]);
  });
});

describe("MediaPipeline diff", () => {
  const provider = createMediaPipelineProvider(() => {});
  const olds = { ...withDefaults(base()), pipelineId: "p", speedLevel: 1, quotaAllocate: 10, __provider: "x" };

  it("updates name, state, notifyConfig and role in place", async () => {
    for (const change of [{ name: "renamed" }, { state: "Paused" }, { notifyConfig: { topic: "t" } }, { role: "r" }]) {
      const d = await provider.diff!("p", olds, { ...withDefaults(base()), ...change });
      assert.deepEqual([d.changes, d.replaces], [true, []], JSON.stringify(change));
    }
  });

  it("replaces on speed, speedLevel and region", async () => {
    for (const [key, value] of [["speed", "Boost"], ["speedLevel", 2], ["region", "cn-beijing"]] as const) {
      const d = await provider.diff!("p", olds, { ...withDefaults(base()), [key]: value });
      assert.deepEqual(d.replaces, [key]);
    }
  });

  it("sees no change when MPS reports its default speedLevel and nothing else differs", async () => {
    const d = await provider.diff!("p", olds, withDefaults(base()));
    assert.equal(d.changes, false);
  });
});
