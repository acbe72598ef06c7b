/** The emulated MPS endpoint `mts.<region>.aliyuncs.com`: RPC actions over POST forms (or GET queries). */
import { IProductionJobStore } from "./iproduction";
import { ApiError, PipelineStore } from "./pipelines";
import { parseRpcParams, RpcVerifier } from "./auth";
import { ACS3 } from "./acs3";
import { buildXml, XmlNode } from "../../provider/clients/xml";
import { toWire } from "../../provider/clients/case";
import { IncomingHttpHeaders } from "node:http";
import { SubmissionLog } from "../submissions";

const MPS_HOST = /^mts\.([a-z0-9-]+)\.aliyuncs\.com$/;
/**
 * The one API version MPS (product Mts) answers, stated here rather than taken from the provider's client so that a
 * client sending another is refused: `api/alibaba-mps.md`, "Endpoint and request", common parameter
 * `Version=2014-06-18` (what `@alicloud/mts20140618` sends too).
 */
const MPS_API_VERSION = "2014-06-18";

export interface MpsRequest {
  method: string;
  /** The host name (without a port). */
  host: string;
  /** The path as sent. */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
  requestId: string;
}

export interface MpsReply {
  status: number;
  body: string;
  /** The content type (JSON unless the request asked for XML). */
  contentType: string;
  /** The action answered (a submission may have its answer dropped by a fault). */
  action?: string;
}

/** An MPS answer in the format asked for: JSON, or XML under `root`. */
function mpsDocument(status: number, doc: Record<string, unknown>, root: string, format = "JSON"): MpsReply {
  return format === "XML"
    ? { status, body: buildXml(root, toWire(doc) as XmlNode), contentType: "text/xml;charset=utf-8" }
    : { status, body: JSON.stringify(doc), contentType: "application/json;charset=utf-8" };
}

/** MPS's error document: Code, Message, RequestId, HostId and Recommend. */
export function mpsError(status: number, code: string, message: string, requestId: string, host: string,
  format = "JSON"): MpsReply {
  return mpsDocument(status, { RequestId: requestId, HostId: host, Code: code, Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Mts` }, "Error", format);
}

export function matchesMpsHost(host: string): boolean {
  return MPS_HOST.test(host);
}

export interface MpsServiceOptions {
  jobs: IProductionJobStore;
  pipelines: PipelineStore;
  verifier: RpcVerifier;
  /** Where SubmitIProductionJob calls that created a job are counted. */
  submissions: SubmissionLog;
}

export class MpsService {
  private readonly jobs: IProductionJobStore;
  private readonly pipelines: PipelineStore;
  private readonly verifier: RpcVerifier;
  private readonly submissions: SubmissionLog;

  constructor(options: MpsServiceOptions) {
    this.jobs = options.jobs;
    this.pipelines = options.pipelines;
    this.verifier = options.verifier;
    this.submissions = options.submissions;
  }

  handle(req: MpsRequest): MpsReply {
    const { host, requestId } = req;
    const region = MPS_HOST.exec(host)![1]!;
    const params = rpcParams(req);
    const asked = (params.Format ?? "JSON").toUpperCase();
    const format = asked === "XML" ? "XML" : "JSON";
    const fail = (status: number, code: string, message: string) =>
      mpsError(status, code, message, requestId, host, format);
    if (asked !== format) {
      return fail(400, "InvalidParameter.Format", `Format must be JSON or XML; got "${params.Format}".`);
    }
    const refused = isAcs3(req) ? this.verifier.verifyAcs3(req) : this.verifier.verify(req.method, params);
    if (refused) return fail(refused.status, refused.code, refused.message);
    const action = params.Action ?? "";
    if (params.Version !== MPS_API_VERSION) {
      return fail(400, "InvalidVersion", `Specified parameter Version "${params.Version ?? ""}" is not valid.`);
    }
    try {
      return { ...mpsDocument(200, { RequestId: requestId, ...this.route(action, region, params) },
        `${action}Response`, format), action };
    } catch (e) {
      if (e instanceof ApiError) return fail(e.status, e.code, e.message);
      throw e;
    }
  }

  private route(action: string, region: string, p: Record<string, string>): Record<string, unknown> {
    switch (action) {
      case "SubmitIProductionJob": {
        if (!p.FunctionName) throw new ApiError(400, "MissingParameter", "FunctionName is mandatory for this action.");
        if (p.PipelineId && !this.pipelines.get(p.PipelineId)) {
          throw new ApiError(404, "InvalidParameter.ResourceNotFound", `The pipeline "${p.PipelineId}" does not exist.`);
        }
        if (p.JobParams) {
          try {
            JSON.parse(p.JobParams);
          } catch {
            throw new ApiError(400, "InvalidParameter.JobParams", "JobParams is not valid JSON.");
          }
        }
        const job = this.jobs.create(region, p);
        this.submissions.record(p.UserData);
        return { JobId: job.jobId, Result: "" };
      }
      case "QueryIProductionJob": {
        const job = p.JobId ? this.jobs.get(p.JobId) : undefined;
        if (!job) throw new ApiError(404, "InvalidParameter.JobNotFound", "The specified job is not found.");
        return this.jobs.describe(job);
      }
      case "AddPipeline":
        return { Pipeline: this.pipelines.add(p) };
      case "UpdatePipeline":
        return { Pipeline: this.pipelines.update(p) };
      case "QueryPipelineList": {
        const { found, missing } = this.pipelines.query((p.PipelineIds ?? "").split(",").filter(Boolean));
        return { PipelineList: { Pipeline: found }, NonExistPids: { String: missing } };
      }
      case "SearchPipeline": {
        const page = Number(p.PageNumber ?? "1");
        const size = Math.min(Number(p.PageSize ?? "10"), 100);
        const { total, list } = this.pipelines.search(p.State ?? "All", page, size);
        return { TotalCount: total, PageNumber: page, PageSize: size, PipelineList: { Pipeline: list } };
      }
      case "DeletePipeline":
        this.pipelines.delete(p.PipelineId ?? "");
        return { PipelineId: p.PipelineId };
      default:
        throw new ApiError(404, "InvalidAction.NotFound", `Specified api "${action}" is not found.`);
    }
  }
}

/**
 * The action's parameters wherever the client put them: the query string, a form body, or both (the V1 SDKs post
 * a form; the V3 Tea clients post an empty body with the parameters in the query and Action and Version in
 * `x-acs-action` / `x-acs-version`).
 */
function rpcParams(req: MpsRequest): Record<string, string> {
  const form = String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded") ||
    (req.method === "POST" && !req.headers["content-type"]);
  const params = { ...parseRpcParams(req.query), ...(form ? parseRpcParams(req.body) : {}) };
  if (isAcs3(req)) {
    params.Action ??= String(req.headers["x-acs-action"] ?? "");
    params.Version ??= String(req.headers["x-acs-version"] ?? "");
  }
  return params;
}

function isAcs3(req: MpsRequest): boolean {
  return String(req.headers.authorization ?? "").startsWith(ACS3);
}

