/** The emulated CI host: `<BucketName-APPID>.ci.<Region>.myqcloud.com`, signature verified before anything else. */
import { nodes, parseXml, text, XmlNode } from "../../provider/clients/xml";
import { verifyQSign } from "./auth";
import { ciTime, jobsDetail } from "./job-detail";
import { CiJobStore } from "./jobs";
import { listQueues, updateQueue } from "./queue-routes";
import { CiQueueStore } from "./queues";
import { ciError, ciJsonError, ciOk, CiReply, CiRequest } from "./reply";
import { submitJob } from "./submit";
import { SubmissionLog } from "../submissions";
import type { SigningKeys } from "../sts/temporary-keys";

export type { CiReply, CiRequest } from "./reply";

const CI_HOST = /^([a-z0-9][a-z0-9-]*-\d+)\.ci\.([a-z0-9-]+)\.myqcloud\.com$/;
const CANCELLABLE = new Set(["Submitted", "Pause"]);

export function matchesCiHost(host: string): boolean {
  return CI_HOST.test(host);
}

/** A handler of the routes beyond media jobs and queues (the batch jobs). */
export type ExtraRoute = (req: CiRequest, bucket: string, region: string, segments: string[]) => CiReply | undefined;

/** The parts the CI routes answer from. */
export interface CiServiceOptions {
  jobs: CiJobStore;
  queues: CiQueueStore;
  /** Where created jobs are counted by UserData (shared with the batches). */
  submissions: SubmissionLog;
  /** The SecretKey that signs for a SecretId (and token). */
  keys: SigningKeys;
  nowSeconds: () => number;
  /** Asked in order for a request no media-job or queue route answers. */
  extraRoutes?: readonly ExtraRoute[];
}

export class CiService {
  constructor(private readonly parts: CiServiceOptions) {}

  handle(req: CiRequest): CiReply {
    const [, bucket, region] = CI_HOST.exec(req.host) ?? [];
    const { keys, nowSeconds } = this.parts;
    const authFailure = verifyQSign(req.method, req.path, req.query, req.headers, keys, nowSeconds(),
      "x-ci-security-token");
    if (authFailure) return ciError(authFailure.status, authFailure.code, authFailure.message, req.requestId);
    try {
      return this.route(req, bucket!, region!);
    } catch (e) {
      return ciError(400, "MalformedXML", `The XML you provided was not well-formed: ${(e as Error).message}`,
        req.requestId);
    }
  }

  private route(req: CiRequest, bucket: string, region: string): CiReply {
    const segments = req.path.split("/").filter(Boolean);
    const [resource, id] = segments;
    if (resource === "jobs" && !id && req.method === "POST") return this.createJob(req, bucket, region);
    if (resource === "jobs" && !id && req.method === "GET") return this.listJobs(req, bucket);
    if (resource === "jobs" && id && segments.length === 2 && req.method === "GET") {
      return this.describeJobs(id.split(","), bucket, req.requestId);
    }
    if (resource === "jobs" && id && req.method === "PUT" && "cancel" in req.query) {
      return this.cancelJob(id, bucket, req.requestId);
    }
    const { jobs, queues } = this.parts;
    if (resource === "queue" && !id && req.method === "GET") return listQueues(queues, req, bucket);
    if (resource === "queue" && id && req.method === "PUT") return updateQueue(queues, jobs, req, bucket, id);
    for (const extra of this.parts.extraRoutes ?? []) {
      const reply = extra(req, bucket, region, segments);
      if (reply) return reply;
    }
    return ciJsonError(404, "404 NotFound", req.requestId);
  }

  private createJob(req: CiRequest, bucket: string, region: string): CiReply {
    const { root, body } = parseXml(req.body);
    if (root !== "Request") return ciError(400, "MalformedXML", "The root element must be Request.", req.requestId);
    const job = submitJob(this.parts, bucket, region, body);
    if (typeof job === "string") return ciError(400, "InvalidArgument", job, req.requestId);
    this.parts.submissions.record(text(nodes(body.Operation)[0]?.UserData));
    return ciOk({ JobsDetail: jobsDetail(this.parts.jobs, job) });
  }

  private describeJobs(ids: string[], bucket: string, requestId: string): CiReply {
    const { jobs } = this.parts;
    const found: XmlNode[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const job = jobs.get(bucket, id);
      if (job) {
        found.push(jobsDetail(jobs, job));
        jobs.reported(job);
      } else {
        missing.push(id);
      }
    }
    return ciOk({ RequestId: requestId, JobsDetail: found, NonExistJobIds: missing });
  }

  /** `GET /jobs?tag=…` with the documented filters; NextToken is an offset. */
  private listJobs(req: CiRequest, bucket: string): CiReply {
    const q = req.query;
    const { jobs } = this.parts;
    if (!q.tag) return ciError(400, "InvalidArgument", "tag is required.", req.requestId);
    const size = Math.min(Number(q.size ?? "10"), 100);
    const states = q.states ? q.states.split(",") : undefined;
    let list = jobs.all().filter((j) => j.bucket === bucket && j.tag === q.tag &&
      (!q.queueId || j.queueId === q.queueId) &&
      (!q.inventoryTriggerJobId || j.inventoryTriggerJobId === q.inventoryTriggerJobId) &&
      (!q.inputObject || j.object === q.inputObject) &&
      (!states || states.includes(jobs.state(j))) &&
      (!q.startCreationTime || ciTime(j.createdAt) >= q.startCreationTime) &&
      (!q.endCreationTime || ciTime(j.createdAt) <= q.endCreationTime));
    list = list.sort((a, b) => (q.orderByTime === "Asc" ? a.createdAt - b.createdAt : b.createdAt - a.createdAt));
    const offset = Number(q.nextToken ?? "0");
    const page = list.slice(offset, offset + size);
    const next = offset + size < list.length ? String(offset + size) : "";
    return ciOk({ RequestId: req.requestId, JobsDetail: page.map((j) => jobsDetail(jobs, j)), NextToken: next });
  }

  private cancelJob(id: string, bucket: string, requestId: string): CiReply {
    const { jobs } = this.parts;
    const job = jobs.get(bucket, id);
    if (!job) return ciError(404, "NoSuchJob", `Job ${id} does not exist.`, requestId);
    const state = jobs.state(job);
    if (!CANCELLABLE.has(state)) {
      return ciError(400, "InvalidArgument", `Job ${id} is ${state}; only jobs not yet running can be cancelled.`,
        requestId);
    }
    jobs.cancel(job);
    return ciOk({ RequestId: requestId });
  }
}
