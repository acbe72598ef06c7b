/**
 * What the emulated clouds do to real media, with ffmpeg and ffprobe: probe a file, take frames, make an animated
 * image, transcode, and draw a cartoon. Each function writes files into a work directory and answers their paths;
 * the cloud-specific code names and stores them.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { mediaTools, run } from "./tools";

export interface Probe {
  format: Record<string, unknown>;
  streams: Record<string, unknown>[];
}

export async function probe(file: string): Promise<Probe> {
  const out = await run(mediaTools().ffprobe, ["-v", "error", "-show_format", "-show_streams", "-of", "json", file]);
  const parsed = JSON.parse(out) as { format?: Record<string, unknown>; streams?: Record<string, unknown>[] };
  if (!parsed.format) throw new Error("ffprobe found no media in the input.");
  return { format: parsed.format, streams: parsed.streams ?? [] };
}

export function durationOf(p: Probe): number {
  const d = Number(p.format.duration);
  return Number.isFinite(d) && d > 0 ? d : 0;
}

export function hasVideo(p: Probe): boolean {
  return p.streams.some((s) => s.codec_type === "video");
}

/** `scale` for a width and/or height (the other keeps the aspect ratio, even for the encoders that need it). */
function scaleFilter(width?: number, height?: number): string | undefined {
  if (!width && !height) return undefined;
  return `scale=${width ?? -2}:${height ?? -2}`;
}

export interface FrameOptions {
  width?: number;
  height?: number;
  /** jpg, png or webp. */
  format: string;
}

/** One frame at `seconds`, written to `file` (ffmpeg picks the encoder from the extension it is given). */
export async function frameAt(input: string, seconds: number, file: string, o: FrameOptions): Promise<void> {
  const scale = scaleFilter(o.width, o.height);
  await run(mediaTools().ffmpeg, ["-v", "error", "-y", "-ss", seconds.toFixed(3), "-i", input, "-frames:v", "1",
    ...(scale ? ["-vf", scale] : []), ...(o.format === "jpg" ? ["-q:v", "3"] : []), "-f", "image2",
    ...(o.format === "webp" ? ["-c:v", "libwebp"] : []), file]);
}

/** A sprite sheet: `count` frames from `start` every `interval` seconds, tiled `columns`×`lines`. */
export async function spriteSheet(input: string, file: string, o: { start: number; interval: number; cellWidth?: number;
  cellHeight?: number; columns: number; lines: number; padding: number; margin: number; color: string }): Promise<void> {
  const filters = [`fps=1/${Math.max(o.interval, 0.04)}`, scaleFilter(o.cellWidth, o.cellHeight),
    `tile=${o.columns}x${o.lines}:padding=${o.padding}:margin=${o.margin}:color=${o.color}`].filter(Boolean);
  await run(mediaTools().ffmpeg, ["-v", "error", "-y", "-ss", o.start.toFixed(3), "-i", input, "-vf", filters.join(","),
    "-frames:v", "1", "-q:v", "3", "-f", "image2", file]);
}

/** An animated GIF (with its own palette) or WebP of a part of the input. */
export async function animation(input: string, file: string, o: { format: string; start?: number; duration?: number;
  width?: number; height?: number; fps?: number }): Promise<void> {
  const base = [`fps=${o.fps ?? 10}`, scaleFilter(o.width ?? (o.height ? undefined : 320), o.height)]
    .filter(Boolean).join(",");
  const vf = o.format === "gif" ? `${base},split[a][b];[a]palettegen[p];[b][p]paletteuse` : base;
  await run(mediaTools().ffmpeg, ["-v", "error", "-y", ...(o.start ? ["-ss", String(o.start)] : []), "-i", input,
    "-t", String(o.duration ?? 5), "-an", "-filter_complex", vf, "-loop", "0",
    ...(o.format === "webp" ? ["-c:v", "libwebp", "-f", "webp"] : ["-f", "gif"]), file]);
}

export interface TranscodeOptions {
  /** CI's container format: mp4, flv, hls, mkv, ts, webm, mov, mp3, aac, m4a, … */
  container: string;
  videoCodec?: string;
  width?: number;
  height?: number;
  fps?: number;
  videoBitrateKbps?: number;
  crf?: number;
  audioCodec?: string;
  sampleRate?: number;
  audioBitrateKbps?: number;
  channels?: number;
  start?: number;
  duration?: number;
}

const VIDEO_ENCODERS: Record<string, string> = {
  "h.264": "libx264", h264: "libx264", "h.265": "libx265", h265: "libx265", hevc: "libx265", vp8: "libvpx",
  vp9: "libvpx-vp9", av1: "libaom-av1", mpeg4: "mpeg4",
};
const AUDIO_ENCODERS: Record<string, string> = {
  aac: "aac", mp3: "libmp3lame", opus: "libopus", vorbis: "libvorbis", flac: "flac", "mp2": "mp2",
};
/** The muxer and the codecs used when the request names none, per CI container format. */
const CONTAINERS: Record<string, { muxer: string; video?: string; audio: string }> = {
  mp4: { muxer: "mp4", video: "libx264", audio: "aac" }, mov: { muxer: "mov", video: "libx264", audio: "aac" },
  flv: { muxer: "flv", video: "libx264", audio: "aac" }, mkv: { muxer: "matroska", video: "libx264", audio: "aac" },
  ts: { muxer: "mpegts", video: "libx264", audio: "aac" }, hls: { muxer: "hls", video: "libx264", audio: "aac" },
  webm: { muxer: "webm", video: "libvpx-vp9", audio: "libopus" }, mp3: { muxer: "mp3", audio: "libmp3lame" },
  m4a: { muxer: "ipod", audio: "aac" }, aac: { muxer: "adts", audio: "aac" }, flac: { muxer: "flac", audio: "flac" },
  ogg: { muxer: "ogg", audio: "libvorbis" }, wav: { muxer: "wav", audio: "pcm_s16le" },
};

/** Transcodes into `file`; HLS writes its segments next to the playlist. Answers every file written. */
export async function transcode(input: string, file: string, workDir: string, o: TranscodeOptions, p: Probe):
  Promise<string[]> {
  const container = CONTAINERS[o.container.toLowerCase()];
  if (!container) throw new UnsupportedError(`the emulator cannot write the container format "${o.container}".`);
  const videoEncoder = container.video && (o.videoCodec ? VIDEO_ENCODERS[o.videoCodec.toLowerCase()] : container.video);
  if (container.video && o.videoCodec && !videoEncoder) {
    throw new UnsupportedError(`the emulator cannot encode the video codec "${o.videoCodec}".`);
  }
  const audioEncoder = o.audioCodec ? AUDIO_ENCODERS[o.audioCodec.toLowerCase()] : container.audio;
  if (!audioEncoder) throw new UnsupportedError(`the emulator cannot encode the audio codec "${o.audioCodec}".`);
  const video = container.video && hasVideo(p) ? ["-c:v", videoEncoder!, "-pix_fmt", "yuv420p",
    ...(scaleFilter(o.width, o.height) ? ["-vf", scaleFilter(o.width, o.height)!] : []),
    ...(o.fps ? ["-r", String(o.fps)] : []), ...(o.videoBitrateKbps ? ["-b:v", `${o.videoBitrateKbps}k`] : []),
    ...(o.crf !== undefined && !o.videoBitrateKbps ? ["-crf", String(o.crf)] : []),
    ...(videoEncoder === "libx264" || videoEncoder === "libx265" ? ["-preset", "veryfast"] : []),
    ...(videoEncoder === "libx265" ? ["-x265-params", "log-level=error"] : [])] : ["-vn"];
  const hasAudio = p.streams.some((s) => s.codec_type === "audio");
  const audio = hasAudio ? ["-c:a", audioEncoder, ...(o.sampleRate ? ["-ar", String(o.sampleRate)] : []),
    ...(o.audioBitrateKbps ? ["-b:a", `${o.audioBitrateKbps}k`] : []), ...(o.channels ? ["-ac", String(o.channels)] : [])]
    : ["-an"];
  const hls = container.muxer === "hls" ? ["-hls_time", "2", "-hls_list_size", "0",
    "-hls_segment_filename", join(workDir, `${segmentStem(file)}-%03d.ts`)] : [];
  await run(mediaTools().ffmpeg, ["-v", "error", "-y", ...(o.start ? ["-ss", String(o.start)] : []), "-i", input,
    ...(o.duration ? ["-t", String(o.duration)] : []), ...video, ...audio, ...hls, "-f", container.muxer, file]);
  return readdirSync(workDir).map((f) => join(workDir, f));
}

function segmentStem(file: string): string {
  return (file.split("/").pop() ?? "index").replace(/\.[^.]*$/, "");
}

/**
 * A cartoon of an image (or of a video's first frame): smoothed colours in flat bands with the edges inked in, the
 * look of ImageCartoonize without its model.
 */
export async function cartoonize(input: string, file: string): Promise<void> {
  const flat = ["r", "g", "b"].map((c) => `${c}='floor(val/56)*56+28'`).join(":");
  await run(mediaTools().ffmpeg, ["-v", "error", "-y", "-i", input, "-frames:v", "1", "-filter_complex",
    `[0:v]format=gbrp,split[a][b];[a]smartblur=lr=3:ls=1,lutrgb=${flat}[c];` +
    "[b]edgedetect=low=0.1:high=0.3,negate,format=gbrp[e];[c][e]blend=all_mode=multiply", "-q:v", "3", "-f", "image2",
    file]);
}

/** The input as a JPEG image (its first frame for a video). */
export async function asJpeg(input: string, file: string): Promise<void> {
  await run(mediaTools().ffmpeg, ["-v", "error", "-y", "-i", input, "-frames:v", "1", "-q:v", "3", "-f", "image2", file]);
}

/** A request the emulator's ffmpeg cannot carry out (the job fails with the reason). */
export class UnsupportedError extends Error {}

export const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif", mp4: "video/mp4",
  mov: "video/quicktime", flv: "video/x-flv", mkv: "video/x-matroska", ts: "video/mp2t", webm: "video/webm",
  m3u8: "application/vnd.apple.mpegurl", mp3: "audio/mpeg", m4a: "audio/mp4", aac: "audio/aac", flac: "audio/flac",
  ogg: "audio/ogg", wav: "audio/wav", json: "application/json",
};

export function contentTypeOf(name: string): string {
  return CONTENT_TYPES[(name.split(".").pop() ?? "").toLowerCase()] ?? "application/octet-stream";
}

/**
 * A small real clip to upload (demo, tests): `seconds` of a moving test pattern with a timer, 320×180 at 25 fps,
 * H.264 with a 440 Hz AAC tone (none when `audio` is false), in MP4 (about 25 KB a second).
 */
export async function sampleClip(file: string, seconds = 4, audio = true): Promise<void> {
  const sound = audio ? ["-f", "lavfi", "-i", `sine=frequency=440:sample_rate=44100:duration=${seconds}`] : [];
  await run(mediaTools().ffmpeg, ["-v", "error", "-y", "-f", "lavfi", "-i", `testsrc2=size=320x180:rate=25:duration=${seconds}`,
    ...sound, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
    ...(audio ? ["-c:a", "aac", "-b:a", "64k", "-shortest"] : []), "-movflags", "+faststart", "-f", "mp4", file]);
}

/** A real photo-like image to upload (a Mandelbrot view, 640×360 JPEG). */
export async function samplePhoto(file: string): Promise<void> {
  await run(mediaTools().ffmpeg, ["-v", "error", "-y", "-f", "lavfi", "-i", "mandelbrot=size=640x360:end_pts=1",
    "-frames:v", "1", "-q:v", "3", "-f", "image2", file]);
}
