/** The emulated CI host: `<BucketName-APPID>.ci.<Region>.myqcloud.com`, signature verified before anything else. */
import { nodes, parseXml, text, XmlNode } from "../../provider/clients/xml";
import { verifyQSign } from "./auth";
import { CallbackRecord, callbackBody, callbackTarget, deliver } from "./callbacks";
import { ciTime, jobsDetail } from "./job-detail";
import { CiJob, CiJobStore } from "./jobs";
import { listQueues, updateQueue } from "./queue-routes";
import { CiQueueStore } from "./queues";
import { ciError, ciOk, CiReply, CiRequest } from "./reply";
import { SubmissionLog } from "../submissions";

export type { CiReply, CiRequest } from "./reply";

const CI_HOST = /^([a-z0-9][a-z0-9-]*-\d+)\.ci\.([a-z0-9-]+)\.myqcloud\.com$/;
const CANCELLABLE = new Set(["Submitted", "Pause"]);
/**
 * The tags whose jobs need no Output, stated here rather than taken from the provider so that the emulator checks
 * the provider's reading of the document: seed 004 (`POST /inventorytriggerjob`), Request.Operation.Output, "If the
 * media job type is not VideoTag, ExtractDigitalWatermark, MediaInfo, or QualityEstimate, this parameter will be
 * required"; `api/tencent-ci.md` says the same of `POST /jobs` ("MediaInfo: … Output not required").
 */
const TAGS_WITHOUT_OUTPUT: ReadonlySet<string> =
  new Set(["VideoTag", "ExtractDigitalWatermark", "MediaInfo", "QualityEstimate"]);

export function matchesCiHost(host: string): boolean {
  return CI_HOST.test(host);
}

/** A handler of the routes beyond media jobs and queues (the batch jobs). */
export type ExtraRoute = (req: CiRequest, bucket: string, region: string, segments: string[]) => CiReply | undefined;

export class CiService {
  readonly callbacks: CallbackRecord[] = [];
  readonly submissions = new SubmissionLog();
  private readonly pending = new Set<Promise<void>>();
  extraRoutes: ExtraRoute[] = [];

  constructor(
    readonly jobs: CiJobStore,
    readonly queues: CiQueueStore,
    private readonly secrets: ReadonlyMap<string, string>,
    private readonly nowSeconds: () => number,
  ) {
    jobs.onFinish = (job) => this.sendCallback(job);
    queues.onResume = (queue) => jobs.resumeQueue(queue.QueueId);
  }

  handle(req: CiRequest): CiReply {
    const [, bucket, region] = CI_HOST.exec(req.host) ?? [];
    const authFailure = verifyQSign(req.method, req.path, req.query, req.headers, this.secrets, this.nowSeconds());
    if (authFailure) return ciError(authFailure.status, authFailure.code, authFailure.message, req.requestId);
    try {
      return this.route(req, bucket!, region!);
    } catch (e) {
      return ciError(400, "MalformedXML", `The XML you provided was not well-formed: ${(e as Error).message}`,
        req.requestId);
    }
  }

  /** Submits a job as `POST /jobs` does; shared with the batch jobs, which make one per object. */
  submit(bucket: string, region: string, request: XmlNode, extra: Partial<CiJob> = {}): CiJob | string {
    const tag = text(request.Tag);
    const object = text(nodes(request.Input)[0]?.Object);
    const operation = nodes(request.Operation)[0] ?? {};
    if (!tag) return "Tag is required.";
    if (!object) return "Input.Object is required.";
    if (!TAGS_WITHOUT_OUTPUT.has(tag) && !operation.Output && !operation.TemplateId) {
      return `Operation.Output is required for ${tag} jobs.`;
    }
    const queues = this.queues.forBucket(bucket);
    const queueId = text(request.QueueId) ?? text(operation.QueueId);
    const queue = queueId ? queues.find((q) => q.QueueId === queueId)
      : queues.find((q) => q.Category === (text(request.QueueType) === "SpeedTranscoding" ? "SpeedTranscoding"
        : "Transcoding"));
    if (!queue) return `Queue ${queueId} does not exist in this bucket.`;
    return this.jobs.create({ bucket, region, tag, object, operation, request, queueId: queue.QueueId, ...extra },
      queue.State === "Paused");
  }

  /** Waits for callbacks in flight (tests, and closing). */
  async settle(): Promise<void> {
    await Promise.all([...this.pending]);
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
    if (resource === "queue" && !id && req.method === "GET") return listQueues(this.queues, req, bucket);
    if (resource === "queue" && id && req.method === "PUT") return updateQueue(this.queues, req, bucket, id);
    for (const extra of this.extraRoutes) {
      const reply = extra(req, bucket, region, segments);
      if (reply) return reply;
    }
    return ciError(404, "NoSuchResource", `No API answers ${req.method} ${req.path}.`, req.requestId);
  }

  private createJob(req: CiRequest, bucket: string, region: string): CiReply {
    const { root, body } = parseXml(req.body);
    if (root !== "Request") return ciError(400, "MalformedXML", "The root element must be Request.", req.requestId);
    const job = this.submit(bucket, region, body);
    if (typeof job === "string") return ciError(400, "InvalidArgument", job, req.requestId);
    this.submissions.record(text(nodes(body.Operation)[0]?.UserData));
    return ciOk({ JobsDetail: jobsDetail(this.jobs, job) });
  }

  private describeJobs(ids: string[], bucket: string, requestId: string): CiReply {
    const found: XmlNode[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const job = this.jobs.get(bucket, id);
      if (job) {
        found.push(jobsDetail(this.jobs, job));
        this.jobs.reported(job);
      } else {
        missing.push(id);
      }
    }
    return ciOk({ RequestId: requestId, JobsDetail: found, NonExistJobIds: missing });
  }

  /** `GET /jobs?tag=…` with the documented filters; NextToken is an offset. */
  private listJobs(req: CiRequest, bucket: string): CiReply {
    const q = req.query;
    if (!q.tag) return ciError(400, "InvalidArgument", "tag is required.", req.requestId);
    const size = Math.min(Number(q.size ?? "10"), 100);
    const states = q.states ? q.states.split(",") : undefined;
    let list = this.jobs.all().filter((j) => j.bucket === bucket && j.tag === q.tag &&
      (!q.queueId || j.queueId === q.queueId) &&
      (!q.inventoryTriggerJobId || j.inventoryTriggerJobId === q.inventoryTriggerJobId) &&
      (!q.inputObject || j.object === q.inputObject) &&
      (!states || states.includes(this.jobs.state(j))) &&
      (!q.startCreationTime || ciTime(j.createdAt) >= q.startCreationTime) &&
      (!q.endCreationTime || ciTime(j.createdAt) <= q.endCreationTime));
    list = list.sort((a, b) => (q.orderByTime === "Asc" ? a.createdAt - b.createdAt : b.createdAt - a.createdAt));
    const offset = Number(q.nextToken ?? "0");
    const page = list.slice(offset, offset + size);
    const next = offset + size < list.length ? String(offset + size) : "";
    return ciOk({ RequestId: req.requestId, JobsDetail: page.map((j) => jobsDetail(this.jobs, j)), NextToken: next });
  }

  private cancelJob(id: string, bucket: string, requestId: string): CiReply {
    const job = this.jobs.get(bucket, id);
    if (!job) return ciError(404, "NoSuchJob", `Job ${id} does not exist.`, requestId);
    const state = this.jobs.state(job);
    if (!CANCELLABLE.has(state)) {
      return ciError(400, "InvalidArgument", `Job ${id} is ${state}; only jobs not yet running can be cancelled.`,
        requestId);
    }
    this.jobs.cancel(job);
    return ciOk({ RequestId: requestId });
  }

  private sendCallback(job: CiJob): void {
    const target = callbackTarget(job.request, this.queues.get(job.bucket, job.queueId));
    if (!target) return;
    const record: CallbackRecord = { jobId: job.jobId, ...target,
      body: callbackBody(jobsDetail(this.jobs, job), target.format) };
    this.callbacks.push(record);
    const sending = deliver(record).finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }
}
