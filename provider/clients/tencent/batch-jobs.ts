/** CI batch jobs: `POST /inventorytriggerjob`, `GET …/<id>`, `PUT …/<id>?cancel`, and their child media jobs. */
import { CloudApiError } from "../../errors";
import { CiClient } from "./ci-client";
import { nodes, text, XmlNode } from "./xml";

export async function submitBatchJob(client: CiClient, request: XmlNode): Promise<XmlNode> {
  const res = await client.call({ action: "CreateInventoryTriggerJob", method: "POST", path: "/inventorytriggerjob",
    body: request, idempotent: false });
  const detail = nodes(res.JobsDetail)[0];
  if (!detail?.JobId) {
    throw new CloudApiError({ service: "ci", action: "CreateInventoryTriggerJob", status: 200,
      vendorCode: "InvalidResponse", vendorMessage: "the answer carries no JobsDetail with a JobId",
      requestId: text(res.RequestId), retryable: false });
  }
  return detail;
}

export async function describeBatchJob(client: CiClient, jobId: string):
  Promise<{ detail?: XmlNode; requestId?: string }> {
  const res = await client.call({ action: "DescribeInventoryTriggerJob", method: "GET",
    path: `/inventorytriggerjob/${jobId}`, idempotent: true });
  return { detail: nodes(res.JobsDetail).find((j) => j.JobId === jobId), requestId: text(res.RequestId) };
}

/** Batch jobs with a name (and type), as `GET /inventorytriggerjob` lists them. */
export async function listBatchJobs(client: CiClient, filter: { name: string; type: string }): Promise<XmlNode[]> {
  const res = await client.call({ action: "DescribeInventoryTriggerJobs", method: "GET", path: "/inventorytriggerjob",
    query: { name: filter.name, type: filter.type, size: "100" }, idempotent: true });
  return nodes(res.JobsDetail);
}

export async function cancelBatchJob(client: CiClient, jobId: string): Promise<void> {
  await client.call({ action: "CancelInventoryTriggerJob", method: "PUT", path: `/inventorytriggerjob/${jobId}`,
    query: { cancel: "" }, idempotent: true });
}

/** Every child media job of a batch (`GET /jobs?…&inventoryTriggerJobId=…`), following NextToken up to `maxPages`. */
export async function listBatchChildren(client: CiClient, filter: { tag: string; queueId?: string; batchId: string },
  maxPages = 50): Promise<{ jobs: XmlNode[]; complete: boolean }> {
  const jobs: XmlNode[] = [];
  let nextToken = "";
  for (let page = 0; page < maxPages; page++) {
    const query: Record<string, string> = { tag: filter.tag, inventoryTriggerJobId: filter.batchId, size: "100" };
    if (filter.queueId) query.queueId = filter.queueId;
    if (nextToken) query.nextToken = nextToken;
    const res = await client.call({ action: "DescribeMediaJobs", method: "GET", path: "/jobs", query, idempotent: true });
    jobs.push(...nodes(res.JobsDetail));
    nextToken = text(res.NextToken) ?? "";
    if (!nextToken) return { jobs, complete: true };
  }
  return { jobs, complete: false };
}
