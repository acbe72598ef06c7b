/**
 * The declared shape of a CI media operation's parts, shared by CiMediaJob (`operation`) and InventoryTriggerJob
 * (`operation.jobParam`, `operation.output`): the typed tag parameters, the output, the TDMQ settings, and the
 * TypeScript types they stand for. The nodes passed through untyped are maps of any values.
 */
import { object, ObjectValue, opt, req, t, ValuesOf } from "../schema/declare";
import { CI_BUCKET, regionId } from "../schema/forms";
import { MQ_REGIONS } from "./tags";

const passThrough = (what: string) => opt(t.map(t.any()), `${what}: the document's nodes in camelCase, passed ` +
  "through (camelCase → PascalCase).");

export const CI_TIME_INTERVAL = object("CiTimeInterval", "A part of the input, in seconds.", {
  start: opt(t.number({ min: 0, unit: "seconds from the start" }), "Seconds from the start."),
  duration: opt(t.number({ min: 0, unit: "seconds" }), "Seconds."),
});

export const CI_SMART_COVER = object("CiSmartCover", "SmartCover: the best frames of a video as covers.", {
  format: opt(t.string(["jpg", "png", "webp"]), "Image format."),
  width: opt(t.integer({ min: 128, max: 4096, unit: "pixels" }), "128–4096."),
  height: opt(t.integer({ min: 128, max: 4096, unit: "pixels" }), "128–4096."),
  count: opt(t.integer({ min: 1, max: 10, unit: "default 3" }), "1–10, default 3. More than 1 needs `${Number}` in the " +
    "output object name."),
  deleteDuplicates: opt(t.boolean(), "Drop near-identical covers."),
});

export const CI_SNAPSHOT = object("CiSnapshot",
  "Snapshot: frames at intervals, evenly spread, or at key frames; optionally a sprite sheet.", {
    mode: opt(t.string(["Interval", "Average", "KeyFrame"]), "How frames are chosen."),
    start: opt(t.number({ min: 0, unit: "seconds from the start" }), "Seconds from the start."),
    timeInterval: opt(t.number({ min: 0, unit: "seconds between frames" }), "Seconds between frames (Interval)."),
    count: opt(t.integer({ min: 1, max: 10000, unit: "frames" }), "How many frames. More than 1 needs `${Number}` in " +
      "the output object name."),
    width: opt(t.integer({ min: 1, max: 8192, unit: "pixels" }), "Frame width."),
    height: opt(t.integer({ min: 1, max: 8192, unit: "pixels" }), "Frame height."),
    snapshotOutMode: opt(t.string(["OnlySnapshot", "OnlySprite", "SnapshotAndSprite"]),
      "OnlySnapshot (default), OnlySprite or SnapshotAndSprite; sprites go to `output.spriteObject` (jpg)."),
    spriteSnapshotConfig: opt(t.map(t.any()),
      "Sprite layout: cellWidth, cellHeight, padding, margin, color, columns, lines, … (passed through)."),
  });

const CI_CONTAINER = object("CiContainer", "The container to write.", {
  format: req(t.string(), "The container format, e.g. mp4, hls, flv, mp3."),
}, { open: true });

const CI_ANIMATION_CONTAINER = object("CiAnimationContainer", "The animated image's format.", {
  format: req(t.string(), "gif or webp."),
});

const CI_VIDEO = object("CiVideo", "Video stream parameters.", {
  codec: opt(t.string(), "e.g. H.264, H.265, gif."),
  width: opt(t.integer({ min: 0, unit: "pixels" }), "Pixels."),
  height: opt(t.integer({ min: 0, unit: "pixels" }), "Pixels."),
  fps: opt(t.number({ min: 0, unit: "frames per second" }), "Frames per second."),
  bitrate: opt(t.integer({ min: 0, unit: "kbit/s" }), "kbps."),
  crf: opt(t.number({ min: 0, unit: "quality factor" }), "Constant rate factor."),
}, { open: true });

const CI_AUDIO = object("CiAudio", "Audio stream parameters.", {
  codec: opt(t.string(), "e.g. aac, mp3."),
  samplerate: opt(t.integer({ min: 0, unit: "Hz" }), "Hz."),
  bitrate: opt(t.integer({ min: 0, unit: "kbit/s" }), "kbps."),
  channels: opt(t.integer({ min: 1, max: 8, unit: "channels" }), "1–8."),
}, { open: true });

const CI_ANIMATION_VIDEO = object("CiAnimationVideo", "The animated image's frames.", {
  codec: opt(t.string(), "gif or webp."),
  width: opt(t.integer({ min: 0, unit: "pixels" }), "Pixels."),
  height: opt(t.integer({ min: 0, unit: "pixels" }), "Pixels."),
  fps: opt(t.number({ min: 0, unit: "frames per second" }), "Frames per second."),
}, { open: true });

export const CI_TRANSCODE = object("CiTranscode", "Transcode parameters (or use `templateId`).", {
  container: opt(t.object(CI_CONTAINER), "The container to write."),
  video: opt(t.object(CI_VIDEO), "Video stream parameters."),
  audio: opt(t.object(CI_AUDIO), "Audio stream parameters."),
  timeInterval: opt(t.object(CI_TIME_INTERVAL), "Only this part of the input."),
  transConfig: opt(t.map(t.any()), "Transcoding options (passed through)."),
}, { open: true });

export const CI_ANIMATION = object("CiAnimation", "Animation parameters (or use `templateId`).", {
  container: opt(t.object(CI_ANIMATION_CONTAINER), "`gif` or `webp`."),
  video: opt(t.object(CI_ANIMATION_VIDEO), "Frame size and rate."),
  timeInterval: opt(t.object(CI_TIME_INTERVAL), "Only this part of the input."),
}, { open: true });

export const CI_STREAM_EXTRACT = object("CiStreamExtract",
  "One stream to extract: its index in the input's MediaInfo (Stream.Video/Audio.Index) and where it goes.", {
    index: req(t.oneOf(t.integer(), t.string()), "The stream's index."),
    object: req(t.string(), "The object to write it to."),
  });

export const CI_OUTPUT = object("CiOutput", "Where the job writes its results.", {
  region: req(regionId("ap-guangzhou"), "The bucket's region."),
  bucket: req(CI_BUCKET, "`<BucketName-APPID>`."),
  object: opt(t.string(), "Object name; may hold the placeholders `${Number}`, `${jobid}`, `${ext}`, sent literally. " +
    "Required except for Snapshot (with `spriteObject`), VoiceSeparate (with `auObject`) and StreamExtract (with " +
    "`streamExtract`)."),
  spriteObject: opt(t.string({ pattern: /\.jpg$/, form: "must name a .jpg object (CI writes sprites as jpg only)" }),
    "Snapshot: the sprite sheets (jpg); `${Number}` when `snapshot.count` > 1."),
  auObject: opt(t.string(), "VoiceSeparate: the voice (or background) result."),
  streamExtract: opt(t.array(t.object(CI_STREAM_EXTRACT)),
    "StreamExtract: one object per extracted stream (required for StreamExtract)."),
});

export const CI_DIGITAL_WATERMARK = object("CiDigitalWatermark",
  "An invisible text watermark (Transcode, VideoProcess, SuperResolution, DigitalWatermark).", {
    message: req(t.string({ pattern: /^[A-Za-z0-9_*-]{1,64}$/, form: "must be at most 64 letters, digits, _, - and *" }),
      "At most 64 letters, digits, `_`, `-` and `*`."),
    type: req(t.string(["Text"]), "`Text` (the only type)."),
    version: req(t.string(["V1"]), "`V1` (the only version)."),
    ignoreError: opt(t.boolean(), "Go on when watermarking fails (not for DigitalWatermark jobs). Default false."),
  });

/** The parameter nodes of the documented tags (each for the tags `PARAMETER_NODE_TAGS` names), and the template. */
export const CI_TAG_PARAMETERS = {
  templateId: opt(t.string(), "A template id; it wins over inline parameters."),
  transcodeTemplateId: opt(t.string(), "VideoProcess, SuperResolution, SDRtoHDR: the transcoding template."),
  smartCover: opt(t.object(CI_SMART_COVER), "SmartCover parameters."),
  snapshot: opt(t.object(CI_SNAPSHOT), "Snapshot parameters."),
  transcode: opt(t.object(CI_TRANSCODE), "Transcode parameters (also VideoProcess, SuperResolution, SDRtoHDR)."),
  animation: opt(t.object(CI_ANIMATION), "Animation parameters."),
  digitalWatermark: opt(t.object(CI_DIGITAL_WATERMARK), "An invisible text watermark."),
  watermark: passThrough("Transcode, SDRtoHDR, VideoProcess, SuperResolution: a watermark (CreateMediaTemplate's " +
    "Watermark)"),
  watermarkTemplateId: opt(t.string(), "A watermark template id."),
  removeWatermark: passThrough("Transcode: remove a watermark"),
  speechRecognition: passThrough("SpeechRecognition parameters"),
  concatTemplate: passThrough("Concat parameters"),
  voiceSeparate: passThrough("VoiceSeparate parameters"),
  videoMontage: passThrough("VideoMontage parameters"),
  sdrToHdr: passThrough("SDRtoHDR parameters (sent as `SDRtoHDR`)"),
  videoProcess: passThrough("VideoProcess parameters"),
  superResolution: passThrough("SuperResolution parameters"),
  segment: passThrough("Segment parameters"),
  extractDigitalWatermark: passThrough("ExtractDigitalWatermark parameters"),
  videoTag: passThrough("VideoTag parameters"),
  ttsTpl: passThrough("Tts parameters"),
} as const;

export const CI_MQ_CONFIG = object("CiMqConfig", "Where TDMQ callbacks go.", {
  mqMode: opt(t.string(["Queue", "Topic"]), "Queue or Topic."),
  mqRegion: opt(t.string(MQ_REGIONS), "sh, bj, gz, cd or hk."),
  mqName: opt(t.string(), "The queue or topic."),
});

/** The callback settings a CI job (and a Type Job batch) takes. */
export const CI_CALLBACK = {
  callBack: opt(t.string(), "A URL for this job's callback, or `no` to turn off the queue's callback for it."),
  callBackFormat: opt(t.string(["JSON", "XML"]), "JSON or XML."),
  callBackType: opt(t.string(["Url", "TDMQ"]), "Url or TDMQ."),
  callBackMqConfig: opt(t.object(CI_MQ_CONFIG), "TDMQ: where callbacks go."),
} as const;

/** SmartCover: the best frames of a video as covers. */
export type CiSmartCover = ObjectValue<typeof CI_SMART_COVER>;
/** Snapshot: frames at intervals, evenly spread, or at key frames; optionally a sprite sheet. */
export type CiSnapshot = ObjectValue<typeof CI_SNAPSHOT>;
/** A part of the input, in seconds. */
export type CiTimeInterval = ObjectValue<typeof CI_TIME_INTERVAL>;
/** Transcode parameters (or use `templateId`). */
export type CiTranscode = ObjectValue<typeof CI_TRANSCODE>;
/** Animation parameters (or use `templateId`). */
export type CiAnimation = ObjectValue<typeof CI_ANIMATION>;
/** Where the job writes its results. */
export type CiOutput = ObjectValue<typeof CI_OUTPUT>;
/** One stream to extract: its index in the input's MediaInfo and where it goes. */
export type CiStreamExtract = ObjectValue<typeof CI_STREAM_EXTRACT>;
/** An invisible text watermark. */
export type CiDigitalWatermark = ObjectValue<typeof CI_DIGITAL_WATERMARK>;
/** Where TDMQ callbacks go. */
export type CiMqConfig = ObjectValue<typeof CI_MQ_CONFIG>;
/** The parameter nodes of a CI operation (parameters of other tags are passed through, camelCase → PascalCase). */
export type CiTagParameters = ValuesOf<typeof CI_TAG_PARAMETERS> & { [tagParameters: string]: unknown };
