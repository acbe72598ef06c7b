/** InventoryTriggerJob inputs and outputs: CI's `POST /inventorytriggerjob` request in camelCase. */
import type { CiMqConfig, CiOutput, CiTagParameters } from "../ci-operation/types";
import type { WaitKnobs } from "../lifecycle/wait-knobs";

export interface BatchInput {
  /** A COS inventory manifest.json. */
  manifest?: string;
  /** A file listing object URLs. */
  urlFile?: string;
  /** Every object under this prefix. */
  prefix?: string;
  /** One object. */
  object?: string;
}

export interface BatchOperation {
  /** Only objects uploaded in this window, `%Y-%m-%dT%H:%M:%S%z` (e.g. 2024-01-01T00:00:00+0800). */
  timeInterval?: { start?: string; end?: string };
  /** Type Job: the media job to run on each object. */
  tag?: string;
  /** Type Job: a template, or the tag's parameters (`transcode`, `smartCover`, `snapshot`, …). */
  jobParam?: CiTagParameters;
  /** Type Job: where each object's result goes; `${InventoryTriggerJobId}` may appear in the object name. */
  output?: CiOutput;
  /** Type Job: the queue the child jobs run in (required). */
  queueId?: string;
  userData?: string;
  jobLevel?: number;
  callBack?: string;
  callBackFormat?: string;
  callBackType?: string;
  callBackMqConfig?: CiMqConfig;
  /** Type Workflow: the workflows to trigger (required). */
  workflowIds?: string[] | string;
}

export interface InventoryTriggerJobInputs extends WaitKnobs {
  bucket: string;
  region?: string;
  /** At most 128 letters, digits, `-` and `_`. */
  name: string;
  /** Job (default) or Workflow. */
  type?: string;
  input: BatchInput;
  operation: BatchOperation;
}

/** One child job that failed. */
export interface FailedObject {
  jobId: string;
  object: string;
  code: string;
  message: string;
}

/** Type Job: what happened to the objects. */
export interface ChildJobSummary {
  total: number;
  /** Counts by CI state (Success, Failed, Cancel, Running, …). */
  byState: Record<string, number>;
  /** The failed objects with their codes (at most 20). */
  failed: FailedObject[];
  /** True when there were more child jobs (or failures) than were read. */
  truncated: boolean;
}

export interface InventoryTriggerJobComputed {
  jobId: string;
  state: string;
  /** Percent of objects processed, as CI reports it (e.g. `66%`). */
  progress: string;
  code: string;
  message: string;
  times: { creationTime: string; startTime: string; endTime: string };
  childJobs?: ChildJobSummary;
}

export type InventoryTriggerJobOutputs = InventoryTriggerJobInputs & InventoryTriggerJobComputed;
