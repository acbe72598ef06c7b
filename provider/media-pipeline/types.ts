/** MediaPipeline inputs and outputs as the provider sees them (MPS pipelines; CI queues come later). */

export interface AlicloudNotifyConfig {
  /** An MNS topic. */
  topic?: string;
  /** An MNS queue. */
  queueName?: string;
}

export interface AlicloudPipelineInputs {
  cloud: "alicloud";
  /** MPS region (falls back to `alicloud:region`). */
  region?: string;
  /** At most 128 bytes. */
  name: string;
  /** Active (default) or Paused: queued jobs wait, running jobs go on. */
  state?: "Active" | "Paused";
  /** Standard (default), Boost, NarrowBandHDV2, AIVideoCover, AIVideoTag, … Cannot change: replaces. */
  speed?: string;
  /** 1–3. Cannot change: replaces. */
  speedLevel?: number;
  /** Where MPS sends job notifications: one MNS topic or one MNS queue. */
  notifyConfig?: AlicloudNotifyConfig;
  /** A RAM role for MPS to assume. */
  role?: string;
}

export interface AlicloudPipelineComputed {
  pipelineId: string;
  name: string;
  state: string;
  speed: string;
  speedLevel?: number;
  quotaAllocate?: number;
  notifyConfig?: AlicloudNotifyConfig;
  role?: string;
}

export type MediaPipelineInputs = AlicloudPipelineInputs;
export type MediaPipelineOutputs = AlicloudPipelineInputs & AlicloudPipelineComputed;
