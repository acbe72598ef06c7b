/** MediaPipeline over MPS pipelines: AddPipeline / UpdatePipeline / QueryPipelineList / DeletePipeline. */
import { fromWire, toWire } from "../clients/case";
import {
  addPipeline, deletePipeline, MpsPipeline, queryPipelineList, updatePipeline,
} from "../clients/alibaba/mps-api";
import { mpsClientFor } from "../clients/resource-clients";
import { AlicloudNotifyConfig, AlicloudPipelineComputed, AlicloudPipelineInputs } from "./types";


/** `{"Topic": …}` or `{"QueueName": …}`; `{}` clears a notification that was set before. */
function notifyJson(notify: AlicloudNotifyConfig | undefined): string {
  return JSON.stringify(toWire(notify ?? {}));
}

export function fromPipeline(p: MpsPipeline): AlicloudPipelineComputed {
  const computed: AlicloudPipelineComputed = {
    pipelineId: p.Id, name: p.Name, state: p.State, speed: p.Speed ?? "",
  };
  if (p.SpeedLevel !== undefined && p.SpeedLevel !== "") computed.speedLevel = Number(p.SpeedLevel);
  if (p.QuotaAllocate !== undefined && p.QuotaAllocate !== "") computed.quotaAllocate = Number(p.QuotaAllocate);
  // Only the fields that are set, in the same shape as the input, so refresh shows real drift and nothing else.
  const notify = Object.fromEntries(Object.entries(fromWire(p.NotifyConfig ?? {}) as Record<string, string>)
    .filter(([k, v]) => v !== "" && (k === "topic" || k === "queueName")));
  if (Object.keys(notify).length) computed.notifyConfig = notify;
  if (p.Role) computed.role = p.Role;
  return computed;
}

export async function createAlicloudPipeline(inputs: AlicloudPipelineInputs): Promise<{
  created: AlicloudPipelineComputed; apply?: () => Promise<AlicloudPipelineComputed>;
}> {
  const client = mpsClientFor(inputs);
  const created = fromPipeline(await addPipeline(client, {
    Name: inputs.name, Speed: inputs.speed, SpeedLevel: inputs.speedLevel?.toString(),
    NotifyConfig: inputs.notifyConfig ? notifyJson(inputs.notifyConfig) : undefined, Role: inputs.role,
  }));
  // AddPipeline has no State: a pipeline wanted Paused needs a second call.
  if (inputs.state !== "Paused") return { created };
  return { created, apply: () => updateAlicloudPipeline(created.pipelineId, inputs, undefined) };
}

/** UpdatePipeline always sends Name and State (the API requires both); notify config and role when set or cleared. */
export async function updateAlicloudPipeline(id: string, inputs: AlicloudPipelineInputs,
  before: AlicloudPipelineComputed | undefined): Promise<AlicloudPipelineComputed> {
  const clearNotify = !inputs.notifyConfig && before?.notifyConfig;
  const clearRole = !inputs.role && before?.role;
  return fromPipeline(await updatePipeline(mpsClientFor(inputs), {
    PipelineId: id, Name: inputs.name, State: inputs.state ?? "Active",
    NotifyConfig: inputs.notifyConfig || clearNotify ? notifyJson(inputs.notifyConfig) : undefined,
    Role: inputs.role ?? (clearRole ? "" : undefined),
  }));
}

export async function readAlicloudPipeline(id: string, inputs: AlicloudPipelineInputs):
  Promise<AlicloudPipelineComputed | undefined> {
  const { pipelines, missing } = await queryPipelineList(mpsClientFor(inputs), [id]);
  const found = pipelines.find((p) => p.Id === id);
  return found && !missing.includes(id) ? fromPipeline(found) : undefined;
}

export async function deleteAlicloudPipeline(id: string, inputs: AlicloudPipelineInputs): Promise<void> {
  await deletePipeline(mpsClientFor(inputs), id);
}
