/**
 * CiMediaJob inputs and outputs as the provider sees them (resolved values). The Args mirror the vendor request one
 * to one: same nesting, vendor names in camelCase (design §2).
 */
import type { JobOutputObject, MediaInfoReport, MediaJob } from "../clients/tencent/media-jobs";
import type { WaitKnobs } from "../lifecycle/wait-knobs";
import type { CiMqConfig, CiOutput, CiTagParameters } from "../ci-operation/types";

/** The tag's parameters (a template, or the nodes of the tag), the output, userData and jobLevel. */
export interface CiOperation extends CiTagParameters {
  output?: CiOutput;
  /** Printable ASCII, at most 1024 characters. */
  userData?: string;
  /** 0, 1 or 2; higher runs first. */
  jobLevel?: number;
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

/**
 * What CI reports of the job: its id and state (CI's spelling), result code and message, times, the queue it ran
 * in (the one given, or the bucket's default), the objects and sprite sheets it wrote, and MediaInfo.
 */
export type CiMediaJobComputed = Pick<MediaJob, "jobId" | "state" | "code" | "message" | "creationTime" |
  "startTime" | "endTime" | "queueId" | "outputObjects" | "spriteObjects" | "mediaInfo">;

export type CiMediaJobOutputs = CiMediaJobInputs & CiMediaJobComputed;
