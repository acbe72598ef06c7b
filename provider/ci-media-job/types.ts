/**
 * CiMediaJob inputs and outputs as the provider sees them (resolved values). The Args mirror the vendor request one
 * to one: same nesting, vendor names in camelCase (design §2).
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

export interface CiOperation {
  /** A template id; it wins over inline parameters. */
  templateId?: string;
  smartCover?: CiSmartCover;
  snapshot?: CiSnapshot;
  transcode?: CiTranscode;
  animation?: CiAnimation;
  output?: CiOutput;
  /** Printable ASCII, at most 1024 characters. */
  userData?: string;
  /** 0, 1 or 2; higher runs first. */
  jobLevel?: number;
  /** Parameters of other tags, passed through with camelCase → PascalCase names. */
  [tagParameters: string]: unknown;
}

/** The knobs of our own that steer waiting; changing them never submits a new job. */
export interface WaitKnobs {
  /** Any values; a change re-runs the job. */
  triggers?: unknown[];
  /** How long create waits for a terminal state (default 1800). */
  timeoutSeconds?: number;
  /** Return as soon as the job is submitted. */
  skipAwait?: boolean;
}

export interface CiMediaJobInputs extends WaitKnobs {
  bucket: string;
  region?: string;
  tag: string;
  input: { object: string };
  operation: CiOperation;
  queueId?: string;
  /** SpeedTranscoding sends the job to the bucket's speed queue. */
  queueType?: string;
  /** A URL for this job's callback, or `no` to turn off the queue's callback for it. */
  callBack?: string;
  callBackFormat?: string;
  callBackType?: string;
  callBackMqConfig?: { mqMode?: string; mqRegion?: string; mqName?: string };
}

/** One object the job wrote. */
export interface CiOutputObject {
  bucket: string;
  region: string;
  object: string;
  md5?: string;
}

/** MediaInfo as CI reports it, keys in camelCase, values strings. */
export interface CiMediaInfo {
  format?: Record<string, string>;
  stream?: { video?: Record<string, string>[]; audio?: Record<string, string>[]; subtitle?: unknown };
  [key: string]: unknown;
}

export interface CiMediaJobComputed {
  jobId: string;
  /** The cloud's own spelling: Submitted, Running, Success, Failed, Pause, Cancel. */
  state: string;
  code: string;
  message: string;
  creationTime: string;
  startTime: string;
  endTime: string;
  /** The queue the job ran in (the one given, or the bucket's default). */
  queueId: string;
  outputObjects: CiOutputObject[];
  /** Snapshot: the sprite sheets written. */
  spriteObjects: CiOutputObject[];
  mediaInfo?: CiMediaInfo;
}

export type CiMediaJobOutputs = CiMediaJobInputs & CiMediaJobComputed;
