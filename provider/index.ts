/**
 * `pulumi-mediajobs/provider`: the dynamic providers behind the resources. They take the resolved resource args
 * (same camelCase names as the resource Args) and work without the Pulumi engine, reading credentials from the
 * environment when `configure` was not called.
 */
export {
  ciMediaJobProvider, createCiMediaJobProvider, createInventoryTriggerJobProvider, createIProductionJobProvider,
  createMediaPipelineProvider, inventoryTriggerJobProvider, iproductionJobProvider, mediaPipelineProvider,
} from "./providers";
export type {
  CiMediaJobProviderOptions, DynamicProviderOptions, JobProviderOptions, MediaPipelineProviderOptions,
} from "./providers";
export type {
  CiMediaJobComputed, CiMediaJobInputs, CiMediaJobOutputs, CiMediaInfo, CiOperation, CiOutputObject,
} from "./ci-media-job/shape";
export type {
  CiAnimation, CiMqConfig, CiOutput, CiSmartCover, CiSnapshot, CiTimeInterval, CiTranscode,
} from "./ci-operation/shape";
export type { JobKnobs, WaitKnobs } from "./lifecycle/job-knobs";
export type {
  BatchInput, BatchOperation, ChildJobSummary, FailedObject, InventoryTriggerJobComputed, InventoryTriggerJobInputs,
  InventoryTriggerJobOutputs,
} from "./inventory-trigger-job/shape";
export type {
  CoverFrame, IProductionJobComputed, IProductionJobInputs, IProductionJobOutputs, IProductionResult, MusicSegment,
} from "./iproduction-job/shape";
export type {
  AlicloudNotifyConfig, AlicloudPipelineComputed, AlicloudPipelineInputs, MediaPipelineInputs, MediaPipelineOutputs,
  QueueSettings, TencentcloudNotifyConfig, TencentcloudPipelineComputed, TencentcloudPipelineInputs,
} from "./media-pipeline/shape";
export {
  AmbiguousSubmissionError, CloudApiError, ConfigurationError, CredentialError, InvalidResponseError, JobFailedError, JobNotFoundError,
  MediaJobsError, NotInitializedError, QueueAdoptionError, SubmissionConflictError, TransportError, ValidationError,
  WaitTimeoutError,
} from "./errors";
export type { CloudApiErrorInit, NotInitializedReason, Service } from "./errors";
export { ProviderContext } from "./lifecycle/provider-context";
export type { ProviderContextOptions, ProviderOptions } from "./lifecycle/provider-context";
