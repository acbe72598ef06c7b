/** The CiMediaJob dynamic provider: the shared job lifecycle over CI's media job API. */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { CiClient } from "../clients/tencent/ci-client";
import {
  cancelMediaJob, CANCELLABLE_JOB_STATES, describeMediaJobs, listAllMediaJobs, listMediaJobs, submitMediaJob,
  TERMINAL_JOB_STATES,
} from "../clients/tencent/media-jobs";
import { ciTime, parseCiTime } from "../clients/tencent/time";
import { nodes, text, XmlNode } from "../clients/tencent/xml";
import { ValidationError } from "../errors";
import { EARLIER_RUN_CUTOFF, fromEarlierRun, stillOurs, submissionMarker, submitOnce } from "../lifecycle/submission";
import { createJobProvider, Described, JobProviderOptions, JobSpec } from "../lifecycle/job-provider";
import { ciClientFor } from "../clients/resource-clients";
import { checkCiMediaJob } from "./check";
import { CI_MEDIA_JOB_SHAPE } from "./shape";
import { CiMediaJobComputed, CiMediaJobInputs } from "./types";
import { fromJobsDetail, toCreateRequest } from "./wire";


export type CiMediaJobProviderOptions = JobProviderOptions;

/** How far back an interrupted run's job is looked for (jobs can wait long in a paused queue). */
const IN_PROGRESS_WINDOW_MS = 24 * 3600_000;
/** Pages of 100 jobs listed once per process for all resources; a busier bucket is looked up job by job. */
const EARLIER_RUN_MAX_PAGES = 5;

/**
 * The jobs of a bucket, tag and queue created before this process started: the only ones an interrupted earlier
 * run can have left behind. Listed once per provider process and shared by every resource (a stack of hundreds
 * of jobs costs one request here, not one per job); undefined when the bucket is too busy for one listing.
 */
const earlierRunJobs = new Map<string, Promise<XmlNode[] | undefined>>();

function jobsBeforeThisRun(client: CiClient, inputs: CiMediaJobInputs): Promise<XmlNode[] | undefined> {
  const key = [client.origin, client.host, inputs.tag, inputs.queueId ?? ""].join("\u0000");
  let listed = earlierRunJobs.get(key);
  if (!listed) {
    listed = listAllMediaJobs(client, { tag: inputs.tag, since: ciTime(Date.now() - IN_PROGRESS_WINDOW_MS),
      until: ciTime(EARLIER_RUN_CUTOFF), queueId: inputs.queueId }, EARLIER_RUN_MAX_PAGES);
    earlierRunJobs.set(key, listed);
    // A failed listing is not kept: the next resource tries again.
    listed.catch(() => earlierRunJobs.delete(key));
  }
  return listed;
}

function clientFor(props: Record<string, unknown>) {
  return ciClientFor(props as unknown as CiMediaJobInputs);
}

/** Jobs per status request: `GET /jobs/<id1>,<id2>,…` keeps the URL well under common 8 KB limits. */
export const MAX_JOBS_PER_DESCRIBE = 50;

async function describeMany(props: Record<string, unknown>, jobIds: readonly string[]) {
  const { jobs, requestId } = await describeMediaJobs(clientFor(props), jobIds);
  const found = new Map<string, Described<CiMediaJobComputed>>();
  for (const detail of jobs) {
    const computed = fromJobsDetail(detail);
    if (jobIds.includes(computed.jobId)) found.set(computed.jobId, { computed, requestId });
  }
  return found;
}

async function describe(props: Record<string, unknown>, jobId: string) {
  return (await describeMany(props, [jobId])).get(jobId);
}

export const CI_MEDIA_JOB_SPEC: JobSpec<CiMediaJobComputed> = {
  kind: "CiMediaJob",
  service: "ci",
  inputNames: CI_MEDIA_JOB_SHAPE.inputs,
  computedNames: CI_MEDIA_JOB_SHAPE.outputs,
  defaultedByCloud: new Set(["queueId"]),
  terminalStates: TERMINAL_JOB_STATES,
  successState: "Success",
  check: checkCiMediaJob,
  async submit(props, log) {
    const inputs = props as unknown as CiMediaJobInputs;
    const client = clientFor(props);
    const { marker: userData, adoptable } = submissionMarker(props, inputs.operation.userData);
    const request = toCreateRequest(inputs, userData);
    const carrying = async (since: number) => (await listMediaJobs(client, { tag: inputs.tag, since: ciTime(since),
      inputObject: inputs.input.object, queueId: inputs.queueId })).jobs
      .filter((j) => text(nodes(j.Operation)[0]?.UserData) === userData);
    return submitOnce({
      submit: async () => fromJobsDetail(await submitMediaJob(client, request)),
      idOf: (job) => job.jobId,
      findInProgress: !adoptable ? undefined : async () => {
        const listed = (await jobsBeforeThisRun(client, inputs))
          ?.filter((j) => text(nodes(j.Operation)[0]?.UserData) === userData);
        const earlier = (listed ?? await carrying(Date.now() - IN_PROGRESS_WINDOW_MS)).find((j) =>
          stillOurs(TERMINAL_JOB_STATES.has(text(j.State) ?? ""), parseCiTime(text(j.EndTime))) &&
          fromEarlierRun(text(j.JobId) ?? "", parseCiTime(text(j.CreationTime))));
        return earlier && fromJobsDetail(earlier);
      },
      async find() {
        // A minute of slack for the difference between our clock and CI's.
        const jobs = await carrying(Date.now() - 60_000);
        if (jobs.length > 1) {
          throw new ValidationError(`A submission's answer was lost and ${jobs.length} ${inputs.tag} jobs of ` +
            `${inputs.input.object} carry its operation.userData ("${userData}"): ` +
            `${jobs.map((j) => text(j.JobId)).join(", ")}. Leave operation.userData empty (a unique marker is then ` +
            `used) or make it unique per job.`);
        }
        return jobs[0] && fromJobsDetail(jobs[0]);
      },
      log,
    });
  },
  describe,
  describeMany: {
    // One bucket's jobs share requests (credentials and endpoint are the stack's).
    batchKey: (props) => `${String(props.region)}/${String(props.bucket)}`,
    maxBatch: MAX_JOBS_PER_DESCRIBE,
    describe: describeMany,
  },
  summary: (props) => {
    const inputs = props as unknown as CiMediaJobInputs;
    return `${inputs.tag} of ${inputs.input.object}`;
  },
  async cancel(props, current) {
    if (!CANCELLABLE_JOB_STATES.has(current.state)) {
      return `already ${current.state} and cannot be cancelled; it is forgotten, not stopped (its outputs stay in COS).`;
    }
    try {
      await cancelMediaJob(clientFor(props), current.jobId);
      return "cancelled";
    } catch (e) {
      // It may have started running between describe and cancel: then it can only be forgotten.
      const after = (await describe(props, current.jobId))?.computed;
      if (after && !CANCELLABLE_JOB_STATES.has(after.state)) {
        return "started running before it could be cancelled; it is forgotten, not stopped.";
      }
      throw e;
    }
  },
};

export function createCiMediaJobProvider(options: CiMediaJobProviderOptions = {}): dynamic.ResourceProvider {
  return createJobProvider(CI_MEDIA_JOB_SPEC, options);
}

/** The provider that `pulumi-mediajobs`' CiMediaJob resources use. */
export const ciMediaJobProvider: dynamic.ResourceProvider = createCiMediaJobProvider();
