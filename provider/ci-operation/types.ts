/**
 * What a CI media operation holds, for CiMediaJob (`operation`) and InventoryTriggerJob (`operation.jobParam` and
 * `operation.output`) alike: the parameters of the typed tags, the output, and the TDMQ callback settings.
 */

export interface CiSmartCover {
  /** `jpg` | `png` | `webp` */
  format?: string;
  /** 128–4096 */
  width?: number;
  /** 128–4096 */
  height?: number;
  /** 1–10, default 3. More than 1 needs `${Number}` in the output object name. */
  count?: number;
  deleteDuplicates?: boolean;
}

/** Snapshot: frames at intervals, evenly spread, or at key frames; optionally a sprite sheet. */
export interface CiSnapshot {
  /** Interval | Average | KeyFrame */
  mode?: string;
  /** Seconds from the start. */
  start?: number;
  /** Seconds between frames (Interval). */
  timeInterval?: number;
  /** How many frames. More than 1 needs `${Number}` in the output object name. */
  count?: number;
  width?: number;
  height?: number;
  /** OnlySnapshot (default) | OnlySprite | SnapshotAndSprite; sprites go to `output.spriteObject` (jpg). */
  snapshotOutMode?: string;
  /** Sprite layout: cellWidth, cellHeight, padding, margin, color, columns, lines, … (passed through). */
  spriteSnapshotConfig?: Record<string, unknown>;
}

export interface CiTimeInterval {
  /** Seconds from the start. */
  start?: number;
  /** Seconds. */
  duration?: number;
}

/** Transcode parameters (or use `templateId`). */
export interface CiTranscode {
  container?: { format: string; [key: string]: unknown };
  video?: { codec?: string; width?: number; height?: number; fps?: number; bitrate?: number; crf?: number;
    [key: string]: unknown };
  audio?: { codec?: string; samplerate?: number; bitrate?: number; channels?: number; [key: string]: unknown };
  timeInterval?: CiTimeInterval;
  transConfig?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Animation parameters (or use `templateId`). */
export interface CiAnimation {
  /** `gif` | `webp` */
  container?: { format: string };
  video?: { codec?: string; width?: number; height?: number; fps?: number; [key: string]: unknown };
  timeInterval?: CiTimeInterval;
  [key: string]: unknown;
}

export interface CiOutput {
  region: string;
  /** `<BucketName-APPID>` */
  bucket: string;
  /**
   * Object name; may hold the placeholders `${Number}`, `${jobid}`, `${ext}`, sent literally. Required except for
   * Snapshot (with `spriteObject`), VoiceSeparate (with `auObject`) and StreamExtract (with `streamExtract`).
   */
  object?: string;
  /** Snapshot: the sprite sheets (jpg); `${Number}` when `snapshot.count` > 1. */
  spriteObject?: string;
  /** VoiceSeparate: the voice (or background) result. */
  auObject?: string;
  /** StreamExtract: one object per extracted stream (required for StreamExtract). */
  streamExtract?: CiStreamExtract[];
}

/** One stream to extract: its index in the input's MediaInfo (Stream.Video/Audio.Index) and where it goes. */
export interface CiStreamExtract {
  index: number | string;
  object: string;
}

/** An invisible text watermark (Transcode, VideoProcess, SuperResolution, DigitalWatermark). */
export interface CiDigitalWatermark {
  /** At most 64 letters, digits, `_`, `-` and `*`. */
  message: string;
  /** `Text` (the only type). */
  type: string;
  /** `V1` (the only version). */
  version: string;
  /** Go on when watermarking fails (not for DigitalWatermark jobs). Default false. */
  ignoreError?: boolean;
}

/**
 * The parameter nodes every CI operation may carry besides the typed ones, each for the tags the document names
 * (provider/ci-operation/tags.ts). Their content is passed through, camelCase → PascalCase.
 */
export interface CiTagParameters {
  /** A template id; it wins over inline parameters. */
  templateId?: string;
  /** VideoProcess, SuperResolution, SDRtoHDR: the transcoding template. */
  transcodeTemplateId?: string;
  smartCover?: CiSmartCover;
  snapshot?: CiSnapshot;
  transcode?: CiTranscode;
  animation?: CiAnimation;
  digitalWatermark?: CiDigitalWatermark;
  /** Transcode, SDRtoHDR, VideoProcess, SuperResolution: a watermark (CreateMediaTemplate's Watermark). */
  watermark?: Record<string, unknown>;
  watermarkTemplateId?: string;
  /** Transcode: remove a watermark. */
  removeWatermark?: Record<string, unknown>;
  speechRecognition?: Record<string, unknown>;
  /** Concat. */
  concatTemplate?: Record<string, unknown>;
  voiceSeparate?: Record<string, unknown>;
  videoMontage?: Record<string, unknown>;
  /** SDRtoHDR (sent as `SDRtoHDR`). */
  sdrToHdr?: Record<string, unknown>;
  videoProcess?: Record<string, unknown>;
  superResolution?: Record<string, unknown>;
  segment?: Record<string, unknown>;
  extractDigitalWatermark?: Record<string, unknown>;
  videoTag?: Record<string, unknown>;
  /** Tts. */
  ttsTpl?: Record<string, unknown>;
  /** Parameters of other tags, passed through with camelCase → PascalCase names. */
  [tagParameters: string]: unknown;
}

/** Where TDMQ callbacks go. */
export interface CiMqConfig {
  /** Queue | Topic */
  mqMode?: string;
  /** sh, bj, gz, cd or hk */
  mqRegion?: string;
  mqName?: string;
}
