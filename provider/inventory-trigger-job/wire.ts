/** InventoryTriggerJob ⇄ the CI wire: the create request, the outputs of a described batch, the child-job summary. */
import { toWire } from "../clients/case";
import type { BatchJob } from "../clients/tencent/batch-jobs";
import type { MediaJob } from "../clients/tencent/media-jobs";
import type { XmlNode } from "../clients/xml";
import type { CiOutput } from "../ci-operation/shape";
import { ChildJobSummary, FailedObject, InventoryTriggerJobComputed, InventoryTriggerJobInputs } from "./shape";

/** How many failed objects the outputs name. */
export const MAX_FAILED_LISTED = 20;

/**
 * The create request; `marker` goes in Operation.UserData (Type Job) when the user left it empty. Type Job always
 * sends JobParam (the document marks it required), empty for a tag that takes no parameters.
 */
export function toBatchRequest(inputs: InventoryTriggerJobInputs, marker?: string): XmlNode {
  const { workflowIds, ...given } = inputs.operation;
  const job = (inputs.type ?? "Job") === "Job";
  const operation = job ? { ...given, jobParam: given.jobParam ?? {} } : given;
  if (job && marker && !given.userData) operation.userData = marker;
  return toWire({
    name: inputs.name,
    type: inputs.type ?? "Job",
    input: inputs.input,
    operation: { ...operation,
      // CI takes the workflow ids as one comma-separated value.
      workflowIds: Array.isArray(workflowIds) ? workflowIds.join(",") : workflowIds },
  }) as XmlNode;
}

/** The outputs of a described batch (the child jobs are summarised separately, once it has ended). */
export function outputsOfBatch(batch: BatchJob): InventoryTriggerJobComputed {
  return {
    jobId: batch.jobId, state: batch.state, progress: batch.progress, code: batch.code, message: batch.message,
    times: { creationTime: batch.creationTime, startTime: batch.startTime, endTime: batch.endTime },
  };
}

export function summarize(children: MediaJob[], complete: boolean): ChildJobSummary {
  const byState: Record<string, number> = {};
  const failed: FailedObject[] = [];
  for (const child of children) {
    const state = child.state || "Unknown";
    byState[state] = (byState[state] ?? 0) + 1;
    if (state === "Failed") {
      failed.push({ jobId: child.jobId, object: child.inputObject, code: child.code, message: child.message });
    }
  }
  return { total: children.length, byState, failed: failed.slice(0, MAX_FAILED_LISTED),
    truncated: !complete || failed.length > MAX_FAILED_LISTED };
}

/**
 * The prefixes a batch's child jobs wrote under: each output name up to its first placeholder other than
 * `${InventoryTriggerJobId}` (the batch's id), e.g. `out/b1234/` for `out/${InventoryTriggerJobId}/${InputName}.jpg`.
 * A name that starts with a placeholder says nothing: it gives no prefix.
 */
export function outputPrefixes(output: CiOutput, batchId: string): string[] {
  const names = [output.object, output.spriteObject, output.auObject,
    ...(output.streamExtract ?? []).map((s) => s.object)];
  const prefixes = names.flatMap((name) => {
    if (name === undefined) return [];
    const expanded = name.replace(/\$\{InventoryTriggerJobId\}/g, batchId);
    const cut = expanded.indexOf("${");
    const prefix = cut < 0 ? expanded : expanded.slice(0, cut);
    return prefix ? [prefix] : [];
  });
  return [...new Set(prefixes)];
}
