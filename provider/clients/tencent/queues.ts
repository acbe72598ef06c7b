/** CI queue operations: `GET /queue` and `PUT /queue/<id>` (CI has no API to create or delete a queue). */
import { CiClient } from "./ci-client";
import { nodes, texts, XmlNode } from "./xml";

export async function listQueues(client: CiClient, filter: { queueIds?: string[]; category?: string }):
  Promise<{ queues: XmlNode[]; missing: string[] }> {
  const query: Record<string, string> = { pageNumber: "1", pageSize: "100" };
  if (filter.queueIds?.length) query.queueIds = filter.queueIds.join(",");
  if (filter.category) query.category = filter.category;
  const res = await client.call({ action: "DescribeMediaQueues", method: "GET", path: "/queue", query,
    idempotent: true });
  return { queues: nodes(res.QueueList), missing: texts(res.NonExistPIDs) };
}

/** Replaces the queue's Name, State and NotifyConfig in one call (CI wants all three). */
export async function updateQueue(client: CiClient, queueId: string,
  settings: { Name: string; State: string; NotifyConfig: XmlNode }): Promise<XmlNode> {
  const res = await client.call({ action: "UpdateMediaQueue", method: "PUT", path: `/queue/${queueId}`,
    body: { Name: settings.Name, QueueID: queueId, State: settings.State, NotifyConfig: settings.NotifyConfig },
    idempotent: true });
  return nodes(res.Queue)[0] ?? {};
}
