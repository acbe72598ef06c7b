/** pulumi-mediajobs: Pulumi resources for cloud media processing jobs and queues. */
export { CiMediaJob } from "./ci-media-job";
export type { CiMediaJobArgs } from "./ci-media-job";
export { IProductionJob } from "./iproduction-job";
export type { IProductionJobArgs } from "./iproduction-job";
export { MediaPipeline } from "./media-pipeline";
export type { MediaPipelineArgs } from "./media-pipeline";
export type {
  CiMediaInfo, CiOperation, CiOutput, CiOutputObject, CiSmartCover,
} from "../provider/ci-media-job/types";
export type { CoverFrame, IProductionResult, MusicSegment } from "../provider/iproduction-job/types";
export type {
  AlicloudNotifyConfig, QueueSettings, TencentcloudNotifyConfig,
} from "../provider/media-pipeline/types";
