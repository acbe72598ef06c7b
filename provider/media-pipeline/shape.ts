/**
 * The names of MediaPipeline's inputs and outputs, for both clouds: the one list the provider, the SDK class and the
 * README are checked against (test/unit/shape-agreement.test.ts).
 */
export const MEDIA_PIPELINE_SHAPE = {
  inputs: ["cloud", "region", "name", "state", "speed", "speedLevel", "notifyConfig", "role", "bucket", "queueId",
    "category"],
  /** What the cloud reports (outputs hold every input too): MPS pipelines and CI queues. */
  outputs: ["pipelineId", "name", "state", "speed", "speedLevel", "quotaAllocate", "notifyConfig", "role", "queueId",
    "category", "maxSize", "maxConcurrent", "original"],
} as const;
