/** pulumi-mediajobs: Pulumi resources for cloud media processing jobs and queues. */
export { CiMediaJob } from "./ci-media-job";
export type { CiMediaJobArgs } from "./ci-media-job";
export { IProductionJob } from "./iproduction-job";
export type { IProductionJobArgs } from "./iproduction-job";
export { InventoryTriggerJob } from "./inventory-trigger-job";
export type { InventoryTriggerJobArgs } from "./inventory-trigger-job";
export { MediaPipeline } from "./media-pipeline";
export type { MediaPipelineArgs } from "./media-pipeline";
export type { CiMediaInfo, CiOperation, CiOutputObject } from "../provider/ci-media-job/shape";
export type {
  CiAnimation, CiMqConfig, CiOutput, CiSmartCover, CiSnapshot, CiTimeInterval, CiTranscode,
} from "../provider/ci-operation/shape";
export type { JobKnobs, WaitKnobs } from "../provider/lifecycle/job-knobs";
export type { CoverFrame, IProductionResult, MusicSegment } from "../provider/iproduction-job/shape";
export type {
  BatchInput, BatchOperation, ChildJobSummary, FailedObject,
} from "../provider/inventory-trigger-job/shape";
export type {
  AlicloudNotifyConfig, QueueSettings, TencentcloudNotifyConfig,
} from "../provider/media-pipeline/shape";
