/**
 * What a CI media operation holds, for CiMediaJob (`operation`) and InventoryTriggerJob (`operation.jobParam` and
 * `operation.output`) alike: the parameters of the typed tags, the output, and the TDMQ callback settings.
 */

/** Tags whose jobs need no Output (the result is in the job description itself). */
export const TAGS_WITHOUT_OUTPUT: ReadonlySet<string> =
  new Set(["MediaInfo", "VideoTag", "ExtractDigitalWatermark", "QualityEstimate"]);

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
  /** Object name; may hold the placeholders `${Number}`, `${jobid}`, `${ext}`, sent literally. */
  object: string;
  spriteObject?: string;
}

/** Where TDMQ callbacks go. */
export interface CiMqConfig {
  /** Queue | Topic */
  mqMode?: string;
  mqRegion?: string;
  mqName?: string;
}
