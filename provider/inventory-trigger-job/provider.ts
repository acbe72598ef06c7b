/**
 * The InventoryTriggerJob dynamic provider: the shared job lifecycle over CI batch jobs. For Type Job, the outputs
 * summarize the child jobs (counts by state, failed objects). Delete cancels a batch that has not finished.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  cancelBatchJob, describeBatchJob, listBatchChildren, listBatchJobs, submitBatchJob,
} from "../clients/tencent/batch-jobs";
import { nodes, text, XmlNode } from "../clients/tencent/xml";
import { ValidationError } from "../errors";
import { fromEarlierRun, stillOurs, submissionMarker, submitOnce } from "../lifecycle/submission";
import { parseCiTime } from "../clients/tencent/time";
import { TERMINAL_JOB_STATES } from "../clients/tencent/media-jobs";
import { createJobProvider, JobProviderOptions, JobSpec } from "../lifecycle/job-provider";
import { ciClientFor } from "../clients/resource-clients";
import { checkInventoryTriggerJob } from "./check";
import { INVENTORY_TRIGGER_JOB_SHAPE } from "./shape";
import { InventoryTriggerJobComputed, InventoryTriggerJobInputs } from "./types";
import { fromBatchDetail, summarize, toBatchRequest } from "./wire";


type Props = Record<string, unknown>;

function clientFor(props: Props) {
  return ciClientFor(props as unknown as InventoryTriggerJobInputs);
}

async function describe(props: Props, jobId: string) {
  const inputs = props as unknown as InventoryTriggerJobInputs;
  const client = clientFor(props);
  const { detail, requestId } = await describeBatchJob(client, jobId);
  if (!detail) return undefined;
  const computed = fromBatchDetail(detail);
  // Child jobs are read once the batch has ended: while it runs, the counts only churn.
  if ((inputs.type ?? "Job") === "Job" && TERMINAL_JOB_STATES.has(computed.state) && inputs.operation.tag) {
    const { jobs, complete } = await listBatchChildren(client, { tag: inputs.operation.tag,
      queueId: inputs.operation.queueId, batchId: jobId });
    computed.childJobs = summarize(jobs, complete);
  }
  return { computed, requestId };
}

export const INVENTORY_TRIGGER_JOB_SPEC: JobSpec<InventoryTriggerJobComputed> = {
  kind: "InventoryTriggerJob",
  service: "ci",
  inputNames: INVENTORY_TRIGGER_JOB_SHAPE.inputs,
  computedNames: INVENTORY_TRIGGER_JOB_SHAPE.outputs,
  terminalStates: TERMINAL_JOB_STATES,
  successState: "Success",
  check: checkInventoryTriggerJob,
  async submit(props, log) {
    const inputs = props as unknown as InventoryTriggerJobInputs;
    const client = clientFor(props);
    const type = inputs.type ?? "Job";
    const { marker, adoptable } = submissionMarker(props, inputs.operation.userData);
    const request = toBatchRequest(inputs, marker);
    const startedAt = Date.now() - 60_000;
    const byMarker = (b: XmlNode) => text(nodes(b.Operation)[0]?.UserData) === marker;
    return submitOnce({
      submit: async () => fromBatchDetail(await submitBatchJob(client, request)),
      idOf: (batch) => batch.jobId,
      findInProgress: type !== "Job" || !adoptable ? undefined : async () => {
        const running = (await listBatchJobs(client, { name: inputs.name, type })).find((b) => byMarker(b) &&
          stillOurs(TERMINAL_JOB_STATES.has(text(b.State) ?? ""), parseCiTime(text(b.EndTime))) &&
          fromEarlierRun(text(b.JobId) ?? "", parseCiTime(text(b.CreationTime))));
        return running && fromBatchDetail(running);
      },
      async find() {
        // Batches are listed by name; the marker (Type Job) or the creation time (Workflow) tells ours apart.
        const candidates = (await listBatchJobs(client, { name: inputs.name, type })).filter((b) => type === "Job"
          ? byMarker(b)
          : parseCiTime(text(b.CreationTime)) >= startedAt);
        if (candidates.length > 1) {
          throw new ValidationError(`A batch submission's answer was lost and ${candidates.length} batches named ` +
            `"${inputs.name}" could be it (${candidates.map((b) => text(b.JobId)).join(", ")}); give each batch a ` +
            `unique name, or (Type Job) leave operation.userData empty so a unique marker is used.`);
        }
        return candidates[0] && fromBatchDetail(candidates[0]);
      },
      log,
    });
  },
  describe,
  summary: (props) => {
    const { name, type, input, operation } = props as unknown as InventoryTriggerJobInputs;
    const what = (type ?? "Job") === "Job" ? operation.tag : "workflows";
    const over = input.prefix !== undefined ? `prefix ${input.prefix}` : input.object ?? input.manifest ?? input.urlFile;
    return `${name}: ${what} over ${over}`;
  },
  async cancel(props, current) {
    await cancelBatchJob(clientFor(props), current.jobId);
    return `cancelled (it was ${current.state}); child jobs that had not started are cancelled with it.`;
  },
};

export function createInventoryTriggerJobProvider(options: JobProviderOptions = {}): dynamic.ResourceProvider {
  return createJobProvider(INVENTORY_TRIGGER_JOB_SPEC, options);
}

/** The provider that `pulumi-mediajobs`' InventoryTriggerJob resources use. */
export const inventoryTriggerJobProvider: dynamic.ResourceProvider = createInventoryTriggerJobProvider();
