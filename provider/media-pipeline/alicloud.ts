/** MediaPipeline over MPS pipelines: AddPipeline / UpdatePipeline / QueryPipelineList / DeletePipeline. */
import {
  addPipeline, deletePipeline, MpsPipeline, queryPipelineList, updatePipeline,
} from "../clients/alibaba/pipelines";
import { NotInitializedError } from "../errors";
import type { OperationEnv } from "../resource/definition";
import { Imported, outputs, PipelineBackend, Props } from "./backend";
import { AlicloudPipelineComputed, AlicloudPipelineInputs } from "./shape";

const inputsOf = (props: Props) => props as unknown as AlicloudPipelineInputs;

/** The outputs of a pipeline: the notify fields a program can set (topic, queueName) and nothing else. */
export function outputsOfPipeline(p: MpsPipeline): AlicloudPipelineComputed {
  const computed: AlicloudPipelineComputed = { pipelineId: p.pipelineId, name: p.name, state: p.state, speed: p.speed };
  if (p.speedLevel !== undefined) computed.speedLevel = p.speedLevel;
  if (p.quotaAllocate !== undefined) computed.quotaAllocate = p.quotaAllocate;
  // Only the fields that are set, in the same shape as the input, so refresh shows real drift and nothing else.
  const { topic, queueName } = p.notifyConfig;
  const notify = { ...(topic ? { topic } : {}), ...(queueName ? { queueName } : {}) };
  if (Object.keys(notify).length) computed.notifyConfig = notify;
  if (p.role) computed.role = p.role;
  return computed;
}

/** UpdatePipeline always sends Name and State (the API requires both); notify config and role when set or cleared. */
async function apply(env: OperationEnv, id: string, inputs: AlicloudPipelineInputs,
  before: AlicloudPipelineComputed | undefined): Promise<AlicloudPipelineComputed> {
  const clearNotify = !inputs.notifyConfig && before?.notifyConfig;
  const clearRole = !inputs.role && before?.role;
  return outputsOfPipeline(await updatePipeline(env.ctx.mpsClient(inputs), {
    pipelineId: id, name: inputs.name, state: inputs.state ?? "Active",
    notifyConfig: inputs.notifyConfig ?? (clearNotify ? {} : undefined),
    role: inputs.role ?? (clearRole ? "" : undefined),
  }));
}

export const alicloudPipelines: PipelineBackend = {
  async create(props, env) {
    const inputs = inputsOf(props);
    const created = outputsOfPipeline(await addPipeline(env.ctx.mpsClient(inputs), { name: inputs.name,
      speed: inputs.speed, speedLevel: inputs.speedLevel, notifyConfig: inputs.notifyConfig, role: inputs.role }));
    env.log(`MediaPipeline ${created.pipelineId}: created (${inputs.name})`);
    // AddPipeline has no State: a pipeline wanted Paused needs a second call.
    if (inputs.state !== "Paused") return { id: created.pipelineId, computed: created };
    try {
      return { id: created.pipelineId, computed: await apply(env, created.pipelineId, inputs, undefined) };
    } catch (e) {
      // The pipeline exists: record it so the next `up` applies the state instead of adding a second pipeline.
      throw new NotInitializedError(created.pipelineId, outputs(props, created), "error",
        `MediaPipeline ${created.pipelineId} was created but its state could not be set to ${inputs.state}: ` +
        `${(e as Error).message} The next \`pulumi up\` retries.`, e as Error);
    }
  },

  update: (id, olds, news, env) => apply(env, id, inputsOf(news), olds as unknown as AlicloudPipelineComputed),

  async read(id, props, env) {
    const { pipelines, missing } = await queryPipelineList(env.ctx.mpsClient(inputsOf(props)), [id]);
    const found = pipelines.find((p) => p.pipelineId === id);
    return found && !missing.includes(id) ? outputsOfPipeline(found) : undefined;
  },

  async delete(id, props, env) {
    await deletePipeline(env.ctx.mpsClient(inputsOf(props)), id);
    env.log(`MediaPipeline ${id}: deleted`);
  },
};

/**
 * An existing MPS pipeline in the provider's region, as a program would declare it: its name, state, speed and the
 * settings it has (speedLevel, notification, role).
 */
export async function importMpsPipeline(pipelineId: string, env: OperationEnv): Promise<Imported | undefined> {
  const computed = await alicloudPipelines.read(pipelineId, {}, env) as AlicloudPipelineComputed | undefined;
  if (!computed) return undefined;
  const { name, state, speed, speedLevel, notifyConfig, role } = computed;
  const inputs: Props = { cloud: "alicloud", name, state, speed, ...(speedLevel !== undefined ? { speedLevel } : {}),
    ...(notifyConfig ? { notifyConfig } : {}), ...(role ? { role } : {}) };
  return { id: pipelineId, inputs, outs: outputs(inputs, computed) };
}
