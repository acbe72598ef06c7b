import assert from "node:assert/strict";
import { checkIProductionJob } from "../../../provider/iproduction-job/check";
import { UNKNOWN } from "../../../provider/check/checker";
import { checkHelpers } from "../../helpers/check";

const OSS = "oss://example-bucket.oss-cn-shanghai.aliyuncs.com";
const base = (): Record<string, unknown> => ({
  region: "cn-shanghai", functionName: "Cover", input: `${OSS}/in/video.mp4`,
  output: `${OSS}/out/{source}-{sequenceId}.jpg`, jobParams: { Model: "gif" },
});

const { failures, assertOne } = checkHelpers(checkIProductionJob, base);

describe("IProductionJob check", () => {
  it("accepts a complete Cover job", () => {
    assert.deepEqual(checkIProductionJob(base()).failures, []);
  });

  it("requires functionName, and accepts an unknown one (the SDK warns instead)", () => {
    assertOne((a) => { delete a.functionName; }, "functionName", /required/);
    assert.deepEqual(failures((a) => { a.functionName = "BrandNewAlgorithm"; delete a.jobParams; }), []);
  });

  it("requires input and output as OSS URLs", () => {
    assertOne((a) => { delete a.input; }, "input", /Cover processes an OSS object and needs an input URL/);
    assert.deepEqual(failures((a) => { delete a.input; a.functionName = "TextToSpeech"; }), [],
      "Input is optional in the API (seed 000): text-to-speech reads its text from jobParams");
    assert.deepEqual(failures((a) => { delete a.input; delete a.output; a.functionName = "SomeNewAlgorithm"; }), [],
      "an algorithm the documents do not describe is not second-guessed");
    assertOne((a) => { a.input = "https://example-bucket.oss-cn-shanghai.aliyuncs.com/in.mp4"; }, "input",
      /oss:\/\/<bucket>\.oss-<region>\.aliyuncs\.com\/<object>/);
    assertOne((a) => { delete a.output; }, "output", /Cover writes objects and needs an output URL/);
    assertOne((a) => { a.output = `${OSS}/`; }, "output", /OSS URL/);
  });

  it("does not require output for algorithms that only report data", () => {
    assert.deepEqual(failures((a) => { a.functionName = "MusicSegmentDetect"; delete a.output; delete a.jobParams; }), []);
  });

  it("needs input, output and notifyUrl in the job's region", () => {
    assertOne((a) => { a.output = "oss://bucket-two.oss-cn-beijing.aliyuncs.com/out/{sequenceId}.jpg"; }, "output",
      /region cn-beijing but the job runs in cn-shanghai/);
    assertOne((a) => { delete a.region; a.output = "oss://bucket-two.oss-cn-beijing.aliyuncs.com/out/{sequenceId}.jpg"; },
      "output", /cn-beijing but the job runs in cn-shanghai/);
    assertOne((a) => { a.notifyUrl = "mns://1234567890.mns.cn-hangzhou.aliyuncs.com/queues/q"; }, "notifyUrl",
      /cn-hangzhou but the job runs in cn-shanghai/);
  });

  it("needs {sequenceId} in the output of a multi-result algorithm", () => {
    assertOne((a) => { a.output = `${OSS}/out/cover.jpg`; }, "output", /\{sequenceId\} for Cover/);
    assert.deepEqual(failures((a) => { a.functionName = "ImageCartoonize"; a.output = `${OSS}/out/x.jpg`; delete a.jobParams; }), []);
  });

  it("checks the notifyUrl shape", () => {
    assertOne((a) => { a.notifyUrl = "https://example.com/hook"; }, "notifyUrl", /mns:\/\/<accountId>\.mns/);
    assert.deepEqual(failures((a) => { a.notifyUrl = "mns://1234567890.mns.cn-shanghai.aliyuncs.com/queues/mps-q"; }), []);
    assert.deepEqual(failures((a) => { a.notifyUrl = "mns://1234567890.oss-cn-shanghai.aliyuncs.com/queues/mps-q"; }),
      [], "the form of the API reference's own example (seed 000)");
  });

  it("checks known JobParams ranges", () => {
    const caption = (p: Record<string, unknown>) => (a: Record<string, unknown>) => {
      a.functionName = "CaptionExtraction"; a.output = `${OSS}/out/sub.srt`; a.jobParams = p;
    };
    assertOne(caption({ fps: 1 }), "jobParams.fps", /2 to 10/);
    assertOne(caption({ fps: 11 }), "jobParams.fps", /2 to 10/);
    assert.deepEqual(failures(caption({ fps: 5, roi: [[0, 0.5], [0, 1]] })), []);
    const delogo = (logo: unknown) => (a: Record<string, unknown>) => {
      a.functionName = "VideoDelogo"; a.output = `${OSS}/out/v.mp4`; a.jobParams = { Logo: logo };
    };
    assertOne(delogo([[0, 0, 0.1, 0.1], [0.9, 0, 0.1, 0.1], [0, 0.9, 0.1, 0.1]]), "jobParams.Logo", /at most two/);
    assertOne(delogo([[0, 0, 1.5, 0.1]]), "jobParams.Logo[0]", /fraction from 0 to 1/);
    assertOne((a) => { a.jobParams = { Model: "mp4" }; }, "jobParams.Model", /"" \(still covers\) or "gif"/);
    const tts = (p: Record<string, unknown>) => (a: Record<string, unknown>) => {
      a.functionName = "TextToSpeech"; a.output = `${OSS}/out/a.mp3`; a.jobParams = p;
    };
    assertOne(tts({ volume: 101 }), "jobParams.volume", /0 to 100/);
    assertOne(tts({ speech_rate: -501 }), "jobParams.speech_rate", /-500 to 500/);
  });

  it("checks pipelineId, scheduleParams and the waiting knobs", () => {
    assertOne((a) => { a.pipelineId = "not-a-pipeline"; }, "pipelineId", /32 hex/);
    assertOne((a) => { a.scheduleParams = "{oops"; }, "scheduleParams", /JSON object/);
    assertOne((a) => { a.timeoutSeconds = -1; }, "timeoutSeconds", /integer from 1/);
    assertOne((a) => { a.jobParams = "Model=gif"; }, "jobParams", /must be an object/);
  });

  it("skips values unknown during preview (a pipeline created in the same stack)", () => {
    assert.deepEqual(failures((a) => { a.pipelineId = UNKNOWN; a.output = UNKNOWN; }), []);
  });
});
