/**
 * The names of InventoryTriggerJob's inputs and outputs: the one list the provider, the SDK class and the README are
 * checked against (test/unit/shape-agreement.test.ts).
 */
export const INVENTORY_TRIGGER_JOB_SHAPE = {
  inputs: ["bucket", "region", "name", "type", "input", "operation", "triggers", "timeoutSeconds", "skipAwait"],
  /** What the cloud reports (outputs hold every input too). */
  outputs: ["jobId", "state", "progress", "code", "message", "times", "childJobs"],
} as const;
