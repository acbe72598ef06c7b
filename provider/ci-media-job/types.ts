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
  queueType?: string;
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
  mediaInfo?: CiMediaInfo;
}

export type CiMediaJobOutputs = CiMediaJobInputs & CiMediaJobComputed;
