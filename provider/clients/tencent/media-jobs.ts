/** CI media job operations: `POST /jobs`, `GET /jobs/<id>[,<id>…]`, `PUT /jobs/<id>?cancel`. */
import { CloudApiError } from "../../errors";
import { CiClient } from "./ci-client";
import { nodes, text, texts, XmlNode } from "./xml";

/** States after which a job never changes. */
export const TERMINAL_JOB_STATES: ReadonlySet<string> = new Set(["Success", "Failed", "Cancel"]);

/** States in which a job can still be cancelled (it has not started running). */
export const CANCELLABLE_JOB_STATES: ReadonlySet<string> = new Set(["Submitted", "Pause"]);

/** Submits a job; returns its JobsDetail. */
export async function submitMediaJob(client: CiClient, request: XmlNode): Promise<XmlNode> {
  const res = await client.call({ action: "CreateMediaJob", method: "POST", path: "/jobs", body: request,
    idempotent: false });
  const detail = nodes(res.JobsDetail)[0];
  if (!detail?.JobId) {
    throw new CloudApiError({ service: "ci", action: "CreateMediaJob", status: 200, vendorCode: "InvalidResponse",
      vendorMessage: "the answer carries no JobsDetail with a JobId", retryable: false });
  }
  return detail;
}

/** Describes jobs by id; unknown ids come back in `missing` (CI answers 200 with NonExistJobIds, not 404). */
export async function describeMediaJobs(client: CiClient, jobIds: readonly string[]):
  Promise<{ jobs: XmlNode[]; missing: string[]; requestId?: string }> {
  const res = await client.call({ action: "DescribeMediaJob", method: "GET", path: `/jobs/${jobIds.join(",")}`,
    idempotent: true });
  return { jobs: nodes(res.JobsDetail), missing: texts(res.NonExistJobIds), requestId: text(res.RequestId) };
}

export interface MediaJobFilter {
  tag: string;
  /** CI times (ciTime): created in [since, until]. */
  since: string;
  until?: string;
  inputObject?: string;
  queueId?: string;
}

/** One page (≤ 100) of the jobs matching the filter, newest first (`GET /jobs`), and the token of the next page. */
export async function listMediaJobs(client: CiClient, filter: MediaJobFilter, nextToken = ""):
  Promise<{ jobs: XmlNode[]; nextToken: string }> {
  const query: Record<string, string> = { tag: filter.tag, startCreationTime: filter.since, orderByTime: "Desc",
    size: "100" };
  if (filter.until) query.endCreationTime = filter.until;
  if (filter.inputObject) query.inputObject = filter.inputObject;
  if (filter.queueId) query.queueId = filter.queueId;
  if (nextToken) query.nextToken = nextToken;
  const res = await client.call({ action: "DescribeMediaJobs", method: "GET", path: "/jobs", query, idempotent: true });
  return { jobs: nodes(res.JobsDetail), nextToken: text(res.NextToken) ?? "" };
}

/**
 * Every job matching the filter, following NextToken; undefined when there are more than `maxPages` pages (the
 * caller then looks jobs up one by one instead).
 */
export async function listAllMediaJobs(client: CiClient, filter: MediaJobFilter, maxPages: number):
  Promise<XmlNode[] | undefined> {
  const jobs: XmlNode[] = [];
  let nextToken = "";
  for (let page = 0; page < maxPages; page++) {
    const listed = await listMediaJobs(client, filter, nextToken);
    jobs.push(...listed.jobs);
    if (!listed.nextToken) return jobs;
    nextToken = listed.nextToken;
  }
  return undefined;
}

/** Cancels a job that has not started running. */
export async function cancelMediaJob(client: CiClient, jobId: string): Promise<void> {
  await client.call({ action: "CancelMediaJob", method: "PUT", path: `/jobs/${jobId}`, query: { cancel: "" },
    idempotent: true });
}
