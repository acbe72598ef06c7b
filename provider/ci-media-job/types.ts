/**
 * CiMediaJob inputs and outputs as the provider sees them (resolved values). The Args mirror the vendor request one
 * to one: same nesting, vendor names in camelCase (design §2).
 */
import type { JobOutputObject, MediaInfoReport } from "../clients/tencent/media-jobs";
import type { WaitKnobs } from "../lifecycle/wait-knobs";
import type {
  CiAnimation, CiMqConfig, CiOutput, CiSmartCover, CiSnapshot, CiTranscode,
} from "../ci-operation/types";

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
  callBackMqConfig?: CiMqConfig;
}

/** One object the job wrote, with its MD5 where CI gives it. */
export type CiOutputObject = JobOutputObject;

/** MediaInfo as CI reports it, keys in camelCase, values strings. */
export type CiMediaInfo = MediaInfoReport;

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
