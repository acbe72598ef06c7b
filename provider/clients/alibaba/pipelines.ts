/**
 * MPS pipelines: `AddPipeline`, `UpdatePipeline`, `QueryPipelineList`, `DeletePipeline`. A pipeline is read here,
 * once, into a typed {@link MpsPipeline}.
 */
import { camelSettings, toWire } from "../case";
import { InvalidResponseError } from "../../errors";
import { isNotFound, MpsBody, MpsClient, str } from "./mps-client";

/** Where MPS sends a pipeline's notifications: an MNS topic or queue (camelCase, empty fields dropped). */
export type MpsNotifyConfig = Partial<Record<"topic" | "queueName" | "mqTopic" | "mqTag", string>>;

export interface MpsPipeline {
  pipelineId: string;
  name: string;
  /** Active | Paused */
  state: string;
  speed: string;
  speedLevel?: number;
  quotaAllocate?: number;
  role?: string;
  notifyConfig: MpsNotifyConfig;
}

/** Reads a pipeline; numbers MPS may send as strings become numbers. */
export function readPipeline(p: Record<string, unknown>): MpsPipeline {
  const pipeline: MpsPipeline = {
    pipelineId: str(p.Id) ?? "", name: str(p.Name) ?? "", state: str(p.State) ?? "", speed: str(p.Speed) ?? "",
    notifyConfig: camelSettings(p.NotifyConfig),
  };
  const speedLevel = numberOf(p.SpeedLevel);
  const quotaAllocate = numberOf(p.QuotaAllocate);
  if (speedLevel !== undefined) pipeline.speedLevel = speedLevel;
  if (quotaAllocate !== undefined) pipeline.quotaAllocate = quotaAllocate;
  if (str(p.Role)) pipeline.role = str(p.Role);
  return pipeline;
}

export interface NewPipeline {
  name: string;
  speed?: string;
  speedLevel?: number;
  notifyConfig?: MpsNotifyConfig;
  role?: string;
}

export async function addPipeline(client: MpsClient, p: NewPipeline): Promise<MpsPipeline> {
  return pipelineOf("AddPipeline", await client.call("AddPipeline", {
    Name: p.name, Speed: p.speed, SpeedLevel: p.speedLevel?.toString(), NotifyConfig: notifyJson(p.notifyConfig),
    Role: p.role,
  }, { idempotent: false }));
}

export interface PipelineUpdate {
  pipelineId: string;
  /** UpdatePipeline needs Name and State on every call. */
  name: string;
  state: string;
  /** Omitted: unchanged; `{}`: cleared. */
  notifyConfig?: MpsNotifyConfig;
  /** Omitted: unchanged; `""`: cleared. */
  role?: string;
}

export async function updatePipeline(client: MpsClient, p: PipelineUpdate): Promise<MpsPipeline> {
  return pipelineOf("UpdatePipeline", await client.call("UpdatePipeline", {
    PipelineId: p.pipelineId, Name: p.name, State: p.state, NotifyConfig: notifyJson(p.notifyConfig), Role: p.role,
  }, { idempotent: true }));
}

/** Pipelines by id; ids MPS does not know come back in `missing`. Lists may come wrapped or flat. */
export async function queryPipelineList(client: MpsClient, ids: readonly string[]):
  Promise<{ pipelines: MpsPipeline[]; missing: string[] }> {
  const body = await client.call("QueryPipelineList", { PipelineIds: ids.join(",") }, { idempotent: true });
  // Entries that are no pipeline (null, a bare value) name nothing.
  return {
    pipelines: unwrap<unknown>(body.PipelineList, "Pipeline").filter(isObject).map(readPipeline),
    missing: unwrap<unknown>(body.NonExistPids, "String").filter((id): id is string => typeof id === "string"),
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

/** `{"Topic": …}` or `{"QueueName": …}` as MPS takes it; `{}` clears a notification that was set before. */
function notifyJson(notify: MpsNotifyConfig | undefined): string | undefined {
  return notify === undefined ? undefined : JSON.stringify(toWire(notify));
}

function pipelineOf(action: string, body: MpsBody): MpsPipeline {
  const pipeline = body.Pipeline as Record<string, unknown> | undefined;
  if (!pipeline?.Id) {
    throw new InvalidResponseError({ service: "mps", action, status: 200, problem: "the answer carries no Pipeline",
      requestId: str(body.RequestId), retryable: false });
  }
  return readPipeline(pipeline);
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

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function numberOf(v: unknown): number | undefined {
  return v === undefined || v === null || v === "" ? undefined : Number(v);
}
