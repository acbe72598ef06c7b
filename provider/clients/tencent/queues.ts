/**
 * CI queue operations: `GET /queue` and `PUT /queue/<id>` (CI has no API to create or delete a queue). A queue is
 * read here, once, into a typed {@link CiQueue}.
 */
import { camelSettings, toWire } from "../case";
import { CI_MAX_PAGE_SIZE, CiClient } from "./ci-client";
import { idList, nodes, text, XmlNode } from "../xml";

/** What `PUT /queue/<id>` replaces together: CI wants all three on every call. */
export interface CiQueueSettings {
  name: string;
  state: string;
  /** NotifyConfig in camelCase (`url`, `type`, `state`, `event`, `resultFormat`, `mqMode`, `mqRegion`, `mqName`). */
  notifyConfig: Record<string, string>;
}

export interface CiQueue extends CiQueueSettings {
  queueId: string;
  /** Transcoding | SpeedTranscoding */
  category: string;
  maxSize?: number;
  maxConcurrent?: number;
}

/** Reads a queue; NotifyConfig without the fields CI leaves empty. */
export function readQueue(queue: XmlNode): CiQueue {
  const read: CiQueue = {
    queueId: text(queue.QueueId) ?? "",
    name: text(queue.Name) ?? "",
    state: text(queue.State) ?? "",
    category: text(queue.Category) ?? "",
    notifyConfig: camelSettings(nodes(queue.NotifyConfig)[0]),
  };
  if (text(queue.MaxSize)) read.maxSize = Number(text(queue.MaxSize));
  if (text(queue.MaxConcurrent)) read.maxConcurrent = Number(text(queue.MaxConcurrent));
  return read;
}

/** The bucket's queues, by id or by category (one page: a bucket has a queue or two per category). */
export async function listQueues(client: CiClient, filter: { queueIds?: string[]; category?: string }):
  Promise<{ queues: CiQueue[]; missing: string[] }> {
  const query: Record<string, string> = { pageNumber: "1", pageSize: String(CI_MAX_PAGE_SIZE) };
  if (filter.queueIds?.length) query.queueIds = filter.queueIds.join(",");
  if (filter.category) query.category = filter.category;
  const res = await client.call({ action: "DescribeMediaQueues", method: "GET", path: "/queue", query,
    idempotent: true });
  return { queues: nodes(res.QueueList).map(readQueue), missing: idList(res.NonExistPIDs) };
}

/** Replaces the queue's Name, State and NotifyConfig in one call; answers the queue as CI now holds it. */
export async function updateQueue(client: CiClient, queueId: string, settings: CiQueueSettings): Promise<CiQueue> {
  const res = await client.call({ action: "UpdateMediaQueue", method: "PUT", path: `/queue/${queueId}`,
    body: { Name: settings.name, QueueID: queueId, State: settings.state,
      NotifyConfig: toWire(settings.notifyConfig) as XmlNode },
    idempotent: true });
  return readQueue(nodes(res.Queue)[0] ?? {});
}
