/** InventoryTriggerJob ⇄ the CI wire: the create request, JobsDetail → outputs, and the child-job summary. */
import { toWire } from "../clients/case";
import { nodes, text, XmlNode } from "../clients/tencent/xml";
import { ChildJobSummary, InventoryTriggerJobComputed, InventoryTriggerJobInputs } from "./types";

/** How many failed objects the outputs name. */
export const MAX_FAILED_LISTED = 20;

/** The create request; `marker` goes in Operation.UserData (Type Job) when the user left it empty. */
export function toBatchRequest(inputs: InventoryTriggerJobInputs, marker?: string): XmlNode {
  const { workflowIds, ...given } = inputs.operation;
  const operation = marker && !given.userData && (inputs.type ?? "Job") === "Job" ? { ...given, userData: marker } : given;
  return toWire({
    name: inputs.name,
    type: inputs.type ?? "Job",
    input: inputs.input,
    operation: { ...operation,
      // CI takes the workflow ids as one comma-separated value.
      workflowIds: Array.isArray(workflowIds) ? workflowIds.join(",") : workflowIds },
  }) as XmlNode;
}

export function fromBatchDetail(detail: XmlNode): InventoryTriggerJobComputed {
  return {
    jobId: text(detail.JobId) ?? "",
    state: text(detail.State) ?? "",
    progress: text(detail.Progress) ?? "",
    code: text(detail.Code) ?? "",
    message: text(detail.Message) ?? "",
    times: {
      creationTime: text(detail.CreationTime) ?? "", startTime: text(detail.StartTime) ?? "",
      endTime: text(detail.EndTime) ?? "",
    },
  };
}

export function summarize(children: XmlNode[], complete: boolean): ChildJobSummary {
  const byState: Record<string, number> = {};
  const failed = [];
  for (const child of children) {
    const state = text(child.State) ?? "Unknown";
    byState[state] = (byState[state] ?? 0) + 1;
    if (state === "Failed") {
      failed.push({ jobId: text(child.JobId) ?? "", object: text(nodes(child.Input)[0]?.Object) ?? "",
        code: text(child.Code) ?? "", message: text(child.Message) ?? "" });
    }
  }
  return { total: children.length, byState, failed: failed.slice(0, MAX_FAILED_LISTED),
    truncated: !complete || failed.length > MAX_FAILED_LISTED };
}
