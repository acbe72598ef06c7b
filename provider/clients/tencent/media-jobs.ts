/**
 * CI media job operations: `POST /jobs`, `GET /jobs/<id>[,<id>…]`, `GET /jobs`, `PUT /jobs/<id>?cancel`. A job's
 * JobsDetail is read here, once, into a typed {@link MediaJob}; nothing above this layer reads CI's XML.
 */
import type { CiMediaInfo, CiOutputObject } from "../../ci-media-job/shape";
import { fromWire } from "../case";
import { InvalidResponseError } from "../../errors";
import { CI_MAX_PAGE_SIZE, CiClient } from "./ci-client";
import { CiJobStatus, readJobStatus } from "./job-status";
import { idList, nodes, text, texts, XmlNode } from "../xml";

/** States after which a job never changes. */
export const TERMINAL_JOB_STATES: ReadonlySet<string> = new Set(["Success", "Failed", "Cancel"]);

/** States in which a job can still be cancelled (it has not started running). */
export const CANCELLABLE_JOB_STATES: ReadonlySet<string> = new Set(["Submitted", "Pause"]);

/** One object a job wrote, with its MD5 where CI gives it (declared with CiMediaJob's outputs). */
export type JobOutputObject = CiOutputObject;

/** MediaInfo as CI reports it, keys in camelCase, values strings (declared with CiMediaJob's outputs). */
export type MediaInfoReport = CiMediaInfo;

/** A media job as CI describes it. */
export interface MediaJob extends CiJobStatus {
  tag: string;
  queueId: string;
  inputObject: string;
  outputObjects: JobOutputObject[];
  /** Snapshot: the sprite sheets written. */
  spriteObjects: JobOutputObject[];
  mediaInfo?: MediaInfoReport;
}

/** Reads a JobsDetail. Whatever a malformed answer holds, this never throws: absent fields read as empty. */
export function readMediaJob(detail: XmlNode): MediaJob {
  const operation = nodes(detail.Operation)[0] ?? {};
  const result = nodes(operation.MediaResult)[0];
  const mediaInfo = nodes(operation.MediaInfo)[0];
  const files = result ? nodes(result.OutputFile) : [];
  const job: MediaJob = {
    ...readJobStatus(detail),
    tag: text(detail.Tag) ?? "",
    queueId: text(detail.QueueId) ?? "",
    inputObject: text(nodes(detail.Input)[0]?.Object) ?? "",
    outputObjects: files.flatMap(objectsOf),
    spriteObjects: files.flatMap((f) => nodes(f.SpriteOutputFile)).flatMap(objectsOf),
  };
  if (mediaInfo) job.mediaInfo = fromWire(mediaInfo) as MediaInfoReport;
  return job;
}

/** The objects one OutputFile (or SpriteOutputFile) names, with their MD5 where CI gives it. */
function objectsOf(file: XmlNode): JobOutputObject[] {
  const bucket = text(file.Bucket) ?? "";
  const region = text(file.Region) ?? "";
  const md5 = new Map(nodes(file.Md5Info).map((m) => [text(m.ObjectName) ?? "", text(m.Md5) ?? ""]));
  return texts(file.ObjectName).map((object) => {
    const md5sum = md5.get(object);
    return md5sum ? { bucket, region, object, md5: md5sum } : { bucket, region, object };
  });
}

/** Submits a job (the `<Request>` content of `POST /jobs`). */
export async function submitMediaJob(client: CiClient, request: XmlNode): Promise<MediaJob> {
  const res = await client.call({ action: "CreateMediaJob", method: "POST", path: "/jobs", body: request,
    idempotent: false });
  const detail = nodes(res.JobsDetail)[0];
  if (!detail?.JobId) {
    throw new InvalidResponseError({ service: "ci", action: "CreateMediaJob", status: 200,
      problem: "the answer carries no JobsDetail with a JobId", requestId: text(res.RequestId), retryable: false });
  }
  return readMediaJob(detail);
}

/**
 * Describes jobs by id; unknown ids come back in `missing` (CI answers 200 with NonExistJobIds, not 404, flat or
 * nested: see idList).
 */
export async function describeMediaJobs(client: CiClient, jobIds: readonly string[]):
  Promise<{ jobs: MediaJob[]; missing: string[]; requestId?: string }> {
  const res = await client.call({ action: "DescribeMediaJob", method: "GET", path: `/jobs/${jobIds.join(",")}`,
    idempotent: true });
  return { jobs: nodes(res.JobsDetail).map(readMediaJob), missing: idList(res.NonExistJobIds),
    requestId: text(res.RequestId) };
}

export interface MediaJobFilter {
  tag: string;
  /** CI times (ciTime): created in [since, until]. */
  since?: string;
  until?: string;
  inputObject?: string;
  queueId?: string;
  /** The children of a batch job. */
  batchId?: string;
}

/** One page of the jobs matching the filter, newest first (`GET /jobs`), and the token of the next page. */
export async function listMediaJobs(client: CiClient, filter: MediaJobFilter, nextToken = ""):
  Promise<{ jobs: MediaJob[]; nextToken: string }> {
  const query: Record<string, string> = { tag: filter.tag, orderByTime: "Desc", size: String(CI_MAX_PAGE_SIZE) };
  if (filter.since) query.startCreationTime = filter.since;
  if (filter.until) query.endCreationTime = filter.until;
  if (filter.inputObject) query.inputObject = filter.inputObject;
  if (filter.queueId) query.queueId = filter.queueId;
  if (filter.batchId) query.inventoryTriggerJobId = filter.batchId;
  if (nextToken) query.nextToken = nextToken;
  const res = await client.call({ action: "DescribeMediaJobs", method: "GET", path: "/jobs", query, idempotent: true });
  return { jobs: nodes(res.JobsDetail).map(readMediaJob), nextToken: text(res.NextToken) ?? "" };
}

/**
 * The jobs matching the filter, following NextToken for at most `maxPages` pages; `complete` is false when there
 * were more.
 */
export async function listAllMediaJobs(client: CiClient, filter: MediaJobFilter, maxPages: number):
  Promise<{ jobs: MediaJob[]; complete: boolean }> {
  const jobs: MediaJob[] = [];
  let nextToken = "";
  for (let page = 0; page < maxPages; page++) {
    const listed = await listMediaJobs(client, filter, nextToken);
    jobs.push(...listed.jobs);
    if (!listed.nextToken) return { jobs, complete: true };
    nextToken = listed.nextToken;
  }
  return { jobs, complete: false };
}

/** Cancels a job that has not started running. */
export async function cancelMediaJob(client: CiClient, jobId: string): Promise<void> {
  await client.call({ action: "CancelMediaJob", method: "PUT", path: `/jobs/${jobId}`, query: { cancel: "" },
    idempotent: true });
}
