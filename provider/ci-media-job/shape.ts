/**
 * The names of CiMediaJob's inputs and outputs: the one list the provider, the SDK class and the README are checked
 * against (test/unit/shape-agreement.test.ts).
 */
export const CI_MEDIA_JOB_SHAPE = {
  inputs: [
    "bucket", "region", "tag", "input", "operation", "queueId", "queueType", "callBack", "callBackFormat",
    "callBackType", "callBackMqConfig", "triggers", "timeoutSeconds", "skipAwait",
  ],
  /** What the cloud reports (outputs hold every input too). */
  outputs: [
    "jobId", "state", "code", "message", "creationTime", "startTime", "endTime", "queueId", "outputObjects",
    "spriteObjects", "mediaInfo",
  ],
} as const;
