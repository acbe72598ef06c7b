/** CiMediaJob: the shared job lifecycle over CI's media job API. */
import type { CiClient } from "../clients/tencent/ci-client";
import {
  cancelMediaJob, CANCELLABLE_JOB_STATES, describeMediaJobs, listAllMediaJobs, listMediaJobs, MediaJob,
  submitMediaJob, TERMINAL_JOB_STATES,
} from "../clients/tencent/media-jobs";
import { ciTime } from "../clients/tencent/time";
import { SubmissionConflictError } from "../errors";
import { jobResource, JobSpec, Reported } from "../lifecycle/job-lifecycle";
import { CLOCK_SLACK_MS, submissionMarker, submitOnce } from "../lifecycle/submission";
import type { OperationEnv, Props } from "../resource/definition";
import { checkCiMediaJob } from "./check";
import { CI_MEDIA_JOB, CiMediaJobComputed, CiMediaJobInputs } from "./shape";
import { cosObjectsOf, outputsOfJob, toCreateRequest } from "./wire";

/** How far back an interrupted run's job is looked for (jobs can wait long in a paused queue). */
const IN_PROGRESS_WINDOW_MS = 24 * 3600_000;
/** Pages of 100 jobs listed once per process for all resources; a busier bucket is looked up job by job. */
const EARLIER_RUN_MAX_PAGES = 5;
/** Jobs per status request: `GET /jobs/<id1>,<id2>,…` keeps the URL well under common 8 KB limits. */
export const MAX_JOBS_PER_DESCRIBE = 50;

const inputsOf = (props: Props) => props as unknown as CiMediaJobInputs;

/** Submits the job, or adopts the one an interrupted earlier run or a lost answer left (never both). */
async function submit(props: Props, env: OperationEnv, identity: string | undefined): Promise<CiMediaJobComputed> {
  const inputs = inputsOf(props);
  const client = env.ctx.ciClient(inputs);
  const { marker, adoptable } = submissionMarker(identity, props, inputs.operation.userData);
  const request = toCreateRequest(inputs, marker);
  const job = await submitOnce({
    submit: () => submitMediaJob(client, request),
    idOf: (j) => j.jobId,
    runs: env.ctx.earlierRuns,
    findInProgress: adoptable ? () => earlierRunJob(env, client, inputs, marker) : undefined,
    find: () => lostSubmission(env, client, inputs, marker),
    log: env.log,
  });
  return outputsOfJob(job);
}

/** This resource's jobs (by the marker in their UserData) among the jobs of its tag, input and queue since `since`. */
async function jobsCarrying(client: CiClient, inputs: CiMediaJobInputs, marker: string, since: number):
  Promise<MediaJob[]> {
  const { jobs } = await listMediaJobs(client, { tag: inputs.tag, since: ciTime(since),
    inputObject: inputs.input.object, queueId: inputs.queueId });
  return jobs.filter((j) => j.userData === marker);
}

/**
 * The job of this resource that an interrupted earlier run submitted and that is still its unfinished business.
 * The jobs before this run are listed once for the whole stack; a bucket too busy for one listing is looked up for
 * this resource alone.
 */
async function earlierRunJob(env: OperationEnv, client: CiClient, inputs: CiMediaJobInputs, marker: string):
  Promise<MediaJob | undefined> {
  const runs = env.ctx.earlierRuns;
  const since = env.ctx.now() - IN_PROGRESS_WINDOW_MS;
  const key = [client.origin, client.host, inputs.tag, inputs.queueId ?? ""].join("\u0000");
  const listed = await runs.listOnce(key, () => listAllMediaJobs(client, { tag: inputs.tag, since: ciTime(since),
    until: ciTime(runs.cutoff), queueId: inputs.queueId }, EARLIER_RUN_MAX_PAGES));
  const candidates = listed.complete ? listed.jobs.filter((j) => j.userData === marker)
    : await jobsCarrying(client, inputs, marker, since);
  return candidates.find((j) => runs.stillUnfinished(TERMINAL_JOB_STATES.has(j.state), j.endedAt) &&
    runs.fromEarlierRun(j.jobId, j.createdAt));
}

/** After a lost answer: the job the submission created, if any (several carrying its marker cannot be told apart). */
async function lostSubmission(env: OperationEnv, client: CiClient, inputs: CiMediaJobInputs, marker: string):
  Promise<MediaJob | undefined> {
  const jobs = await jobsCarrying(client, inputs, marker, env.ctx.now() - CLOCK_SLACK_MS);
  if (jobs.length > 1) {
    const ids = jobs.map((j) => j.jobId);
    throw new SubmissionConflictError(marker, ids, `A submission's answer was lost and ${jobs.length} ${inputs.tag} ` +
      `jobs of ${inputs.input.object} carry its operation.userData ("${marker}"): ${ids.join(", ")}. Leave ` +
      `operation.userData empty (a unique marker is then used) or make it unique per job.`);
  }
  return jobs[0];
}

async function queryMany(props: Props, jobIds: readonly string[], env: OperationEnv):
  Promise<Map<string, Reported<CiMediaJobComputed>>> {
  const { jobs, requestId } = await describeMediaJobs(env.ctx.ciClient(inputsOf(props)), jobIds);
  const found = new Map<string, Reported<CiMediaJobComputed>>();
  for (const job of jobs) if (jobIds.includes(job.jobId)) found.set(job.jobId, { computed: outputsOfJob(job), requestId });
  return found;
}

async function query(props: Props, jobId: string, env: OperationEnv) {
  return (await queryMany(props, [jobId], env)).get(jobId);
}

/** Cancels a job that has not started running; a running one can only be forgotten. */
async function cancel(props: Props, current: CiMediaJobComputed, env: OperationEnv): Promise<string> {
  if (!CANCELLABLE_JOB_STATES.has(current.state)) {
    return `already ${current.state} and cannot be cancelled; it is forgotten, not stopped (its outputs stay in COS).`;
  }
  try {
    await cancelMediaJob(env.ctx.ciClient(inputsOf(props)), current.jobId);
    return "cancelled";
  } catch (e) {
    // It may have started running between describe and cancel: then it can only be forgotten.
    const after = (await query(props, current.jobId, env))?.computed;
    if (after && !CANCELLABLE_JOB_STATES.has(after.state)) {
      return "started running before it could be cancelled; it is forgotten, not stopped.";
    }
    throw e;
  }
}

export const CI_MEDIA_JOB_SPEC: JobSpec<CiMediaJobComputed> = {
  declaration: CI_MEDIA_JOB,
  service: "ci",
  defaultedByCloud: new Set(["queueId"]),
  terminalStates: TERMINAL_JOB_STATES,
  successState: "Success",
  check: checkCiMediaJob,
  submit,
  query,
  queryMany: {
    // One bucket's jobs share requests (credentials and endpoint are the stack's).
    batchKey: (props) => `${String(props.region)}/${String(props.bucket)}`,
    maxBatch: MAX_JOBS_PER_DESCRIBE,
    query: queryMany,
  },
  summary: (props) => `${inputsOf(props).tag} of ${inputsOf(props).input.object}`,
  cancel,
  outputObjects: async (_props, current, recorded) => cosObjectsOf([current ?? recorded]),
  recordedResult: (_props, recorded) => cosObjectsOf([recorded]),
};

/** CiMediaJob, as both forms serve it (`pulumi-mediajobs/provider/ci-media-job` in the dynamic form). */
export const CI_MEDIA_JOB_RESOURCE = jobResource("ci-media-job", CI_MEDIA_JOB_SPEC);
