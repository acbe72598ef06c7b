/**
 * The IProductionJob dynamic provider: the shared job lifecycle over MPS smart production. MPS has no API to
 * cancel these jobs, so delete forgets a job that is still running.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { IPRODUCTION_TERMINAL_STATES, queryIProductionJob, submitIProductionJob } from "../clients/alibaba/mps-api";
import { AmbiguousSubmissionError } from "../errors";
import { createJobProvider, JobProviderOptions, JobSpec } from "../lifecycle/job-provider";
import { isAmbiguous, submissionMarker } from "../lifecycle/submission";
import { mpsClientFor } from "../clients/resource-clients";
import { checkIProductionJob } from "./check";
import { IPRODUCTION_JOB_SHAPE } from "./shape";
import { IProductionJobComputed, IProductionJobInputs } from "./types";
import { fromQuery, toSubmitParams } from "./wire";


function clientFor(props: Record<string, unknown>) {
  return mpsClientFor(props as unknown as IProductionJobInputs);
}

export const IPRODUCTION_JOB_SPEC: JobSpec<IProductionJobComputed> = {
  kind: "IProductionJob",
  service: "mps",
  inputNames: IPRODUCTION_JOB_SHAPE.inputs,
  computedNames: IPRODUCTION_JOB_SHAPE.outputs,
  terminalStates: IPRODUCTION_TERMINAL_STATES,
  successState: "Success",
  check: checkIProductionJob,
  async submit(props) {
    const inputs = props as unknown as IProductionJobInputs;
    const { marker } = submissionMarker(props, inputs.userData);
    try {
      const { jobId } = await submitIProductionJob(clientFor(props), toSubmitParams(inputs, marker));
      return { jobId, state: "Queuing", code: "", message: "", outputFiles: [] };
    } catch (e) {
      // MPS has no API to find a job by its request: never resubmit blindly, say how to find it instead.
      if (isAmbiguous(e)) throw new AmbiguousSubmissionError("SubmitIProductionJob", marker, (e as Error).message);
      throw e;
    }
  },
  async describe(props, jobId) {
    const body = await queryIProductionJob(clientFor(props), jobId);
    if (!body) return undefined;
    return { computed: fromQuery(body, props as unknown as IProductionJobInputs),
      requestId: typeof body.RequestId === "string" ? body.RequestId : undefined };
  },
  summary: (props) => {
    const inputs = props as unknown as IProductionJobInputs;
    return `${inputs.functionName}${inputs.input ? ` of ${inputs.input}` : ""}`;
  },
};

export function createIProductionJobProvider(options: JobProviderOptions = {}): dynamic.ResourceProvider {
  return createJobProvider(IPRODUCTION_JOB_SPEC, options);
}

/** The provider that `pulumi-mediajobs`' IProductionJob resources use. */
export const iproductionJobProvider: dynamic.ResourceProvider = createIProductionJobProvider();
