/**
 * The IProductionJob dynamic provider: the shared job lifecycle over MPS smart production. MPS has no API to
 * cancel these jobs, so delete forgets a job that is still running.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  IPRODUCTION_TERMINAL_STATES, queryIProductionJob, submitIProductionJob,
} from "../clients/alibaba/iproduction-jobs";
import { AmbiguousSubmissionError } from "../errors";
import { mayHaveBeenProcessed } from "../http/retry";
import { createJobProvider, JobProviderOptions, JobSpec } from "../lifecycle/job-provider";
import type { ProviderEnv } from "../lifecycle/provider-context";
import { submissionMarker } from "../lifecycle/submission";
import { checkIProductionJob } from "./check";
import { IPRODUCTION_JOB_SHAPE } from "./shape";
import { IProductionJobComputed, IProductionJobInputs } from "./types";
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
  async outputObjects(props, current, recorded, env) {
    const region = env.ctx.settings.alibabaRegion(inputsOf(props).region);
    return (current ?? recorded).outputFiles.flatMap((url) => {
      const m = /^oss:\/\/([^/]+)\/(.+)$/.exec(url);
      if (!m) return [];
      const [bucket, host] = [m[1]!.split(".")[0]!, m[1]!];
      // `<bucket>.oss-<region>.aliyuncs.com` names the bucket's region; a bare bucket is in the job's.
      const named = /^[^.]+\.oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/.exec(host)?.[1];
      return [{ service: "oss" as const, bucket, region: named ?? region, key: m[2]! }];
    });
  },
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
