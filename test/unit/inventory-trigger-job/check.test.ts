import assert from "node:assert/strict";
import { checkInventoryTriggerJob } from "../../../provider/inventory-trigger-job/check";
import { toBatchRequest } from "../../../provider/inventory-trigger-job/wire";
import { InventoryTriggerJobInputs } from "../../../provider/inventory-trigger-job/shape";
import { UNKNOWN } from "../../../provider/check/checker";
import { checkHelpers } from "../../helpers/check";

const BUCKET = "examplebucket-1250000000";
const base = (): Record<string, unknown> => ({
  bucket: BUCKET, region: "ap-guangzhou", name: "nightly-720p", input: { prefix: "uploads/" },
  operation: {
    timeInterval: { start: "2024-01-01T00:00:00+0800", end: "2024-01-31T23:59:59+0800" },
    tag: "Transcode", queueId: "p0123456789abcdef0123456789abcdef",
    jobParam: { transcode: { container: { format: "mp4" } } },
    output: { region: "ap-guangzhou", bucket: BUCKET, object: "transcoded/${InventoryTriggerJobId}/out.mp4" },
  },
});
const { failures, assertOne } = checkHelpers(checkInventoryTriggerJob, base);
const op = (a: Record<string, unknown>) => a.operation as Record<string, unknown>;

describe("InventoryTriggerJob check", () => {
  it("accepts a complete batch transcode over a prefix", () => {
    assert.deepEqual(checkInventoryTriggerJob(base()).failures, []);
  });

  it("limits name to 128 letters, digits, - and _", () => {
    assertOne((a) => { delete a.name; }, "name", /required/);
    assertOne((a) => { a.name = "nightly 720p"; }, "name", /letters, digits, - and _/);
    assertOne((a) => { a.name = "x".repeat(129); }, "name", /at most 128/);
  });

  it("takes exactly one input kind", () => {
    assertOne((a) => { a.input = {}; }, "input", /exactly one of manifest, urlFile, prefix, object; got none/);
    assertOne((a) => { a.input = { prefix: "a/", object: "b.mp4" }; }, "input", /got prefix and object/);
    assert.deepEqual(failures((a) => { a.input = { manifest: "inventory/manifest.json" }; }), []);
    assert.deepEqual(failures((a) => { a.input = { prefix: UNKNOWN }; }), []);
  });

  it("checks the TimeInterval format and order", () => {
    assertOne((a) => { (op(a).timeInterval as Record<string, string>).start = "2024-01-01 00:00:00"; },
      "operation.timeInterval.start", /%Y-%m-%dT%H:%M:%S%z/);
    assertOne((a) => { op(a).timeInterval = { start: "2024-02-01T00:00:00+0800", end: "2024-01-01T00:00:00+0800" }; },
      "operation.timeInterval", /start must not be after/);
    // The same instant in two offsets is in order.
    assert.deepEqual(failures((a) => { op(a).timeInterval = { start: "2024-01-01T08:00:00+0800",
      end: "2024-01-01T00:00:00+0000" }; }), []);
  });

  it("requires tag and queueId for type Job, and workflowIds for type Workflow", () => {
    assertOne((a) => { delete op(a).queueId; }, "operation.queueId", /required/);
    assertOne((a) => { delete op(a).tag; }, "operation.tag", /required/);
    assertOne((a) => { a.type = "Workflow"; a.operation = {}; }, "operation.workflowIds", /required for type Workflow/);
    assert.deepEqual(failures((a) => { a.type = "Workflow"; a.operation = { workflowIds: ["w1", "w2"] }; }), []);
    assertOne((a) => { op(a).workflowIds = ["w1"]; }, "operation.workflowIds", /for type Workflow/);
  });

  it("applies the media job rules to jobParam and output", () => {
    assertOne((a) => { delete op(a).output; }, "operation.output", /needs an output/);
    assert.deepEqual(failures((a) => { op(a).tag = "MediaInfo"; delete op(a).output; op(a).jobParam = {}; }), []);
    assertOne((a) => { op(a).tag = "SmartCover"; op(a).jobParam = { smartCover: { count: 4 } }; },
      "operation.output.object", /\$\{Number\} when operation\.jobParam\.smartCover\.count/);
    assertOne((a) => { op(a).tag = "Snapshot"; op(a).jobParam = { snapshot: { count: 10 } }; },
      "operation.output.object", /operation\.jobParam\.snapshot\.count is more than 1/);
    assertOne((a) => { op(a).jobLevel = 5; }, "operation.jobLevel", /0 to 2/);
    assertOne((a) => { op(a).callBackType = "TDMQ"; }, "operation.callBackMqConfig", /mqMode, mqRegion and mqName/);
  });

  it("takes the tags of the document's list (its two misspellings corrected)", () => {
    assertOne((a) => { op(a).tag = "Animatin"; }, "operation.tag", /one of Animation, SmartCover, Transcode/);
    assertOne((a) => { op(a).tag = "VoiceSpearte"; }, "operation.tag", /VoiceSeparate/);
    for (const tag of ["PicProcess", "NoiseReduction", "Tts"]) {
      assert.deepEqual(failures((a) => { op(a).tag = tag; op(a).jobParam = { templateId: "t1" }; }), [], tag);
    }
  });

  it("checks the document's JobParam and Output rules at their batch paths", () => {
    assertOne((a) => { op(a).jobParam = { templateId: "t1", digitalWatermark: { message: "a b", type: "Text",
      version: "V1" } }; }, "operation.jobParam.digitalWatermark.message", /64 letters/);
    assertOne((a) => { op(a).jobParam = { templateId: "t1", ttsTpl: {} }; }, "operation.jobParam.ttsTpl",
      /only for Tts jobs, not Transcode jobs/);
    assertOne((a) => { op(a).tag = "StreamExtract"; op(a).jobParam = {};
      op(a).output = { region: "ap-guangzhou", bucket: BUCKET }; }, "operation.output.streamExtract", /required/);
    assertOne((a) => { op(a).callBackType = "TDMQ";
      op(a).callBackMqConfig = { mqMode: "Queue", mqRegion: "shanghai", mqName: "q" }; },
    "operation.callBackMqConfig.mqRegion", /sh, bj, gz, cd, hk/);
  });
});

describe("InventoryTriggerJob request", () => {
  it("mirrors CI's request element for element, workflow ids comma-joined", () => {
    const job = toBatchRequest(base() as unknown as InventoryTriggerJobInputs);
    assert.deepEqual(job, {
      Name: "nightly-720p", Type: "Job", Input: { Prefix: "uploads/" },
      Operation: {
        TimeInterval: { Start: "2024-01-01T00:00:00+0800", End: "2024-01-31T23:59:59+0800" }, Tag: "Transcode",
        QueueId: "p0123456789abcdef0123456789abcdef", JobParam: { Transcode: { Container: { Format: "mp4" } } },
        Output: { Region: "ap-guangzhou", Bucket: BUCKET, Object: "transcoded/${InventoryTriggerJobId}/out.mp4" },
      },
    });
    const wf = toBatchRequest({ ...base(), type: "Workflow", operation: { workflowIds: ["w1", "w2"] } } as unknown as
      InventoryTriggerJobInputs);
    assert.deepEqual(wf.Operation, { WorkflowIds: "w1,w2" });
  });

  it("always sends JobParam for type Job (the document marks it required), empty when the tag takes none", () => {
    const mediaInfo = toBatchRequest({ ...base(), operation: { tag: "MediaInfo", queueId: "p1" } } as unknown as
      InventoryTriggerJobInputs);
    assert.deepEqual(mediaInfo.Operation, { Tag: "MediaInfo", QueueId: "p1", JobParam: {} });
  });
});
