/** MediaPipeline inputs and outputs as the provider sees them: an MPS pipeline, or an adopted CI queue. */
import type { MpsPipeline } from "../clients/alibaba/pipelines";

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

/** What MPS reports of the pipeline; of its notification, only what a program can set (topic or queueName). */
export type AlicloudPipelineComputed = Omit<MpsPipeline, "notifyConfig"> & { notifyConfig?: AlicloudNotifyConfig };

/** A CI queue's notification settings, as `PUT /queue` takes them (camelCase). */
export interface TencentcloudNotifyConfig {
  /** On | Off */
  state?: string;
  /** The callback URL (type Url). */
  url?: string;
  /** Url | TDMQ */
  type?: string;
  /** Which events notify, e.g. TaskFinish,WorkflowFinish. */
  event?: string;
  /** XML | JSON */
  resultFormat?: string;
  /** TDMQ: Queue | Topic, region and name. */
  mqMode?: string;
  mqRegion?: string;
  mqName?: string;
}

export interface TencentcloudPipelineInputs {
  cloud: "tencentcloud";
  /** `<BucketName-APPID>` with media processing enabled. */
  bucket: string;
  region?: string;
  /** The queue to adopt; without it, the bucket's only queue of `category`. */
  queueId?: string;
  /** Transcoding (default) or SpeedTranscoding: which queue to adopt when `queueId` is omitted. */
  category?: string;
  /** Omitted settings keep the queue's own. */
  name?: string;
  state?: "Active" | "Paused";
  notifyConfig?: TencentcloudNotifyConfig;
}

/** What the queue held when it was adopted; restored on destroy. */
export interface QueueSettings {
  name: string;
  state: string;
  notifyConfig: TencentcloudNotifyConfig;
}

export interface TencentcloudPipelineComputed {
  pipelineId: string;
  queueId: string;
  name: string;
  state: string;
  category: string;
  notifyConfig?: TencentcloudNotifyConfig;
  maxSize?: number;
  maxConcurrent?: number;
  /** The queue's settings before adoption. */
  original: QueueSettings;
}

export type MediaPipelineInputs = AlicloudPipelineInputs | TencentcloudPipelineInputs;
export type MediaPipelineOutputs = (AlicloudPipelineInputs & AlicloudPipelineComputed) |
  (TencentcloudPipelineInputs & TencentcloudPipelineComputed);
