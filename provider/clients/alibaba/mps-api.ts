/** MPS operations used by the resources: smart-production jobs and pipelines. */
import { MpsBody, MpsClient, MpsParams } from "./mps-client";
import { CloudApiError } from "../../errors";

/** Terminal states of a smart-production job (note the British spelling of Analysing). */
export const IPRODUCTION_TERMINAL_STATES: ReadonlySet<string> = new Set(["Success", "Fail"]);

export async function submitIProductionJob(client: MpsClient, params: MpsParams): Promise<{ jobId: string; body: MpsBody }> {
  const body = await client.call("SubmitIProductionJob", params, { idempotent: false });
  if (typeof body.JobId !== "string" || !body.JobId) {
    throw new CloudApiError({ service: "mps", action: "SubmitIProductionJob", status: 200, vendorCode: "InvalidResponse",
      vendorMessage: "the answer carries no JobId", requestId: typeof body.RequestId === "string" ? body.RequestId : undefined,
      retryable: false });
  }
  return { jobId: body.JobId, body };
}

/** The job as MPS reports it, or undefined when MPS does not know the id. */
export async function queryIProductionJob(client: MpsClient, jobId: string): Promise<MpsBody | undefined> {
  try {
    const body = await client.call("QueryIProductionJob", { JobId: jobId }, { idempotent: true });
    return body.JobId ? body : undefined;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export interface MpsPipeline {
  Id: string;
  Name: string;
  State: string;
  Speed?: string;
  SpeedLevel?: number | string;
  QuotaAllocate?: number | string;
  Role?: string;
  NotifyConfig?: { Topic?: string; QueueName?: string; MqTopic?: string; MqTag?: string };
}

export async function addPipeline(client: MpsClient, params: MpsParams): Promise<MpsPipeline> {
  return pipelineOf("AddPipeline", await client.call("AddPipeline", params, { idempotent: false }));
}

/** UpdatePipeline needs PipelineId, Name and State on every call. */
export async function updatePipeline(client: MpsClient, params: MpsParams & { PipelineId: string; Name: string;
  State: string }): Promise<MpsPipeline> {
  return pipelineOf("UpdatePipeline", await client.call("UpdatePipeline", params, { idempotent: true }));
}

/** Pipelines by id; ids MPS does not know come back in `missing`. Lists may come wrapped or flat. */
export async function queryPipelineList(client: MpsClient, ids: readonly string[]):
  Promise<{ pipelines: MpsPipeline[]; missing: string[] }> {
  const body = await client.call("QueryPipelineList", { PipelineIds: ids.join(",") }, { idempotent: true });
  return {
    pipelines: unwrap<MpsPipeline>(body.PipelineList, "Pipeline"),
    missing: unwrap<string>(body.NonExistPids, "String"),
  };
}

/** Deletes a pipeline; one that is already gone counts as deleted. */
export async function deletePipeline(client: MpsClient, pipelineId: string): Promise<void> {
  try {
    await client.call("DeletePipeline", { PipelineId: pipelineId }, { idempotent: true });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

function pipelineOf(action: string, body: MpsBody): MpsPipeline {
  const pipeline = body.Pipeline as MpsPipeline | undefined;
  if (!pipeline?.Id) {
    throw new CloudApiError({ service: "mps", action, status: 200, vendorCode: "InvalidResponse",
      vendorMessage: "the answer carries no Pipeline", retryable: false });
  }
  return pipeline;
}

/** `{PipelineList: {Pipeline: [...]}}` as the API answers, or the flat `[...]` that doc examples show. */
export function unwrap<T>(value: unknown, inner: string): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === "object") {
    const list = (value as Record<string, unknown>)[inner];
    if (Array.isArray(list)) return list as T[];
    if (list !== undefined && list !== null) return [list as T];
  }
  return [];
}

function isNotFound(e: unknown): boolean {
  return e instanceof CloudApiError && /NotFound|NotExist/.test(e.vendorCode);
}
