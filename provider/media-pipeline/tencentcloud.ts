/**
 * MediaPipeline over CI queues. CI has no API to create or delete a queue (it exists once media processing is
 * enabled on the bucket), so the resource adopts one: it remembers the queue's Name, State and NotifyConfig,
 * applies ours, and restores what it found on destroy.
 */
import { fromWire, toWire } from "../clients/case";
import { CiClient } from "../clients/tencent/ci-client";
import { listQueues, updateQueue } from "../clients/tencent/queues";
import { text, XmlNode } from "../clients/tencent/xml";
import { ValidationError } from "../errors";
import { ciClientFor } from "../clients/resource-clients";
import {
  QueueSettings, TencentcloudNotifyConfig, TencentcloudPipelineComputed, TencentcloudPipelineInputs,
} from "./types";

const DEFAULT_CATEGORY = "Transcoding";


/** A queue's NotifyConfig in camelCase, without the fields CI leaves empty. */
function notifyOf(queue: XmlNode): TencentcloudNotifyConfig {
  const all = fromWire(queue.NotifyConfig ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(all).filter(([, v]) => typeof v === "string" && v !== ""));
}

function settingsOf(queue: XmlNode): QueueSettings {
  return { name: text(queue.Name) ?? "", state: text(queue.State) ?? "", notifyConfig: notifyOf(queue) };
}

/** The settings to apply: ours where given (notify fields over the original's), the queue's own elsewhere. */
function desired(inputs: TencentcloudPipelineInputs, original: QueueSettings): QueueSettings {
  return {
    name: inputs.name ?? original.name,
    state: inputs.state ?? original.state,
    notifyConfig: inputs.notifyConfig ? { ...original.notifyConfig, ...inputs.notifyConfig } : original.notifyConfig,
  };
}

function computedOf(queue: XmlNode, original: QueueSettings, inputs: TencentcloudPipelineInputs):
  TencentcloudPipelineComputed {
  const id = text(queue.QueueId) ?? "";
  const current = notifyOf(queue);
  // Only the notify fields the program sets are compared, so refresh shows drift in those and nothing else.
  const notify = inputs.notifyConfig
    ? Object.fromEntries(Object.keys(inputs.notifyConfig).map((k) => [k, (current as Record<string, string>)[k] ?? ""]))
    : current;
  const computed: TencentcloudPipelineComputed = {
    pipelineId: id, queueId: id, name: text(queue.Name) ?? "", state: text(queue.State) ?? "",
    category: text(queue.Category) ?? "", original,
  };
  if (Object.keys(notify).length) computed.notifyConfig = notify;
  if (text(queue.MaxSize)) computed.maxSize = Number(text(queue.MaxSize));
  if (text(queue.MaxConcurrent)) computed.maxConcurrent = Number(text(queue.MaxConcurrent));
  return computed;
}

async function apply(client: CiClient, id: string, settings: QueueSettings): Promise<XmlNode> {
  return updateQueue(client, id, { Name: settings.name, State: settings.state,
    NotifyConfig: toWire(settings.notifyConfig) as XmlNode });
}

async function findQueue(client: CiClient, inputs: TencentcloudPipelineInputs): Promise<XmlNode> {
  if (inputs.queueId) {
    const { queues } = await listQueues(client, { queueIds: [inputs.queueId] });
    const queue = queues.find((q) => q.QueueId === inputs.queueId);
    if (!queue) {
      throw new ValidationError(`queueId ${inputs.queueId} is not a queue of bucket ${inputs.bucket}: CI creates a ` +
        `bucket's queues when media processing is enabled on it; list them with GET /queue.`);
    }
    return queue;
  }
  const category = inputs.category ?? DEFAULT_CATEGORY;
  const { queues } = await listQueues(client, { category });
  if (queues.length !== 1) {
    throw new ValidationError(queues.length === 0
      ? `bucket ${inputs.bucket} has no ${category} queue: enable media processing on the bucket first.`
      : `bucket ${inputs.bucket} has ${queues.length} ${category} queues (${queues.map((q) => text(q.QueueId)).join(", ")}): ` +
        `set queueId to the one to adopt.`);
  }
  return queues[0]!;
}

export async function adoptTencentQueue(inputs: TencentcloudPipelineInputs): Promise<TencentcloudPipelineComputed> {
  const client = ciClientFor(inputs);
  const found = await findQueue(client, inputs);
  const original = settingsOf(found);
  const id = text(found.QueueId)!;
  return computedOf(await apply(client, id, desired(inputs, original)), original, inputs);
}

export async function updateTencentQueue(id: string, inputs: TencentcloudPipelineInputs, original: QueueSettings):
  Promise<TencentcloudPipelineComputed> {
  return computedOf(await apply(ciClientFor(inputs), id, desired(inputs, original)), original, inputs);
}

export async function readTencentQueue(id: string, inputs: TencentcloudPipelineInputs, original: QueueSettings):
  Promise<TencentcloudPipelineComputed | undefined> {
  const { queues, missing } = await listQueues(ciClientFor(inputs), { queueIds: [id] });
  const queue = queues.find((q) => q.QueueId === id);
  return queue && !missing.includes(id) ? computedOf(queue, original, inputs) : undefined;
}

/** Puts back what the queue held before adoption; a queue that is gone (media processing disabled) is left be. */
export async function restoreTencentQueue(id: string, inputs: TencentcloudPipelineInputs, original: QueueSettings):
  Promise<boolean> {
  const client = ciClientFor(inputs);
  const { missing } = await listQueues(client, { queueIds: [id] });
  if (missing.includes(id)) return false;
  await apply(client, id, original);
  return true;
}
