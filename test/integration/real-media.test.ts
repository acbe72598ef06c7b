/**
 * Real media through the emulator: a clip made by ffmpeg is uploaded to the object store, and MediaInfo, Snapshot
 * (frames and a sprite sheet), SmartCover, Animation (GIF and WebP) and Transcode (MP4 H.265, HLS) run on it through
 * the providers; an ImageCartoonize and a Cover run on OSS. Each output is a real file of the kind asked for, stored
 * at the documented name with the MD5 the job reports. A missing input fails the job; `deleteOutputsOnDestroy`
 * deletes what the job wrote. Prints the processing time per job kind.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { Emulator, startEmulator } from "../../emulator";
import { probe, sampleClip, samplePhoto } from "../../emulator/media/ffmpeg-jobs";
import { mediaTools } from "../../emulator/media/tools";
import { createCiMediaJobProvider, createIProductionJobProvider } from "../../provider";
import { JobFailedError } from "../../provider/errors";
import { ciEmulatorEnv, mpsEmulatorEnv } from "../helpers/env";

const BUCKET = "media-1250000000";
const REGION = "ap-guangzhou";
const OSS = "oss://media-photos.oss-cn-shanghai.aliyuncs.com";
const POLL = { minDelayMs: 20, maxDelayMs: 100, ageFraction: 0.1 };
const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");

/** What the bytes are, by their magic numbers. */
function kindOf(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xd8) return "jpeg";
  if (b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP") return "webp";
  if (b.subarray(0, 3).toString("latin1") === "GIF") return "gif";
  if (b.subarray(4, 8).toString("latin1") === "ftyp") return "mp4";
  if (b.subarray(0, 7).toString("latin1") === "#EXTM3U") return "m3u8";
  if (b[0] === 0x47) return "ts";
  return "unknown";
}

describe("real media through the emulator (ffmpeg, ffprobe)", function () {
  this.timeout(120_000);
  let emulator: Emulator;
  let restore: (() => void)[] = [];
  let ci: dynamic.ResourceProvider;
  let mps: dynamic.ResourceProvider;
  let work: string;
  /** Per job kind: the processing time the emulator measured (start to outputs stored), and create's wall time. */
  const timings: [string, number, number][] = [];
  const processedMs = (job: { processing?: { done: boolean; doneAt?: number } } | undefined, startedAt: number) =>
    job?.processing?.done ? job.processing.doneAt! - startedAt : NaN;

  const output = (object: string) => ({ bucket: BUCKET, region: REGION, object });
  const mpsProcessedMs = (jobId: string) => {
    const job = emulator.mps.jobs().find((j) => j.jobId === jobId);
    return processedMs(job, job?.createdAt ?? NaN);
  };
  const job = async (kind: string, tag: string, operation: Record<string, unknown>, object = "clips/sample.mp4") => {
    const started = Date.now();
    const res = await ci.create!({ bucket: BUCKET, region: REGION, tag, input: { object }, operation, timeoutSeconds: 60 })
      .catch((e: Error) => { timings.push([kind, NaN, Date.now() - started]); throw e; });
    const emulated = emulator.ci.jobs().find((j) => j.jobId === res.id);
    timings.push([kind, processedMs(emulated, emulated?.startAt ?? NaN), Date.now() - started]);
    return res.outs;
  };
  /** Each reported object is in the store with the reported MD5; answers their bytes. */
  const stored = (objects: { bucket: string; object: string; md5?: string }[]) => objects.map((o) => {
    const body = emulator.objects.get("cos", o.bucket, o.object);
    assert.ok(body, `${o.object} is in the store`);
    assert.equal(o.md5, md5(body), `${o.object}: the reported MD5 is the object's`);
    return body;
  });

  before(async function () {
    try {
      mediaTools();
    } catch (e) {
      // The binaries are devDependencies: a missing one is a broken install, never a skip under CI.
      if (process.env.CI === "true") throw e;
      this.skip();
    }
    work = mkdtempSync(join(tmpdir(), "mediajobs-real-media-"));
    emulator = await startEmulator({ tencent: { timeline: { runningAfterMs: 10, finishedAfterMs: 50 } },
      alibaba: { timeline: { analysingAfterMs: 10, finishedAfterMs: 50 } } });
    restore = [ciEmulatorEnv(emulator.url), mpsEmulatorEnv(emulator.url)];
    await sampleClip(join(work, "sample.mp4"));
    await sampleClip(join(work, "silent.mp4"), 2, false);
    await samplePhoto(join(work, "team.jpg"));
    emulator.objects.put("cos", BUCKET, "clips/sample.mp4", readFileSync(join(work, "sample.mp4")), "video/mp4");
    emulator.objects.put("cos", BUCKET, "clips/silent.mp4", readFileSync(join(work, "silent.mp4")), "video/mp4");
    emulator.objects.put("oss", "media-photos", "photos/team.jpg", readFileSync(join(work, "team.jpg")), "image/jpeg");
    emulator.objects.put("oss", "media-photos", "videos/sample.mp4", readFileSync(join(work, "sample.mp4")), "video/mp4");
    ci = createCiMediaJobProvider({ poll: POLL, log: () => {} });
    mps = createIProductionJobProvider({ poll: POLL, log: () => {} });
  });
  after(async () => {
    for (const r of restore) r();
    await emulator?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    if (timings.length) {
      console.log("      per job kind (4 s 320x180 H.264/AAC clip, 640x360 photo): processing in the emulator " +
        "(ffmpeg/ffprobe and storing), and create's wall time (with the 50 ms job timeline and polling):");
      for (const [kind, processing, wall] of timings) {
        const ms = (n: number) => `${Number.isNaN(n) ? "–" : n} ms`.padStart(7);
        console.log(`        ${kind.padEnd(28)} ${ms(processing)}   ${ms(wall)}`);
      }
    }
  });

  it("MediaInfo reports what ffprobe finds in the clip", async () => {
    const outs = await job("MediaInfo", "MediaInfo", {});
    const info = outs.mediaInfo;
    assert.equal(info.format.duration, "4.000000");
    assert.equal(info.format.size, String(readFileSync(join(work, "sample.mp4")).length));
    assert.equal(info.stream.video[0].width, "320");
    assert.equal(info.stream.video[0].height, "180");
    assert.equal(info.stream.video[0].codecName, "h264");
    assert.equal(info.stream.video[0].fps, "25.0");
    assert.equal(info.stream.audio[0].codecName, "aac");
    assert.equal(info.stream.audio[0].sampleRate, "44100");
  });

  it("MediaInfo of a clip without audio: CI's empty <Audio/> reads as no audio stream", async () => {
    const outs = await job("MediaInfo (no audio)", "MediaInfo", {}, "clips/silent.mp4");
    const info = outs.mediaInfo;
    assert.equal(info.format.numStream, "1");
    assert.deepEqual(info.stream.audio, [], "the emulator sends an empty Audio element, read as an empty list");
    assert.deepEqual(info.stream.subtitle, []);
    assert.equal(info.stream.video.length, 1);
    assert.equal(info.stream.video[0].width, "320");
  });

  it("Snapshot writes real JPEG frames at ${Number} and a sprite sheet", async () => {
    const outs = await job("Snapshot (3 frames + sprite)", "Snapshot", {
      snapshot: { mode: "Interval", start: 0.5, timeInterval: 1, count: 3, width: 160,
        snapshotOutMode: "SnapshotAndSprite", spriteSnapshotConfig: { columns: 2, lines: 2, cellWidth: 80 } },
      output: { ...output("snapshots/frame-${Number}.jpg"), spriteObject: "snapshots/sprite-${Number}.jpg" } });
    assert.deepEqual(outs.outputObjects.map((o: { object: string }) => o.object),
      ["snapshots/frame-0.jpg", "snapshots/frame-1.jpg", "snapshots/frame-2.jpg"]);
    const frames = stored(outs.outputObjects);
    assert.ok(frames.every((f) => kindOf(f) === "jpeg"));
    assert.equal(new Set(frames.map(md5)).size, 3, "three different moments of the clip");
    const [sprite] = stored(outs.spriteObjects);
    assert.equal(kindOf(sprite!), "jpeg");
    const size = await probe(join(emulator.objects.dataDir, "cos", BUCKET, "snapshots", "frame-0.jpg"));
    assert.equal(size.streams[0]!.width, 160);
  });

  it("SmartCover writes the requested number of real covers", async () => {
    const outs = await job("SmartCover (3 covers)", "SmartCover", { smartCover: { format: "jpg", width: 320, count: 3 },
      output: output("covers/sample-${Number}.jpg") });
    assert.equal(outs.outputObjects.length, 3);
    assert.ok(stored(outs.outputObjects).every((f) => kindOf(f) === "jpeg"));
  });

  for (const format of ["gif", "webp"]) {
    it(`Animation writes a real animated ${format}`, async () => {
      const outs = await job(`Animation (${format}, 2 s)`, "Animation", { animation: { container: { format },
        video: { width: 160, fps: 8 }, timeInterval: { start: 0, duration: 2 } }, output: output(`anim/sample.${format}`) });
      const [file] = stored(outs.outputObjects);
      assert.equal(kindOf(file!), format);
    });
  }

  it("Transcode writes an MP4 in the requested codecs", async () => {
    const outs = await job("Transcode (mp4, H.265/mp3)", "Transcode", { transcode: {
      container: { format: "mp4" }, video: { codec: "H.265", width: 160 }, audio: { codec: "mp3", samplerate: 22050 } },
    output: output("transcoded/sample-${jobid}.mp4") });
    const [name] = outs.outputObjects.map((o: { object: string }) => o.object);
    assert.equal(name, `transcoded/sample-${outs.jobId}.mp4`);
    const [file] = stored(outs.outputObjects);
    assert.equal(kindOf(file!), "mp4");
    const p = await probe(join(emulator.objects.dataDir, "cos", BUCKET, name));
    assert.deepEqual(p.streams.map((s) => s.codec_name), ["hevc", "mp3"]);
    assert.equal(p.streams[0]!.width, 160);
  });

  it("Transcode to HLS writes the playlist and its segments", async () => {
    const outs = await job("Transcode (hls)", "Transcode", { transcode: { container: { format: "hls" } },
      output: output("hls/sample.m3u8") });
    const names: string[] = outs.outputObjects.map((o: { object: string }) => o.object);
    assert.equal(names[0], "hls/sample.m3u8");
    assert.ok(names.slice(1).length > 0 && names.slice(1).every((n) => /^hls\/sample-\d{3}\.ts$/.test(n)), names.join());
    const files = stored(outs.outputObjects);
    assert.equal(kindOf(files[0]!), "m3u8");
    assert.ok(files.slice(1).every((f) => kindOf(f) === "ts"));
  });

  it("fails a job whose input object does not exist, as the cloud does", async () => {
    const err = await job("missing input", "MediaInfo", {}, "clips/missing.mp4").then(() => undefined, (e) => e);
    assert.ok(err instanceof JobFailedError, String(err));
    assert.equal(err.jobCode, "InvalidInput");
    assert.match(err.message, /RequestId [0-9a-f]{24}/);
    assert.match(err.message, /clips\/missing\.mp4 does not exist in bucket media-1250000000/);
  });

  it("fails a job on a file that is not media, with ffprobe's reason", async () => {
    emulator.objects.put("cos", BUCKET, "clips/notes.mp4", Buffer.from("not a video"), "video/mp4");
    const err = await job("not media", "MediaInfo", {}, "clips/notes.mp4").then(() => undefined, (e) => e);
    assert.ok(err instanceof JobFailedError, String(err));
    assert.match(err.message, /cannot be processed: ffprobe failed/);
  });

  it("IProductionJob ImageCartoonize writes the cartoon and the original", async () => {
    const started = Date.now();
    const { outs } = await mps.create!({ region: "cn-shanghai", functionName: "ImageCartoonize",
      input: `${OSS}/photos/team.jpg`, output: `${OSS}/cartoons/{source}-{resultType}.jpg`, timeoutSeconds: 60 });
    timings.push(["ImageCartoonize", mpsProcessedMs(outs.jobId), Date.now() - started]);
    assert.deepEqual(outs.outputFiles, [`${OSS}/cartoons/team-result.jpg`, `${OSS}/cartoons/team-origin.jpg`]);
    const cartoon = emulator.objects.get("oss", "media-photos", "cartoons/team-result.jpg")!;
    const origin = emulator.objects.get("oss", "media-photos", "cartoons/team-origin.jpg")!;
    assert.equal(kindOf(cartoon), "jpeg");
    assert.equal(kindOf(origin), "jpeg");
    assert.notEqual(md5(cartoon), md5(origin), "the cartoon differs from the original");
  });

  it("IProductionJob Cover writes three scored frames", async () => {
    const started = Date.now();
    const { outs } = await mps.create!({ region: "cn-shanghai", functionName: "Cover", input: `${OSS}/videos/sample.mp4`,
      output: `${OSS}/covers/{source}-{sequenceId}.jpg`, timeoutSeconds: 60 });
    timings.push(["Cover (MPS, 3 frames)", mpsProcessedMs(outs.jobId), Date.now() - started]);
    assert.deepEqual(outs.outputFiles, [0, 1, 2].map((i) => `${OSS}/covers/sample-${i}.jpg`));
    assert.equal(outs.result.data[0].time, 1);
    for (const i of [0, 1, 2]) assert.equal(kindOf(emulator.objects.get("oss", "media-photos", `covers/sample-${i}.jpg`)!), "jpeg");
  });

  it("deleteOutputsOnDestroy deletes what the job wrote (COS and OSS), and says so", async () => {
    const lines: string[] = [];
    const logged = createCiMediaJobProvider({ poll: POLL, log: (l) => lines.push(l) });
    const { id, outs } = await logged.create!({ bucket: BUCKET, region: REGION, tag: "SmartCover",
      input: { object: "clips/sample.mp4" }, operation: { smartCover: { count: 2 }, output: output("gone/c-${Number}.jpg") },
      deleteOutputsOnDestroy: true });
    emulator.objects.delete("cos", BUCKET, "gone/c-1.jpg");
    await logged.delete!(id, outs);
    assert.equal(emulator.objects.head("cos", BUCKET, "gone/c-0.jpg"), undefined);
    assert.ok(lines.some((l) => l.includes(`deleted 1 of 2 objects (cos://${BUCKET}/gone/c-0.jpg); 1 already gone`)),
      lines.join("\n"));

    const mpsLines: string[] = [];
    const mpsLogged = createIProductionJobProvider({ poll: POLL, log: (l) => mpsLines.push(l) });
    const cartoon = await mpsLogged.create!({ region: "cn-shanghai", functionName: "ImageCartoonize",
      input: `${OSS}/photos/team.jpg`, output: `${OSS}/gone/{source}-{resultType}.jpg`, deleteOutputsOnDestroy: true });
    await mpsLogged.delete!(cartoon.id, cartoon.outs);
    assert.deepEqual(emulator.objects.list("oss", "media-photos", "gone/"), []);
    assert.ok(mpsLines.some((l) => l.includes("deleted 2 of 2 objects")), mpsLines.join("\n"));
  });

  it("keeps outputs on destroy by default", async () => {
    const outs = await job("SmartCover (1 cover)", "SmartCover", { smartCover: { count: 1 },
      output: output("kept/c.jpg") });
    await ci.delete!(outs.jobId, outs);
    assert.ok(emulator.objects.head("cos", BUCKET, "kept/c.jpg"));
  });
});
