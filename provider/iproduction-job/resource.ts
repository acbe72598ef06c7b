/**
 * IProductionJob: the shared job lifecycle over MPS smart production. MPS has no API to cancel these jobs, so delete
 * forgets a job that is still running.
 */
import {
  IPRODUCTION_TERMINAL_STATES, queryIProductionJob, submitIProductionJob,
} from "../clients/alibaba/iproduction-jobs";
import { parseOssUrl } from "../clients/alibaba/oss-url";
import { AmbiguousSubmissionError } from "../errors";
import { mayHaveBeenProcessed } from "../http/retry";
import { jobResource, JobSpec } from "../lifecycle/job-lifecycle";
import { submissionMarker } from "../lifecycle/submission";
import type { OperationEnv, Props } from "../resource/definition";
import { checkIProductionJob } from "./check";
import { IPRODUCTION_JOB, IProductionJobComputed, IProductionJobInputs } from "./shape";
import { outputsOfStatus, toSubmitParams } from "./wire";

const inputsOf = (props: Props) => props as unknown as IProductionJobInputs;

/** Submits the job. MPS has no API to find a job by its request: a lost answer is never resubmitted blindly. */
async function submit(props: Props, env: OperationEnv, identity: string | undefined):
  Promise<IProductionJobComputed> {
  const inputs = inputsOf(props);
  const { marker } = submissionMarker(identity, props, inputs.userData);
  try {
    const jobId = await submitIProductionJob(env.ctx.mpsClient(inputs), toSubmitParams(inputs, marker));
    return { jobId, state: "Queuing", code: "", message: "", outputFiles: [], pipelineId: inputs.pipelineId ?? "" };
  } catch (e) {
    if (mayHaveBeenProcessed(e)) throw new AmbiguousSubmissionError("SubmitIProductionJob", marker, e as Error);
    throw e;
  }
}

export const IPRODUCTION_JOB_SPEC: JobSpec<IProductionJobComputed> = {
  declaration: IPRODUCTION_JOB,
  service: "mps",
  terminalStates: IPRODUCTION_TERMINAL_STATES,
  successState: "Success",
  check: checkIProductionJob,
  submit,
  async query(props, jobId, env) {
    const status = await queryIProductionJob(env.ctx.mpsClient(inputsOf(props)), jobId);
    return status && { computed: outputsOfStatus(status, inputsOf(props)), requestId: status.requestId };
  },
  // The URLs were checked as oss://<bucket>.oss-<region>.aliyuncs.com/<object>, and results are reported in that form.
  outputObjects: async (_props, current, recorded) => (current ?? recorded).outputFiles.flatMap((url) => {
    const at = parseOssUrl(url);
    return at ? [{ service: "oss" as const, ...at }] : [];
  }),
  summary: (props) => {
    const inputs = inputsOf(props);
    return `${inputs.functionName}${inputs.input ? ` of ${inputs.input}` : ""}`;
  },
};

/** IProductionJob, as both forms serve it (`pulumi-mediajobs/provider/iproduction-job` in the dynamic form). */
export const IPRODUCTION_JOB_RESOURCE = jobResource("iproduction-job", IPRODUCTION_JOB_SPEC);
