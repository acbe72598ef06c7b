import assert from "node:assert/strict";
import { checkCiMediaJob } from "../../../provider/ci-media-job/check";
import { UNKNOWN } from "../../../provider/check/checker";
import { checkHelpers } from "../../helpers/check";

const base = () => ({
  bucket: "examplebucket-1250000000",
  region: "ap-guangzhou",
  tag: "SmartCover",
  input: { object: "in/video.mp4" },
  operation: {
    smartCover: { format: "jpg", width: 1280, height: 720, count: 3, deleteDuplicates: true } as Record<string, unknown>,
    output: { region: "ap-guangzhou", bucket: "examplebucket-1250000000", object: "covers/${Number}.jpg" } as
      Record<string, unknown> | undefined,
  } as Record<string, unknown>,
} as Record<string, unknown>);

const { failures: failuresWith, assertOne } = checkHelpers(checkCiMediaJob, base);

const op = (a: Record<string, unknown>) => a.operation as Record<string, Record<string, unknown>>;

describe("CiMediaJob check", () => {
  it("accepts a complete SmartCover job", () => {
    assert.deepEqual(checkCiMediaJob(base()).failures, []);
  });

  it("accepts a MediaInfo job without output", () => {
    assert.deepEqual(failuresWith((a) => { a.tag = "MediaInfo"; a.operation = {}; }), []);
  });

  for (const tag of ["VideoTag", "ExtractDigitalWatermark", "QualityEstimate"]) {
    it(`accepts a ${tag} job without output`, () => {
      assert.deepEqual(failuresWith((a) => { a.tag = tag; a.operation = {}; }), []);
    });
  }

  it("requires output for other tags, naming the tags that do without", () => {
    assertOne((a) => { a.tag = "Transcode"; a.operation = { templateId: "t1" }; }, "operation.output",
      /Transcode job writes objects.*MediaInfo, VideoTag, ExtractDigitalWatermark, QualityEstimate/);
  });

  it("requires bucket of the form name-appid", () => {
    assertOne((a) => { delete a.bucket; }, "bucket", /bucket is required/);
    assertOne((a) => { a.bucket = "examplebucket"; }, "bucket", /<BucketName>-<APPID>/);
    assertOne((a) => { a.bucket = "Example-1250000000"; }, "bucket", /<BucketName>-<APPID>/);
  });

  it("checks the output bucket and region the same way", () => {
    assertOne((a) => { op(a).output!.bucket = "nope"; }, "operation.output.bucket", /<BucketName>-<APPID>/);
    assertOne((a) => { op(a).output!.region = "Guangzhou"; }, "operation.output.region", /region id/);
    assertOne((a) => { delete op(a).output!.object; }, "operation.output.object", /required/);
  });

  it("requires input.object, not starting with /", () => {
    assertOne((a) => { a.input = {}; }, "input.object", /required/);
    assertOne((a) => { a.input = { object: "/in/video.mp4" }; }, "input.object", /must not start with \//);
  });

  it("requires input and operation, as objects", () => {
    assertOne((a) => { delete a.input; }, "input", /input is required/);
    assertOne((a) => { a.input = "in/video.mp4"; }, "input", /must be an object/);
    assertOne((a) => { delete a.operation; }, "operation", /operation is required/);
  });

  it("checks the region and the deleteDuplicates flag", () => {
    assertOne((a) => { a.region = "guangzhou"; }, "region", /region id such as ap-guangzhou/);
    assertOne((a) => { op(a).smartCover!.deleteDuplicates = "sometimes"; }, "operation.smartCover.deleteDuplicates",
      /true or false/);
  });

  it("requires tag", () => {
    assertOne((a) => { delete a.tag; }, "tag", /tag is required/);
  });

  it("limits userData to 1024 printable ASCII characters", () => {
    assert.deepEqual(failuresWith((a) => { op(a).userData = "x".repeat(1024) as never; }), []);
    assertOne((a) => { op(a).userData = "x".repeat(1025) as never; }, "operation.userData", /at most 1024.*got 1025/);
    assertOne((a) => { op(a).userData = "tab\there" as never; }, "operation.userData", /printable ASCII/);
    assertOne((a) => { op(a).userData = "café" as never; }, "operation.userData", /printable ASCII/);
  });

  it("limits jobLevel to 0, 1 or 2", () => {
    assert.deepEqual(failuresWith((a) => { op(a).jobLevel = 2 as never; }), []);
    assertOne((a) => { op(a).jobLevel = 3 as never; }, "operation.jobLevel", /integer from 0 to 2/);
    assertOne((a) => { op(a).jobLevel = 1.5 as never; }, "operation.jobLevel", /integer from 0 to 2/);
  });

  it("limits SmartCover width and height to 128–4096", () => {
    assertOne((a) => { op(a).smartCover!.width = 127; }, "operation.smartCover.width", /128 to 4096/);
    assertOne((a) => { op(a).smartCover!.height = 4097; }, "operation.smartCover.height", /128 to 4096/);
    assert.deepEqual(failuresWith((a) => { op(a).smartCover!.width = 128; op(a).smartCover!.height = 4096; }), []);
  });

  it("limits SmartCover count to 1–10", () => {
    assertOne((a) => { op(a).smartCover!.count = 0; }, "operation.smartCover.count", /1 to 10/);
    assertOne((a) => { op(a).smartCover!.count = 11; }, "operation.smartCover.count", /1 to 10/);
  });

  it("limits SmartCover format to jpg, png, webp", () => {
    assertOne((a) => { op(a).smartCover!.format = "gif"; }, "operation.smartCover.format", /jpg, png, webp.*"gif"/);
  });

  it("needs ${Number} in the output object when count > 1, including the default count of 3", () => {
    assertOne((a) => { op(a).output!.object = "covers/one.jpg"; }, "operation.output.object", /\$\{Number\}/);
    assertOne((a) => { op(a).output!.object = "covers/one.jpg"; delete op(a).smartCover!.count; },
      "operation.output.object", /defaults to 3/);
    assert.deepEqual(failuresWith((a) => { op(a).output!.object = "covers/one.jpg"; op(a).smartCover!.count = 1; }), []);
    assert.deepEqual(failuresWith((a) => { op(a).output!.object = "covers/${number}.jpg"; }), []);
  });

  it("does not apply inline SmartCover rules when a template is used", () => {
    assert.deepEqual(failuresWith((a) => { op(a).templateId = "t0123" as never; op(a).smartCover!.width = 1; }), []);
  });

  it("checks callback settings and waiting knobs", () => {
    assertOne((a) => { a.callBackFormat = "YAML"; }, "callBackFormat", /JSON, XML/);
    assertOne((a) => { a.callBackType = "Kafka"; }, "callBackType", /Url, TDMQ/);
    assertOne((a) => { a.callBack = "ftp://x"; }, "callBack", /http\(s\) URL, or "no"/);
    // Checked by its declaration and by the callback rule: reported once.
    assertOne((a) => { a.callBack = 7; }, "callBack", /callBack must be a string; got 7\./);
    assert.deepEqual(failuresWith((a) => { a.callBack = "no"; }), []);
    assertOne((a) => { a.timeoutSeconds = 0; }, "timeoutSeconds", /integer from 1/);
    assertOne((a) => { a.skipAwait = "yes"; }, "skipAwait", /true or false/);
    assertOne((a) => { a.triggers = "x"; }, "triggers", /must be a list/);
    assertOne((a) => { a.queueId = "q123"; }, "queueId", /starts with p/);
  });

  it("skips values that are unknown during preview", () => {
    assert.deepEqual(failuresWith((a) => {
      a.bucket = UNKNOWN; op(a).output!.object = UNKNOWN; op(a).smartCover!.count = UNKNOWN;
    }), []);
    assert.deepEqual(failuresWith((a) => { a.tag = UNKNOWN; delete op(a).output; }), []);
  });

  it("reports several broken rules at once", () => {
    const failures = failuresWith((a) => { a.bucket = "x"; op(a).smartCover!.width = 1; op(a).jobLevel = 9 as never; });
    assert.deepEqual(failures.map((f) => f.property).sort(),
      ["bucket", "operation.jobLevel", "operation.smartCover.width"]);
  });

  it("refuses a parameter container of another tag", () => {
    assertOne((a) => { a.tag = "Snapshot"; op(a).snapshot = op(a).smartCover!; delete op(a).smartCover;
      op(a).transcode = { container: { format: "mp4" } }; op(a).output!.object = "s/${Number}.jpg"; },
    "operation.transcode", /takes effect only for Transcode, VideoProcess, SuperResolution, SDRtoHDR jobs, not Snapshot jobs/);
  });

  it("checks Snapshot modes, counts, ${Number} and the sprite object", () => {
    const snap = (p: Record<string, unknown>, object = "frames/${Number}.jpg", sprite?: string) =>
      (a: Record<string, unknown>) => {
        a.tag = "Snapshot"; delete op(a).smartCover; op(a).snapshot = p; op(a).output!.object = object;
        if (sprite) op(a).output!.spriteObject = sprite;
      };
    assert.deepEqual(failuresWith(snap({ mode: "Interval", count: 5, snapshotOutMode: "SnapshotAndSprite" },
      "frames/${Number}.jpg", "sprites/${Number}.jpg")), []);
    assertOne(snap({ mode: "Every" }), "operation.snapshot.mode", /Interval, Average, KeyFrame/);
    assertOne(snap({ count: 0 }), "operation.snapshot.count", /1 to 10000/);
    assertOne(snap({ count: 4 }, "frames/one.jpg"), "operation.output.object", /snapshot\.count is more than 1/);
    // Pulumi YAML reads ${…} itself: the message says how to write the placeholder there.
    assertOne(snap({ count: 4 }, "frames/one.jpg"), "operation.output.object",
      /must contain \$\{Number\} .*\(in a Pulumi YAML program write \$\$\{Number\}: YAML reads/);
    assertOne(snap({ snapshotOutMode: "OnlySprite" }), "operation.output.spriteObject", /required/);
    assertOne(snap({ snapshotOutMode: "OnlySprite" }, "f.jpg", "sprites/s.png"), "operation.output.spriteObject", /\.jpg/);
    assertOne(snap({ count: 4, snapshotOutMode: "OnlySprite" }, "f.jpg", "s.jpg"), "operation.output.spriteObject",
      /must contain \$\{Number\} when operation.snapshot.count is more than 1/);
    assert.deepEqual(failuresWith(snap({ count: 4, snapshotOutMode: "OnlySprite" }, "f.jpg", "s-${Number}.jpg")), []);
  });

  describe("the rules of the CI documents (seeds 002 and 004)", () => {
    const tagged = (tag: string, operation: Record<string, unknown>) => (a: Record<string, unknown>) => {
      a.tag = tag;
      a.operation = { ...operation, output: { region: "ap-guangzhou", bucket: "examplebucket-1250000000",
        ...(operation.output as object) } };
    };

    it("lets Snapshot, VoiceSeparate and StreamExtract leave output.object out, with their own result name", () => {
      assert.deepEqual(failuresWith(tagged("Snapshot", { snapshot: { snapshotOutMode: "OnlySprite" },
        output: { spriteObject: "sprites/s.jpg" } })), []);
      assert.deepEqual(failuresWith(tagged("Snapshot", { templateId: "t1", output: { spriteObject: "s.jpg" } })), []);
      assert.deepEqual(failuresWith(tagged("VoiceSeparate", { templateId: "t1", output: { auObject: "voice.mp3" } })),
        []);
      assert.deepEqual(failuresWith(tagged("StreamExtract", { output: { streamExtract: [
        { index: 0, object: "video.mp4" }, { index: "1", object: "audio.m4a" }] } })), []);
      assertOne(tagged("VoiceSeparate", { templateId: "t1", output: {} }), "operation.output.object",
        /operation.output.object or operation.output.auObject is required/);
      assertOne(tagged("Snapshot", { templateId: "t1", output: {} }), "operation.output.object",
        /operation.output.object or operation.output.spriteObject is required/);
      assertOne(tagged("Snapshot", { snapshot: {}, output: { spriteObject: "s.jpg" } }), "operation.output.object",
        /required/);
      assertOne(tagged("Transcode", { templateId: "t1", output: {} }), "operation.output.object", /required/);
    });

    it("checks StreamExtract's index and object, and keeps result names to their tags", () => {
      assertOne(tagged("StreamExtract", { output: {} }), "operation.output.streamExtract", /one \{index, object\}/);
      assertOne(tagged("StreamExtract", { output: { streamExtract: [] } }), "operation.output.streamExtract",
        /non-empty list/);
      assertOne(tagged("StreamExtract", { output: { streamExtract: [{ object: "a.mp4" }] } }),
        "operation.output.streamExtract[0].index", /required/);
      assertOne(tagged("StreamExtract", { output: { streamExtract: [{ index: "a", object: "a.mp4" }] } }),
        "operation.output.streamExtract[0].index", /integer/);
      assertOne(tagged("StreamExtract", { output: { streamExtract: [{ index: 1 }] } }),
        "operation.output.streamExtract[0].object", /required/);
      assertOne(tagged("Transcode", { templateId: "t1", output: { object: "o.mp4", auObject: "a.mp3" } }),
        "operation.output.auObject", /only for VoiceSeparate jobs, not Transcode jobs/);
      assertOne(tagged("Transcode", { templateId: "t1", output: { object: "o.mp4", spriteObject: "s.jpg" } }),
        "operation.output.spriteObject", /only for Snapshot jobs/);
    });

    it("takes each parameter node only for the tags it takes effect for", () => {
      assert.deepEqual(failuresWith(tagged("VideoProcess", { transcodeTemplateId: "t2", videoProcess: {},
        transcode: { container: { format: "mp4" } }, watermarkTemplateId: "t3", output: { object: "o.mp4" } })), []);
      assert.deepEqual(failuresWith(tagged("Transcode", { templateId: "t1", removeWatermark: { dx: "10" },
        watermark: { type: "Text" }, output: { object: "o.mp4" } })), []);
      assertOne(tagged("Transcode", { templateId: "t1", transcodeTemplateId: "t2", output: { object: "o.mp4" } }),
        "operation.transcodeTemplateId", /only for VideoProcess, SuperResolution, SDRtoHDR jobs, not Transcode/);
      assertOne(tagged("SDRtoHDR", { templateId: "t1", removeWatermark: {}, output: { object: "o.mp4" } }),
        "operation.removeWatermark", /only for Transcode jobs, not SDRtoHDR jobs/);
      assertOne(tagged("Tts", { templateId: "t1", concatTemplate: {}, output: { object: "o.mp3" } }),
        "operation.concatTemplate", /only for Concat jobs/);
      assert.deepEqual(failuresWith(tagged("FutureTag", { templateId: "t1", concatTemplate: {},
        output: { object: "o" } })), [], "a tag the documents do not name is not second-guessed");
    });

    it("checks DigitalWatermark: message of ≤ 64 letters, digits, _ - *, type Text, version V1", () => {
      const wm = (digitalWatermark: Record<string, unknown>) =>
        tagged("Transcode", { templateId: "t1", digitalWatermark, output: { object: "o.mp4" } });
      const good = { message: "team_A-01*", type: "Text", version: "V1", ignoreError: "true" };
      assert.deepEqual(failuresWith(wm(good)), []);
      assertOne(wm({ ...good, message: "x".repeat(65) }), "operation.digitalWatermark.message", /at most 64 letters/);
      assertOne(wm({ ...good, message: "no spaces" }), "operation.digitalWatermark.message", /_, - and \*/);
      assertOne(wm({ ...good, type: "Image" }), "operation.digitalWatermark.type", /one of Text/);
      assertOne(wm({ ...good, version: "V2" }), "operation.digitalWatermark.version", /one of V1/);
      assertOne(wm({ ...good, ignoreError: "yes" }), "operation.digitalWatermark.ignoreError", /true or false/);
      assertOne(wm({ type: "Text", version: "V1" }), "operation.digitalWatermark.message", /required/);
      assertOne(tagged("Snapshot", { templateId: "t1", digitalWatermark: good, output: { object: "s.jpg" } }),
        "operation.digitalWatermark", /only for Transcode, VideoProcess, SuperResolution, DigitalWatermark jobs/);
    });

    it("takes the TDMQ regions sh, bj, gz, cd and hk", () => {
      assertOne((a) => { a.callBackType = "TDMQ"; a.callBackMqConfig = { mqMode: "Queue", mqRegion: "ap-guangzhou",
        mqName: "q" }; }, "callBackMqConfig.mqRegion", /one of sh, bj, gz, cd, hk/);
      assert.deepEqual(failuresWith((a) => { a.callBackType = "TDMQ";
        a.callBackMqConfig = { mqMode: "Topic", mqRegion: "hk", mqName: "t" }; }), []);
    });
  });

  it("needs a template or the container format for Transcode and Animation", () => {
    assertOne((a) => { a.tag = "Transcode"; a.operation = { output: op(a).output }; },
      "operation.transcode.container.format", /templateId or the target container format/);
    assert.deepEqual(failuresWith((a) => { a.tag = "Transcode"; a.operation = { output: op(a).output,
      transcode: { container: { format: "mp4" }, video: { codec: "H.264", width: 1280 } } }; }), []);
    assertOne((a) => { a.tag = "Animation"; a.operation = { output: op(a).output, animation: { container: { format: "mp4" } } }; },
      "operation.animation.container.format", /gif, webp/);
    assert.deepEqual(failuresWith((a) => { a.tag = "Animation"; a.operation = { output: op(a).output, templateId: "t1" }; }), []);
  });

  it("checks callback types: TDMQ needs its queue, Url needs a URL", () => {
    assertOne((a) => { a.callBackType = "TDMQ"; }, "callBackMqConfig", /mqMode, mqRegion and mqName/);
    assertOne((a) => { a.callBackType = "TDMQ"; a.callBackMqConfig = { mqMode: "Queue", mqRegion: "gz" }; },
      "callBackMqConfig.mqName", /required/);
    assert.deepEqual(failuresWith((a) => { a.callBackType = "TDMQ";
      a.callBackMqConfig = { mqMode: "Topic", mqRegion: "gz", mqName: "jobs" }; }), []);
    assertOne((a) => { a.callBackMqConfig = { mqMode: "Queue" }; }, "callBackMqConfig", /only when callBackType is TDMQ/);
    assertOne((a) => { a.queueType = "Fast"; }, "queueType", /Transcoding, SpeedTranscoding/);
  });
});
