/**
 * The IProductionJob dynamic provider: the shared job lifecycle over MPS smart production. MPS has no API to
 * cancel these jobs, so delete forgets a job that is still running.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  IPRODUCTION_TERMINAL_STATES, queryIProductionJob, submitIProductionJob,
} from "../clients/alibaba/iproduction-jobs";
import { parseOssUrl } from "../clients/alibaba/oss-url";
import { AmbiguousSubmissionError } from "../errors";
import { mayHaveBeenProcessed } from "../http/retry";
import { createJobProvider, JobProviderOptions, JobSpec } from "../lifecycle/job-provider";
import type { ProviderEnv } from "../lifecycle/provider-context";
import { submissionMarker } from "../lifecycle/submission";
import { checkIProductionJob } from "./check";
import { IPRODUCTION_JOB_SHAPE } from "./shape";
import { IProductionJobComputed, IProductionJobInputs } from "./shape";
import { computedOf, toSubmitParams } from "./wire";

type Props = Record<string, unknown>;

const inputsOf = (props: Props) => props as unknown as IProductionJobInputs;

/** Submits the job. MPS has no API to find a job by its request: a lost answer is never resubmitted blindly. */
async function submit(props: Props, env: ProviderEnv): Promise<IProductionJobComputed> {
  const inputs = inputsOf(props);
  const { marker } = submissionMarker(props, inputs.userData);
  try {
    const jobId = await submitIProductionJob(env.ctx.mpsClient(inputs), toSubmitParams(inputs, marker));
    return { jobId, state: "Queuing", code: "", message: "", outputFiles: [], pipelineId: inputs.pipelineId ?? "" };
  } catch (e) {
    if (mayHaveBeenProcessed(e)) throw new AmbiguousSubmissionError("SubmitIProductionJob", marker, e as Error);
    throw e;
  }
}

export const IPRODUCTION_JOB_SPEC: JobSpec<IProductionJobComputed> = {
  kind: "IProductionJob",
  service: "mps",
  inputNames: IPRODUCTION_JOB_SHAPE.inputs,
  computedNames: IPRODUCTION_JOB_SHAPE.outputs,
  terminalStates: IPRODUCTION_TERMINAL_STATES,
  successState: "Success",
  check: checkIProductionJob,
  submit,
  async describe(props, jobId, env) {
    const status = await queryIProductionJob(env.ctx.mpsClient(inputsOf(props)), jobId);
    return status && { computed: computedOf(status, inputsOf(props)), requestId: status.requestId };
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

export function createIProductionJobProvider(options: JobProviderOptions = {}): dynamic.ResourceProvider {
  return createJobProvider(IPRODUCTION_JOB_SPEC, options);
}

/** The provider that `pulumi-mediajobs`' IProductionJob resources use. */
export const iproductionJobProvider: dynamic.ResourceProvider = createIProductionJobProvider();
