/** The CiMediaJob dynamic provider: the shared job lifecycle over CI's media job API. */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  cancelMediaJob, CANCELLABLE_JOB_STATES, describeMediaJobs, submitMediaJob, TERMINAL_JOB_STATES,
} from "../clients/tencent/media-jobs";
import { createJobProvider, JobProviderOptions, JobSpec } from "../job-provider";
import { ciClientFor } from "../cloud-clients";
import { checkCiMediaJob } from "./check";
import { CiMediaJobComputed, CiMediaJobInputs } from "./types";
import { fromJobsDetail, toCreateRequest } from "./wire";

const INPUT_NAMES = [
  "bucket", "region", "tag", "input", "operation", "queueId", "queueType", "callBack", "callBackFormat",
  "callBackType", "callBackMqConfig", "triggers", "timeoutSeconds", "skipAwait",
] as const;

const COMPUTED_NAMES = [
  "jobId", "state", "code", "message", "creationTime", "startTime", "endTime", "queueId", "outputObjects",
  "spriteObjects", "mediaInfo",
] as const;

export type CiMediaJobProviderOptions = JobProviderOptions;

function clientFor(props: Record<string, unknown>) {
  return ciClientFor(props as unknown as CiMediaJobInputs);
}

async function describe(props: Record<string, unknown>, jobId: string) {
  const { jobs, requestId } = await describeMediaJobs(clientFor(props), [jobId]);
  const detail = jobs.find((j) => j.JobId === jobId);
  return detail ? { computed: fromJobsDetail(detail), requestId } : undefined;
}

export const CI_MEDIA_JOB_SPEC: JobSpec<CiMediaJobComputed> = {
  kind: "CiMediaJob",
  service: "ci",
  inputNames: INPUT_NAMES,
  computedNames: COMPUTED_NAMES,
  defaultedByCloud: new Set(["queueId"]),
  terminalStates: TERMINAL_JOB_STATES,
  successState: "Success",
  check: checkCiMediaJob,
  submit: async (props) => fromJobsDetail(await submitMediaJob(clientFor(props),
    toCreateRequest(props as unknown as CiMediaJobInputs))),
  describe,
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
