/** MPS smart-production jobs: `SubmitIProductionJob` and `QueryIProductionJob`, read into typed values. */
import { InvalidResponseError } from "../../errors";
import { isNotFound, MpsBody, MpsClient, MpsParams, str } from "./mps-client";

/** Terminal states of a smart-production job (the others are Queuing and Analysing). */
export const IPRODUCTION_TERMINAL_STATES: ReadonlySet<string> = new Set(["Success", "Fail"]);

/** A smart-production job as QueryIProductionJob reports it. */
export interface IProductionJobStatus {
  jobId: string;
  /** MPS's spelling: Queuing, Analysing, Success, Fail. */
  state: string;
  /** `Result` as MPS sends it: a JSON string whose `Data` is another JSON string (empty until the job ends). */
  result: string;
  /** The pipeline the job runs in (the account's default one when the submission named none). */
  pipelineId: string;
  requestId?: string;
}

/** Reads a QueryIProductionJob answer; undefined when it names no job. */
export function readIProductionJob(body: MpsBody): IProductionJobStatus | undefined {
  if (!body.JobId) return undefined;
  return { jobId: String(body.JobId), state: str(body.State) ?? "", result: str(body.Result) ?? "",
    pipelineId: str(body.PipelineId) ?? "", requestId: str(body.RequestId) };
}

/** Submits a job; answers its id. */
export async function submitIProductionJob(client: MpsClient, params: MpsParams): Promise<string> {
  const body = await client.call("SubmitIProductionJob", params, { idempotent: false });
  const jobId = str(body.JobId);
  if (!jobId) {
    throw new InvalidResponseError({ service: "mps", action: "SubmitIProductionJob", status: 200,
      problem: "the answer carries no JobId", requestId: str(body.RequestId), retryable: false });
  }
  return jobId;
}

/** The job as MPS reports it, or undefined when MPS does not know the id. */
export async function queryIProductionJob(client: MpsClient, jobId: string): Promise<IProductionJobStatus | undefined> {
  try {
    return readIProductionJob(await client.call("QueryIProductionJob", { JobId: jobId }, { idempotent: true }));
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}
