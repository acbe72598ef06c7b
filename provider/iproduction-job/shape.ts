/**
 * The names of IProductionJob's inputs and outputs: the one list the provider, the SDK class and the README are
 * checked against (test/unit/shape-agreement.test.ts).
 */
export const IPRODUCTION_JOB_SHAPE = {
  inputs: [
    "region", "functionName", "input", "output", "jobParams", "modelId", "pipelineId", "notifyUrl", "userData",
    "scheduleParams", "triggers", "timeoutSeconds", "skipAwait",
  ],
  /** What the cloud reports (outputs hold every input too). */
  outputs: ["jobId", "state", "code", "message", "result", "outputFiles", "pipelineId"],
} as const;
