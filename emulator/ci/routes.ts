/** The emulated CI host: `<BucketName-APPID>.ci.<Region>.myqcloud.com`, signature verified before anything else. */
import { IncomingHttpHeaders } from "node:http";
import { buildXml, nodes, parseXml, text, XmlNode } from "../../provider/clients/tencent/xml";
import { verifyQSign } from "./auth";
import { jobsDetail } from "./job-detail";
import { CiJobStore } from "./jobs";

const CI_HOST = /^([a-z0-9][a-z0-9-]*-\d+)\.ci\.([a-z0-9-]+)\.myqcloud\.com$/;
const TAGS_WITHOUT_OUTPUT = new Set(["MediaInfo", "VideoTag", "ExtractDigitalWatermark", "QualityEstimate"]);
const CANCELLABLE = new Set(["Submitted", "Pause"]);

export interface CiRequest {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  requestId: string;
}

export interface CiReply {
  status: number;
  body: string;
}

export function matchesCiHost(host: string): boolean {
  return CI_HOST.test(host);
}

export class CiService {
  constructor(
    readonly jobs: CiJobStore,
    private readonly secrets: ReadonlyMap<string, string>,
    private readonly nowSeconds: () => number,
  ) {}

  handle(req: CiRequest): CiReply {
    const [, bucket, region] = CI_HOST.exec(req.host) ?? [];
    const authFailure = verifyQSign(req.method, req.path, req.query, req.headers, this.secrets, this.nowSeconds());
    if (authFailure) return error(authFailure.status, authFailure.code, authFailure.message, req.requestId);
    try {
      return this.route(req, bucket!, region!);
    } catch (e) {
      return error(400, "MalformedXML", `The XML you provided was not well-formed: ${(e as Error).message}`,
        req.requestId);
    }
  }

  private route(req: CiRequest, bucket: string, region: string): CiReply {
    const segments = req.path.split("/").filter(Boolean);
    if (segments[0] === "jobs" && segments.length === 1 && req.method === "POST") {
      return this.createJob(req, bucket, region);
    }
    if (segments[0] === "jobs" && segments.length === 2 && req.method === "GET") {
      return this.describeJobs(segments[1]!.split(","), bucket);
    }
    if (segments[0] === "jobs" && segments.length === 2 && req.method === "PUT" && "cancel" in req.query) {
      return this.cancelJob(segments[1]!, bucket, req.requestId);
    }
    return error(404, "NoSuchResource", `No API answers ${req.method} ${req.path}.`, req.requestId);
  }

  private createJob(req: CiRequest, bucket: string, region: string): CiReply {
    const { root, body } = parseXml(req.body);
    if (root !== "Request") return error(400, "MalformedXML", "The root element must be Request.", req.requestId);
    const tag = text(body.Tag);
    const object = text(nodes(body.Input)[0]?.Object);
    const operation = nodes(body.Operation)[0] ?? {};
    if (!tag) return error(400, "InvalidArgument", "Tag is required.", req.requestId);
    if (!object) return error(400, "InvalidArgument", "Input.Object is required.", req.requestId);
    if (!TAGS_WITHOUT_OUTPUT.has(tag) && !operation.Output) {
      return error(400, "InvalidArgument", `Operation.Output is required for ${tag} jobs.`, req.requestId);
    }
    const job = this.jobs.create({ bucket, region, tag, object, operation, queueId: text(body.QueueId) ?? "" });
    return ok({ JobsDetail: jobsDetail(this.jobs, job) });
  }

  private describeJobs(ids: string[], bucket: string): CiReply {
    const found: XmlNode[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const job = this.jobs.get(bucket, id);
      if (job) found.push(jobsDetail(this.jobs, job));
      else missing.push(id);
    }
    return ok({ JobsDetail: found, NonExistJobIds: missing });
  }

  private cancelJob(id: string, bucket: string, requestId: string): CiReply {
    const job = this.jobs.get(bucket, id);
    if (!job) return error(404, "NoSuchJob", `Job ${id} does not exist.`, requestId);
    const state = this.jobs.state(job);
    if (!CANCELLABLE.has(state)) {
      return error(400, "InvalidArgument", `Job ${id} is ${state}; only jobs not yet running can be cancelled.`,
        requestId);
    }
    this.jobs.cancel(job);
    return ok({});
  }
}

function ok(body: XmlNode): CiReply {
  return { status: 200, body: buildXml("Response", body) };
}

function error(status: number, code: string, message: string, requestId: string): CiReply {
  return {
    status,
    body: buildXml("Error", { Code: code, Message: message, RequestId: requestId, TraceId: requestId }),
  };
}
