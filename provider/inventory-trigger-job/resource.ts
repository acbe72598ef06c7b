/**
 * InventoryTriggerJob: the shared job lifecycle over CI batch jobs. For Type Job, the outputs summarize the child
 * jobs (counts by state, failed objects). Delete cancels a batch that has not finished.
 */
import {
  BatchJob, cancelBatchJob, describeBatchJob, listBatchChildren, listBatchJobs, submitBatchJob,
} from "../clients/tencent/batch-jobs";
import type { CiClient } from "../clients/tencent/ci-client";
import { listAllMediaJobs, TERMINAL_JOB_STATES } from "../clients/tencent/media-jobs";
import { cosObjectsOf } from "../ci-media-job/wire";
import { SubmissionConflictError } from "../errors";
import { jobResource, JobSpec, Reported } from "../lifecycle/job-lifecycle";
import { CLOCK_SLACK_MS, submissionMarker, submitOnce } from "../lifecycle/submission";
import type { OperationEnv, Props } from "../resource/definition";
import { checkInventoryTriggerJob } from "./check";
import { INVENTORY_TRIGGER_JOB, InventoryTriggerJobComputed, InventoryTriggerJobInputs } from "./shape";
import { outputPrefixes, outputsOfBatch, summarize, toBatchRequest } from "./wire";

/** Pages of 100 child jobs read to delete their outputs: every child of a batch of up to 100,000 objects. */
const ALL_CHILD_PAGES = 1000;

const inputsOf = (props: Props) => props as unknown as InventoryTriggerJobInputs;
const typeOf = (inputs: InventoryTriggerJobInputs) => inputs.type ?? "Job";

/** Submits the batch, or adopts the one an interrupted earlier run or a lost answer left (never both). */
async function submit(props: Props, env: OperationEnv, identity: string | undefined):
  Promise<InventoryTriggerJobComputed> {
  const inputs = inputsOf(props);
  const client = env.ctx.ciClient(inputs);
  const { marker, adoptable } = submissionMarker(identity, props, inputs.operation.userData);
  const request = toBatchRequest(inputs, marker);
  const submittedSince = env.ctx.now() - CLOCK_SLACK_MS;
  const batch = await submitOnce({
    submit: () => submitBatchJob(client, request),
    idOf: (b) => b.jobId,
    runs: env.ctx.earlierRuns,
    // Only Type Job carries the marker: a Workflow batch cannot be recognised as an earlier run's.
    findInProgress: typeOf(inputs) === "Job" && adoptable ? () => earlierRunBatch(env, client, inputs, marker)
      : undefined,
    find: () => lostSubmission(client, inputs, marker, submittedSince),
    log: env.log,
  });
  return outputsOfBatch(batch);
}

async function earlierRunBatch(env: OperationEnv, client: CiClient, inputs: InventoryTriggerJobInputs, marker: string):
  Promise<BatchJob | undefined> {
  const runs = env.ctx.earlierRuns;
  return (await listBatchJobs(client, { name: inputs.name, type: typeOf(inputs) })).find((b) =>
    b.userData === marker && runs.stillUnfinished(TERMINAL_JOB_STATES.has(b.state), b.endedAt) &&
    runs.fromEarlierRun(b.jobId, b.createdAt));
}

/**
 * After a lost answer: the batch the submission created, if any. Batches are listed by name; the marker (Type Job)
 * or the creation time (Workflow) tells ours apart, and several candidates cannot be told apart.
 */
async function lostSubmission(client: CiClient, inputs: InventoryTriggerJobInputs, marker: string,
  submittedSince: number): Promise<BatchJob | undefined> {
  const candidates = (await listBatchJobs(client, { name: inputs.name, type: typeOf(inputs) }))
    .filter((b) => typeOf(inputs) === "Job" ? b.userData === marker : b.createdAt >= submittedSince);
  if (candidates.length > 1) {
    const ids = candidates.map((b) => b.jobId);
    throw new SubmissionConflictError(marker, ids, `A batch submission's answer was lost and ${candidates.length} ` +
      `batches named "${inputs.name}" could be it (${ids.join(", ")}); give each batch a unique name, or (Type Job) ` +
      `leave operation.userData empty so a unique marker is used.`);
  }
  return candidates[0];
}

async function query(props: Props, jobId: string, env: OperationEnv):
  Promise<Reported<InventoryTriggerJobComputed> | undefined> {
  const inputs = inputsOf(props);
  const client = env.ctx.ciClient(inputs);
  const { batch, requestId } = await describeBatchJob(client, jobId);
  if (!batch) return undefined;
  const computed = outputsOfBatch(batch);
  // Child jobs are read once the batch has ended: while it runs, the counts only churn.
  if (typeOf(inputs) === "Job" && TERMINAL_JOB_STATES.has(computed.state) && inputs.operation.tag) {
    const { jobs, complete } = await listBatchChildren(client, { tag: inputs.operation.tag,
      queueId: inputs.operation.queueId, batchId: jobId });
    computed.childJobs = summarize(jobs, complete);
  }
  return { computed, requestId };
}

function summary(props: Props): string {
  const { name, input, operation } = inputsOf(props);
  const what = typeOf(inputsOf(props)) === "Job" ? operation.tag : "workflows";
  const over = input.prefix !== undefined ? `prefix ${input.prefix}` : input.object ?? input.manifest ?? input.urlFile;
  return `${name}: ${what} over ${over}`;
}

export const INVENTORY_TRIGGER_JOB_SPEC: JobSpec<InventoryTriggerJobComputed> = {
  declaration: INVENTORY_TRIGGER_JOB,
  service: "ci",
  terminalStates: TERMINAL_JOB_STATES,
  successState: "Success",
  check: checkInventoryTriggerJob,
  submit,
  query,
  summary,
  // CI reports the share of objects processed while the batch runs.
  progress: (current) => current.progress ? `${current.progress} of the objects processed` : undefined,
  async cancel(props, current, env) {
    await cancelBatchJob(env.ctx.ciClient(inputsOf(props)), current.jobId);
    return `cancelled (it was ${current.state}); child jobs that had not started are cancelled with it.`;
  },
  /** What every child job reported writing (Type Job; a workflow's outputs are its own). */
  async outputObjects(props, _current, recorded, env) {
    const inputs = inputsOf(props);
    if (typeOf(inputs) !== "Job" || !inputs.operation.tag) return [];
    const { jobs } = await listAllMediaJobs(env.ctx.ciClient(inputs), { tag: inputs.operation.tag,
      queueId: inputs.operation.queueId, batchId: recorded.jobId }, ALL_CHILD_PAGES);
    return cosObjectsOf(jobs);
  },
  /** The child jobs are not recorded one by one: where the output names say, the prefix they were written under. */
  recordedResult(props, recorded) {
    const inputs = inputsOf(props);
    const output = typeOf(inputs) === "Job" ? inputs.operation.output : undefined;
    return output ? outputPrefixes(output, recorded.jobId).map((key) => ({ service: "cos" as const,
      bucket: output.bucket, region: output.region, key, prefix: true as const })) : [];
  },
};

/** InventoryTriggerJob, as both forms serve it (`pulumi-mediajobs/provider/inventory-trigger-job`, dynamic). */
export const INVENTORY_TRIGGER_JOB_RESOURCE = jobResource("inventory-trigger-job", INVENTORY_TRIGGER_JOB_SPEC);
