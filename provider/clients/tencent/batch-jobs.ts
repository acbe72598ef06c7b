/**
 * CI batch jobs: `POST /inventorytriggerjob`, `GET …/<id>`, `GET …?name=…`, `PUT …/<id>?cancel`, and their child
 * media jobs. A batch's JobsDetail is read here, once, into a typed {@link BatchJob}.
 */
import { InvalidResponseError } from "../../errors";
import { CI_MAX_PAGE_SIZE, CiClient } from "./ci-client";
import { listAllMediaJobs, MediaJob } from "./media-jobs";
import { CiJobStatus, readJobStatus } from "./job-status";
import { nodes, text, XmlNode } from "../xml";

/** The most child jobs read for a batch's summary: 50 pages of 100. */
const MAX_CHILD_PAGES = 50;

/** A batch job as CI describes it. */
export interface BatchJob extends CiJobStatus {
  name: string;
  /** Job | Workflow */
  type: string;
  /** Percent of objects processed, e.g. `66%`. */
  progress: string;
}

/** Reads a batch's JobsDetail; absent fields read as empty. */
export function readBatchJob(detail: XmlNode): BatchJob {
  return { ...readJobStatus(detail), name: text(detail.Name) ?? "", type: text(detail.Type) ?? "",
    progress: text(detail.Progress) ?? "" };
}

export async function submitBatchJob(client: CiClient, request: XmlNode): Promise<BatchJob> {
  const res = await client.call({ action: "CreateInventoryTriggerJob", method: "POST", path: "/inventorytriggerjob",
    body: request, idempotent: false });
  const detail = nodes(res.JobsDetail)[0];
  if (!detail?.JobId) {
    throw new InvalidResponseError({ service: "ci", action: "CreateInventoryTriggerJob", status: 200,
      problem: "the answer carries no JobsDetail with a JobId", requestId: text(res.RequestId), retryable: false });
  }
  return readBatchJob(detail);
}

/** The batch, or undefined when CI does not know the id. */
export async function describeBatchJob(client: CiClient, jobId: string):
  Promise<{ batch?: BatchJob; requestId?: string }> {
  const res = await client.call({ action: "DescribeInventoryTriggerJob", method: "GET",
    path: `/inventorytriggerjob/${jobId}`, idempotent: true });
  const detail = nodes(res.JobsDetail).find((j) => j.JobId === jobId);
  return { batch: detail && readBatchJob(detail), requestId: text(res.RequestId) };
}

/** Batch jobs with a name (and type), as `GET /inventorytriggerjob` lists them (one page, newest first). */
export async function listBatchJobs(client: CiClient, filter: { name: string; type: string }): Promise<BatchJob[]> {
  const res = await client.call({ action: "DescribeInventoryTriggerJobs", method: "GET", path: "/inventorytriggerjob",
    query: { name: filter.name, type: filter.type, size: String(CI_MAX_PAGE_SIZE) }, idempotent: true });
  return nodes(res.JobsDetail).map(readBatchJob);
}

export async function cancelBatchJob(client: CiClient, jobId: string): Promise<void> {
  await client.call({ action: "CancelInventoryTriggerJob", method: "PUT", path: `/inventorytriggerjob/${jobId}`,
    query: { cancel: "" }, idempotent: true });
}

/** The child media jobs of a batch (`GET /jobs?…&inventoryTriggerJobId=…`); `complete` is false past the cap. */
export async function listBatchChildren(client: CiClient, filter: { tag: string; queueId?: string; batchId: string }):
  Promise<{ jobs: MediaJob[]; complete: boolean }> {
  return listAllMediaJobs(client, filter, MAX_CHILD_PAGES);
}
