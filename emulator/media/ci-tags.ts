/**
 * What each CI tag does to real media: one handler a tag, in `CI_TAG_HANDLERS`. A handler writes its files into the
 * job's scratch directory and answers the nodes merged into the job's Operation; the files are stored at the names
 * CI would use, and reported with their real MD5s.
 */
import { basename, join } from "node:path";
import { nodes, text, XmlNode } from "../../provider/clients/xml";
import type { CiJob } from "../ci/jobs";
import { ObjectStore } from "../storage/object-store";
import { commonPrefix, expand } from "./ci-names";
import {
  animation, contentTypeOf, durationOf, frameAt, Probe, spriteSheet, transcode, TranscodeOptions, UnsupportedError,
} from "./ffmpeg-jobs";
import { mediaInfoOf } from "./media-info";

/** What a tag's handler works with. */
export interface CiMediaWork {
  store: ObjectStore;
  job: CiJob;
  /** The input object's file. */
  input: string;
  info: Probe;
  /** A scratch directory, removed after the job. */
  dir: string;
  /** The tag's own node, `Operation.<Tag>` (empty when absent). */
  params: XmlNode;
  /** `Operation.Output` (empty when absent). */
  output: XmlNode;
}

/** Answers the nodes merged into the job's Operation on success; throws to fail the job. */
export type CiTagHandler = (work: CiMediaWork) => Promise<XmlNode>;

/** The tags processed for real; the others keep the synthetic result. */
export const CI_TAG_HANDLERS: Readonly<Record<string, CiTagHandler>> = {
  MediaInfo: async ({ info }) => ({ MediaInfo: mediaInfoOf(info) }),
  SmartCover: smartCover,
  Snapshot: snapshot,
  Animation: animated,
  Transcode: transcoded,
};

/** A file written into the scratch directory and the object name it is stored under. */
interface Written {
  name: string;
  file: string;
}

/** SmartCover's frames: spread over the video, away from its first and last frame. */
async function smartCover(work: CiMediaWork): Promise<XmlNode> {
  const count = Math.max(1, Math.floor(numberIn(work.params, "Count") ?? 3));
  const duration = durationOf(work.info);
  const times = Array.from({ length: count }, (_, i) => (duration * (i + 1)) / (count + 1));
  return mediaResult(work, await frames(work, times), []);
}

/** Snapshot writes frames, a sprite sheet, or both (SnapshotOutMode); the sprite goes to SpriteObject. */
async function snapshot(work: CiMediaWork): Promise<XmlNode> {
  const mode = text(work.params.SnapshotOutMode) ?? "OnlySnapshot";
  const count = Math.max(1, Math.floor(numberIn(work.params, "Count") ?? 1));
  const duration = durationOf(work.info);
  const written = mode === "OnlySprite" ? [] : await frames(work, snapshotTimes(work.params, duration, count));
  const sprites = mode === "OnlySnapshot" ? [] : [await sprite(work, duration)];
  return mediaResult(work, written, sprites);
}

async function animated(work: CiMediaWork): Promise<XmlNode> {
  const { params } = work;
  const container = nodes(params.Container)[0] ?? {};
  const video = nodes(params.Video)[0] ?? {};
  const interval = nodes(params.TimeInterval)[0] ?? {};
  const format = (text(container.Format) ?? "gif").toLowerCase();
  if (format !== "gif" && format !== "webp") throw new UnsupportedError(`Animation writes gif or webp, not "${format}".`);
  const file = join(work.dir, `animation.${format}`);
  await animation(work.input, file, { format, start: numberIn(interval, "Start"),
    duration: numberIn(interval, "Duration"), width: numberIn(video, "Width"), height: numberIn(video, "Height"),
    fps: numberIn(video, "Fps") });
  return mediaResult(work, [{ name: expand(outputTemplate(work), work.job, 1, format)[0]!, file }], []);
}

/** The file named, then (HLS) the segments written beside it. */
async function transcoded(work: CiMediaWork): Promise<XmlNode> {
  const format = (text(nodes(work.params.Container)[0]?.Format) ?? "mp4").toLowerCase();
  const ext = format === "hls" ? "m3u8" : format;
  const name = expand(outputTemplate(work), work.job, 1, ext)[0]!;
  const main = join(work.dir, name.split("/").pop() || `output.${ext}`);
  const files = await transcode(work.input, main, work.dir, transcodeOptions(work.params, format), work.info);
  const dir = name.slice(0, name.lastIndexOf("/") + 1);
  const segments = files.filter((f) => f !== main).sort().map((f) => ({ name: dir + basename(f), file: f }));
  return mediaResult(work, [{ name, file: main }, ...segments], []);
}

/** CI's Transcode node as ffmpeg's options. */
function transcodeOptions(params: XmlNode, container: string): TranscodeOptions {
  const video = nodes(params.Video)[0] ?? {};
  const audio = nodes(params.Audio)[0] ?? {};
  const interval = nodes(params.TimeInterval)[0] ?? {};
  return {
    container, videoCodec: text(video.Codec), width: numberIn(video, "Width"), height: numberIn(video, "Height"),
    fps: numberIn(video, "Fps"), videoBitrateKbps: numberIn(video, "Bitrate"), crf: numberIn(video, "Crf"),
    audioCodec: text(audio.Codec), sampleRate: numberIn(audio, "Samplerate"),
    audioBitrateKbps: numberIn(audio, "Bitrate"), channels: numberIn(audio, "Channels"),
    start: numberIn(interval, "Start"), duration: numberIn(interval, "Duration"),
  };
}

/** One frame a name: an Output without `${Number}` names one file, so only the first time is taken. */
async function frames(work: CiMediaWork, times: number[]): Promise<Written[]> {
  const format = (text(work.params.Format) ?? "jpg").toLowerCase();
  const names = expand(outputTemplate(work), work.job, times.length, format);
  const written: Written[] = [];
  for (const [i, name] of names.entries()) {
    const file = join(work.dir, `frame-${i}.${format}`);
    await frameAt(work.input, times[i]!, file, { format, width: numberIn(work.params, "Width"),
      height: numberIn(work.params, "Height") });
    written.push({ name, file });
  }
  return written;
}

function snapshotTimes(params: XmlNode, duration: number, count: number): number[] {
  const start = Math.min(numberIn(params, "Start") ?? 0, Math.max(duration - 0.05, 0));
  const mode = text(params.Mode) ?? "Interval";
  const interval = numberIn(params, "TimeInterval");
  const step = mode === "Average" || !interval ? (duration - start) / count : interval;
  const last = Math.max(duration - 0.05, 0);
  // Frames past the end are not taken, as CI stops at the end of the video.
  return Array.from({ length: count }, (_, i) => start + i * step).filter((t, i) => i === 0 || t <= last);
}

/** The sprite sheet of SpriteSnapshotConfig, a JPEG named by SpriteObject. */
async function sprite(work: CiMediaWork, duration: number): Promise<Written> {
  const { params } = work;
  const config = nodes(params.SpriteSnapshotConfig)[0] ?? {};
  const columns = numberIn(config, "Columns") ?? 10;
  const lines = numberIn(config, "Lines") ?? 10;
  const file = join(work.dir, "sprite.jpg");
  await spriteSheet(work.input, file, { start: numberIn(params, "Start") ?? 0,
    interval: numberIn(params, "TimeInterval") ?? duration / (columns * lines),
    cellWidth: numberIn(config, "CellWidth"), cellHeight: numberIn(config, "CellHeight"), columns, lines,
    padding: numberIn(config, "Padding") ?? 0, margin: numberIn(config, "Margin") ?? 0,
    color: (text(config.Color) ?? "White").toLowerCase() });
  return { name: expand(text(work.output.SpriteObject) ?? "sprite-${Number}.jpg", work.job, 1, "jpg")[0]!, file };
}

/** Without an object name, the job's id names its outputs. */
function outputTemplate(work: CiMediaWork): string {
  return text(work.output.Object) || "${jobid}-${Number}.${ext}";
}

/** Stores the files (outputs, then sprites) in the Output bucket and reports them as CI's MediaResult. */
function mediaResult({ store, job, output }: CiMediaWork, written: Written[], sprites: Written[]): XmlNode {
  const bucket = text(output.Bucket) ?? job.bucket;
  const region = text(output.Region) ?? job.region;
  const fileNode = (list: Written[]): XmlNode => {
    const stored = list.map(({ name, file }) => store.putFile("cos", bucket, name, file, contentTypeOf(name)));
    return { Bucket: bucket, Region: region, ObjectPrefix: commonPrefix(stored.map((o) => o.key)),
      ObjectName: stored.map((o) => o.key), Md5Info: stored.map((o) => ({ ObjectName: o.key, Md5: o.md5 })) };
  };
  const file = fileNode(written);
  if (sprites.length) file.SpriteOutputFile = fileNode(sprites);
  return { MediaResult: { OutputFile: file } };
}

/** A numeric parameter of a node; undefined when absent or not a number. */
function numberIn(node: XmlNode, name: string): number | undefined {
  const value = text(node[name]);
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? n : undefined;
}
