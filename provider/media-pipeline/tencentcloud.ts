/**
 * MediaPipeline over CI queues. CI has no API to create or delete a queue (it exists once media processing is
 * enabled on the bucket), so the resource adopts one: it remembers the queue's Name, State and NotifyConfig,
 * applies ours, and restores what it found on destroy.
 */
import type { CiClient } from "../clients/tencent/ci-client";
import { CiQueue, CiQueueSettings, listQueues, updateQueue } from "../clients/tencent/queues";
import { QueueAdoptionError } from "../errors";
import type { OperationEnv } from "../resource/definition";
import { Imported, outputs, PipelineBackend, Props } from "./backend";
import { QueueSettings, TencentcloudPipelineComputed, TencentcloudPipelineInputs } from "./shape";

const DEFAULT_CATEGORY = "Transcoding";

const inputsOf = (props: Props) => props as unknown as TencentcloudPipelineInputs;
const originalOf = (props: Props) => props.original as QueueSettings;

function settingsOf(queue: CiQueue): QueueSettings {
  return { name: queue.name, state: queue.state, notifyConfig: queue.notifyConfig };
}

/** The settings to apply: ours where given (notify fields over the original's), the queue's own elsewhere. */
function desired(inputs: TencentcloudPipelineInputs, original: QueueSettings): CiQueueSettings {
  return {
    name: inputs.name ?? original.name,
    state: inputs.state ?? original.state,
    notifyConfig: { ...original.notifyConfig, ...inputs.notifyConfig } as Record<string, string>,
  };
}

function outputsOfQueue(queue: CiQueue, original: QueueSettings, inputs: TencentcloudPipelineInputs):
  TencentcloudPipelineComputed {
  // Only the notify fields the program sets are compared, so refresh shows drift in those and nothing else.
  const notify = inputs.notifyConfig
    ? Object.fromEntries(Object.keys(inputs.notifyConfig).map((k) => [k, queue.notifyConfig[k] ?? ""]))
    : queue.notifyConfig;
  const computed: TencentcloudPipelineComputed = {
    pipelineId: queue.queueId, queueId: queue.queueId, name: queue.name, state: queue.state, category: queue.category,
    original,
  };
  if (Object.keys(notify).length) computed.notifyConfig = notify;
  if (queue.maxSize !== undefined) computed.maxSize = queue.maxSize;
  if (queue.maxConcurrent !== undefined) computed.maxConcurrent = queue.maxConcurrent;
  return computed;
}

/** The bucket's queue with this id; undefined when it has none by that id. */
async function queueById(client: CiClient, queueId: string): Promise<CiQueue | undefined> {
  const { queues, missing } = await listQueues(client, { queueIds: [queueId] });
  return missing.includes(queueId) ? undefined : queues.find((q) => q.queueId === queueId);
}

/** The queue named by `queueId`, or the bucket's only queue of the category. */
async function findQueue(client: CiClient, inputs: TencentcloudPipelineInputs): Promise<CiQueue> {
  if (inputs.queueId) {
    const queue = await queueById(client, inputs.queueId);
    if (!queue) {
      throw new QueueAdoptionError(inputs.bucket, `queueId ${inputs.queueId} is not a queue of bucket ` +
        `${inputs.bucket}: CI creates a bucket's queues when media processing is enabled on it; list them with GET ` +
        `/queue.`);
    }
    return queue;
  }
  const category = inputs.category ?? DEFAULT_CATEGORY;
  const { queues } = await listQueues(client, { category });
  if (queues.length !== 1) {
    throw new QueueAdoptionError(inputs.bucket, queues.length === 0
      ? `bucket ${inputs.bucket} has no ${category} queue: enable media processing on the bucket first.`
      : `bucket ${inputs.bucket} has ${queues.length} ${category} queues (${queues.map((q) => q.queueId).join(", ")}): ` +
        `set queueId to the one to adopt.`);
  }
  return queues[0]!;
}

export const tencentcloudQueues: PipelineBackend = {
  async create(props, env) {
    const inputs = inputsOf(props);
    const client = env.ctx.ciClient(inputs);
    const found = await findQueue(client, inputs);
    const original = settingsOf(found);
    const adopted = outputsOfQueue(await updateQueue(client, found.queueId, desired(inputs, original)), original, inputs);
    env.log(`MediaPipeline ${adopted.queueId}: adopted CI queue "${original.name}" (${original.state}); its settings ` +
      `are restored on destroy`);
    return { id: adopted.queueId, computed: adopted };
  },

  async update(id, olds, news, env) {
    const inputs = inputsOf(news);
    const original = originalOf(olds);
    return outputsOfQueue(await updateQueue(env.ctx.ciClient(inputs), id, desired(inputs, original)), original, inputs);
  },

  async read(id, props, env) {
    const queue = await queueById(env.ctx.ciClient(inputsOf(props)), id);
    return queue && outputsOfQueue(queue, originalOf(props), inputsOf(props));
  },

  /** Puts back what the queue held before adoption; a queue that is gone (media processing disabled) is left be. */
  async delete(id, props, env) {
    const client = env.ctx.ciClient(inputsOf(props));
    const original = originalOf(props);
    if (!await queueById(client, id)) {
      env.log(`MediaPipeline ${id}: the CI queue no longer exists; nothing to restore`);
      return;
    }
    await updateQueue(client, id, { name: original.name, state: original.state,
      notifyConfig: original.notifyConfig as Record<string, string> });
    env.log(`MediaPipeline ${id}: CI queue restored to "${original.name}" (${original.state})`);
  },
};

/**
 * Adopts an existing CI queue into the stack. Its settings now are what destroy restores; the inputs name only the
 * bucket, the queue and (when given) the region, so the queue's own name, state and notification are kept.
 */
export async function importCiQueue(ref: { region?: string; bucket: string; queueId: string }, env: OperationEnv):
  Promise<Imported | undefined> {
  const inputs: TencentcloudPipelineInputs = { cloud: "tencentcloud", bucket: ref.bucket, queueId: ref.queueId,
    ...(ref.region ? { region: ref.region } : {}) };
  const queue = await queueById(env.ctx.ciClient(inputs), ref.queueId);
  if (!queue) return undefined;
  const props = inputs as unknown as Props;
  return { id: queue.queueId, inputs: props, outs: outputs(props, outputsOfQueue(queue, settingsOf(queue), inputs)) };
}
