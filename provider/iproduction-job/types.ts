/** IProductionJob inputs and outputs as the provider sees them: SubmitIProductionJob's parameters in camelCase. */
import type { WaitKnobs } from "../lifecycle/wait-knobs";

export interface IProductionJobInputs extends WaitKnobs {
  /** MPS region (falls back to `alicloud:region`). */
  region?: string;
  /** The algorithm, e.g. Cover, ImageCartoonize, CaptionExtraction. */
  functionName: string;
  /** `oss://<bucket>.oss-<region>.aliyuncs.com/<object>` */
  input?: string;
  /** `oss://<bucket>.oss-<region>.aliyuncs.com/<object>` with `{source}`, `{timestamp}`, `{sequenceId}`, `{resultType}`. */
  output?: string;
  /** The algorithm's parameters, sent as a JSON string. */
  jobParams?: Record<string, unknown>;
  modelId?: string;
  /** A pipeline id; without it MPS uses the default pipeline (10 concurrent jobs, no notification). */
  pipelineId?: string;
  /** An MNS queue: `mns://<accountId>.mns.<region>.aliyuncs.com/queues/<queue>`. */
  notifyUrl?: string;
  userData?: string;
  /** Scheduling parameters: an object (sent as JSON) or a JSON string. */
  scheduleParams?: Record<string, unknown> | string;
}

/** Cover: one scored frame. */
export interface CoverFrame {
  score: number;
  /** Seconds into the video. */
  time: number;
  url: string;
}

/** MusicSegmentDetect: one segment. */
export interface MusicSegment {
  start: number;
  end: number;
  title: string;
}

/** The job's Result, both JSON levels parsed; `data` is typed for the algorithms listed in the README. */
export interface IProductionResult {
  code: string;
  message: string;
  data?: unknown;
}

export interface IProductionJobComputed {
  jobId: string;
  /** MPS's spelling: Queuing, Analysing, Success, Fail. */
  state: string;
  code: string;
  message: string;
  result?: IProductionResult;
  /** The objects the job wrote, as full `oss://` URLs. */
  outputFiles: string[];
  /** The pipeline the job ran in: the one given, or the region's default one MPS chose. */
  pipelineId: string;
}

export type IProductionJobOutputs = IProductionJobInputs & IProductionJobComputed;
