/** The emulated MPS endpoint `mts.<region>.aliyuncs.com`: RPC actions over POST forms (or GET queries). */
import { IProductionJobStore } from "./iproduction";
import { ApiError, PipelineStore } from "./pipelines";
import { parseRpcParams, RpcVerifier } from "./auth";
import { SubmissionLog } from "../submissions";

const MPS_HOST = /^mts\.([a-z0-9-]+)\.aliyuncs\.com$/;

export interface MpsReply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export function matchesMpsHost(host: string): boolean {
  return MPS_HOST.test(host);
}

export class MpsService {
  /** SubmitIProductionJob calls that created a job. */
  readonly submissions = new SubmissionLog();

  constructor(
    readonly jobs: IProductionJobStore,
    readonly pipelines: PipelineStore,
    private readonly verifier: RpcVerifier,
  ) {}

  handle(method: string, host: string, query: string, body: string, requestId: string): MpsReply {
    const region = MPS_HOST.exec(host)![1]!;
    const params = parseRpcParams(method === "GET" ? query : body);
    const fail = this.verifier.verify(method, params);
    if (fail) return error(fail.status, fail.code, fail.message, requestId, host);
    if (params.Format !== "JSON") {
      return error(400, "InvalidParameter.Format", "This emulator answers Format=JSON only.", requestId, host);
    }
    try {
      return ok({ RequestId: requestId, ...this.route(params.Action ?? "", region, params) });
    } catch (e) {
      if (e instanceof ApiError) return error(e.status, e.code, e.message, requestId, host);
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

function ok(body: Record<string, unknown>): MpsReply {
  return { status: 200, body: JSON.stringify(body) };
}

function error(status: number, code: string, message: string, requestId: string, host: string): MpsReply {
  return {
    status,
    body: JSON.stringify({ RequestId: requestId, HostId: host, Code: code, Message: message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Mts` }),
  };
}
