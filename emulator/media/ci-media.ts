/**
 * CI media jobs on real media: when the job's input bucket is in the object store, MediaInfo, Snapshot, SmartCover,
 * Animation and Transcode run ffmpeg/ffprobe on the input object and write their outputs to the store at the names
 * CI would use (`${Number}`, `${jobid}`, `${ext}` expanded); the job reports those names with their real MD5s. An
 * input object that does not exist fails the job. Other tags keep the synthetic result (the input must still exist).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { nodes, text, XmlNode } from "../../provider/clients/xml";
import type { CiJob } from "../ci/jobs";
import { ObjectStore } from "../storage/object-store";
import {
  animation, contentTypeOf, durationOf, frameAt, Probe, probe, spriteSheet, transcode, UnsupportedError,
} from "./ffmpeg-jobs";
import { MissingToolError } from "./tools";

/** How a job processed for real ended: the result nodes to show on success, or the failure. */
export interface MediaOutcome {
  failure?: { code: string; message: string };
  /** Merged into the job's Operation on success; undefined keeps the synthetic result. */
  result?: XmlNode;
}

const PROCESSED = new Set(["MediaInfo", "Snapshot", "SmartCover", "Animation", "Transcode"]);

/** The processor of the CI job store: real work for jobs whose input bucket is in the store, else undefined. */
export function ciMediaProcessor(store: ObjectStore): (job: CiJob) => Promise<MediaOutcome> | undefined {
  return (job) => {
    if (!store.bucketExists("cos", job.bucket)) return undefined;
    return processCiJob(store, job).catch((e: Error) => ({ failure: failureOf(e, CI_FAILURE_CODES) }));
  };
}

/** Each cloud's codes for a job the emulator cannot run, and for an input ffmpeg cannot read. */
export interface FailureCodes {
  unsupported: string;
  unreadable: string;
}

const CI_FAILURE_CODES: FailureCodes = { unsupported: "InvalidParameter", unreadable: "InvalidInput" };

/** Why processing failed, in a cloud's terms. */
export function failureOf(e: Error, codes: FailureCodes): { code: string; message: string } {
  return e instanceof UnsupportedError || e instanceof MissingToolError
    ? { code: codes.unsupported, message: `The emulator could not run this job: ${e.message}` }
    : { code: codes.unreadable, message: `The input media cannot be processed: ${e.message}` };
}

async function processCiJob(store: ObjectStore, job: CiJob): Promise<MediaOutcome> {
  if (!store.head("cos", job.bucket, job.object)) {
    return { failure: { code: "InvalidInput", message: `The input object ${job.object} does not exist in bucket ` +
      `${job.bucket}.` } };
  }
  if (!PROCESSED.has(job.tag)) return {};
  const input = store.path("cos", job.bucket, job.object);
  const info = await probe(input);
  if (job.tag === "MediaInfo") return { result: { MediaInfo: mediaInfoOf(info) } };
  const work = mkdtempSync(join(tmpdir(), "mediajobs-ci-"));
  try {
    return { result: await writeOutputs(store, job, input, info, work) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function writeOutputs(store: ObjectStore, job: CiJob, input: string, info: Probe, work: string): Promise<XmlNode> {
  const output = nodes(job.operation.Output)[0] ?? {};
  const bucket = text(output.Bucket) ?? job.bucket;
  const region = text(output.Region) ?? job.region;
  const params = nodes(job.operation[job.tag])[0] ?? {};
  const num = (name: string, node: XmlNode = params) => {
    const v = Number(text(node[name]));
    return text(node[name]) !== undefined && Number.isFinite(v) ? v : undefined;
  };
  const duration = durationOf(info);
  const written: { name: string; file: string }[] = [];
  const sprites: { name: string; file: string }[] = [];
  // Without an object name, the job's id names its outputs.
  const template = text(output.Object) || "${jobid}-${Number}.${ext}";

  if (job.tag === "SmartCover" || job.tag === "Snapshot") {
    const format = (text(params.Format) ?? "jpg").toLowerCase();
    const mode = job.tag === "Snapshot" ? text(params.SnapshotOutMode) ?? "OnlySnapshot" : "OnlySnapshot";
    const count = Math.max(1, Math.floor(num("Count") ?? (job.tag === "SmartCover" ? 3 : 1)));
    const times = job.tag === "SmartCover" ? evenly(duration, count) : snapshotTimes(params, duration, count, num);
    if (mode !== "OnlySprite") {
      const names = expand(template, job, times.length, format);
      for (const [i, name] of names.entries()) {
        const file = join(work, `frame-${i}.${format}`);
        await frameAt(input, times[i]!, file, { format, width: num("Width"), height: num("Height") });
        written.push({ name, file });
      }
    }
    if (mode !== "OnlySnapshot") {
      const sprite = nodes(params.SpriteSnapshotConfig)[0] ?? {};
      const columns = num("Columns", sprite) ?? 10;
      const lines = num("Lines", sprite) ?? 10;
      const file = join(work, "sprite.jpg");
      await spriteSheet(input, file, { start: num("Start") ?? 0, interval: num("TimeInterval") ?? duration / (columns * lines),
        cellWidth: num("CellWidth", sprite), cellHeight: num("CellHeight", sprite), columns, lines,
        padding: num("Padding", sprite) ?? 0, margin: num("Margin", sprite) ?? 0,
        color: (text(sprite.Color) ?? "White").toLowerCase() });
      sprites.push({ name: expand(text(output.SpriteObject) ?? "sprite-${Number}.jpg", job, 1, "jpg")[0]!, file });
    }
  } else if (job.tag === "Animation") {
    const container = nodes(params.Container)[0] ?? {};
    const video = nodes(params.Video)[0] ?? {};
    const interval = nodes(params.TimeInterval)[0] ?? {};
    const format = (text(container.Format) ?? "gif").toLowerCase();
    if (format !== "gif" && format !== "webp") throw new UnsupportedError(`Animation writes gif or webp, not "${format}".`);
    const file = join(work, `animation.${format}`);
    await animation(input, file, { format, start: num("Start", interval), duration: num("Duration", interval),
      width: num("Width", video), height: num("Height", video), fps: num("Fps", video) });
    written.push({ name: expand(template, job, 1, format)[0]!, file });
  } else {
    const container = nodes(params.Container)[0] ?? {};
    const video = nodes(params.Video)[0] ?? {};
    const audio = nodes(params.Audio)[0] ?? {};
    const interval = nodes(params.TimeInterval)[0] ?? {};
    const format = (text(container.Format) ?? "mp4").toLowerCase();
    const ext = format === "hls" ? "m3u8" : format;
    const name = expand(template, job, 1, ext)[0]!;
    const main = join(work, name.split("/").pop() || `output.${ext}`);
    const files = await transcode(input, main, work, {
      container: format, videoCodec: text(video.Codec), width: num("Width", video), height: num("Height", video),
      fps: num("Fps", video), videoBitrateKbps: num("Bitrate", video), crf: num("Crf", video),
      audioCodec: text(audio.Codec), sampleRate: num("Samplerate", audio), audioBitrateKbps: num("Bitrate", audio),
      channels: num("Channels", audio), start: num("Start", interval), duration: num("Duration", interval),
    }, info);
    // The file named, then (HLS) the segments written beside it.
    const dir = name.slice(0, name.lastIndexOf("/") + 1);
    written.push({ name, file: main });
    for (const f of files.filter((x) => x !== main).sort()) written.push({ name: dir + basename(f), file: f });
  }

  const stored = (list: { name: string; file: string }[]) => list.map(({ name, file }) =>
    store.putFile("cos", bucket, name, file, contentTypeOf(name)));
  const outputs = stored(written);
  const spriteOutputs = stored(sprites);
  const fileNode = (list: typeof outputs): XmlNode => ({
    Bucket: bucket, Region: region, ObjectPrefix: commonPrefix(list.map((o) => o.key)), ObjectName: list.map((o) => o.key),
    Md5Info: list.map((o) => ({ ObjectName: o.key, Md5: o.md5 })),
  });
  const file = fileNode(outputs);
  if (spriteOutputs.length) file.SpriteOutputFile = fileNode(spriteOutputs);
  return { MediaResult: { OutputFile: file } };
}

/** SmartCover's frames: spread over the video, away from its first and last frame. */
function evenly(duration: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (duration * (i + 1)) / (count + 1));
}

function snapshotTimes(params: XmlNode, duration: number, count: number,
  num: (name: string) => number | undefined): number[] {
  const start = Math.min(num("Start") ?? 0, Math.max(duration - 0.05, 0));
  const mode = text(params.Mode) ?? "Interval";
  const step = mode === "Average" || !num("TimeInterval") ? (duration - start) / count : num("TimeInterval")!;
  const last = Math.max(duration - 0.05, 0);
  // Frames past the end are not taken, as CI stops at the end of the video.
  return Array.from({ length: count }, (_, i) => start + i * step).filter((t, i) => i === 0 || t <= last);
}

/** `${Number}` counts from 0; `${jobid}` is the job id; `${ext}` the format written. */
export function expand(template: string, job: { jobId: string }, count: number, ext: string): string[] {
  const named = template.replace(/\$\{jobid\}/gi, job.jobId)
    .replace(/\$\{ext\}/g, ext);
  if (!/\$\{[Nn]umber\}/.test(named)) return [named];
  return Array.from({ length: count }, (_, i) => named.replace(/\$\{[Nn]umber\}/g, String(i)));
}

export function commonPrefix(names: string[]): string {
  const first = names[0] ?? "";
  let i = 0;
  while (i < first.length && names.every((n) => n[i] === first[i])) i++;
  return first.slice(0, i);
}

/** ffprobe's report in CI's MediaInfo shape: strings, bitrates in kbps. */
export function mediaInfoOf(p: Probe): XmlNode {
  const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const kbps = (v: unknown) => (v === undefined ? "" : (Number(v) / 1000).toFixed(3));
  const streams = (type: string) => p.streams.filter((x) => x.codec_type === type);
  const f = p.format;
  return {
    Format: {
      Bitrate: kbps(f.bit_rate), Duration: s(f.duration), FormatLongName: s(f.format_long_name),
      FormatName: s(f.format_name), NumProgram: s(f.nb_programs), NumStream: s(f.nb_streams), Size: s(f.size),
      StartTime: s(f.start_time),
    },
    Stream: {
      Video: streams("video").map((v) => ({
        Index: s(v.index), CodecName: s(v.codec_name), CodecLongName: s(v.codec_long_name), Profile: s(v.profile),
        Height: s(v.height), Width: s(v.width), HasBFrame: s(v.has_b_frames), Level: s(v.level),
        Dar: s(v.display_aspect_ratio), PixFormat: s(v.pix_fmt), Fps: rate(v.r_frame_rate), AvgFps: rate(v.avg_frame_rate),
        Bitrate: kbps(v.bit_rate), Duration: s(v.duration), NumFrames: s(v.nb_frames),
        Rotation: s((v.tags as Record<string, unknown> | undefined)?.rotate ?? "0"), Timebase: s(v.time_base),
      })),
      Audio: streams("audio").map((a) => ({
        Index: s(a.index), CodecName: s(a.codec_name), CodecLongName: s(a.codec_long_name), SampleRate: s(a.sample_rate),
        Channel: s(a.channels), ChannelLayout: s(a.channel_layout), Bitrate: kbps(a.bit_rate), Duration: s(a.duration),
        Timebase: s(a.time_base),
      })),
      Subtitle: streams("subtitle").map((t) => ({ Index: s(t.index), CodecName: s(t.codec_name),
        Language: s((t.tags as Record<string, unknown> | undefined)?.language) })),
    },
  };
}

/** `25/1` → `25.0`, `30000/1001` → `29.97`. */
function rate(v: unknown): string {
  const [n, d] = String(v ?? "0/1").split("/").map(Number);
  const r = d ? n! / d : 0;
  return Number.isInteger(r) ? r.toFixed(1) : r.toFixed(2);
}
