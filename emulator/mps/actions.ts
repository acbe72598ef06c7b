/** The MPS actions the emulator answers, one handler an action in `MPS_ACTIONS`. */
import { SubmissionLog } from "../submissions";
import { IProductionJobStore } from "./iproduction";
import { ApiError, PipelineStore } from "./pipelines";

/** What the actions work on. */
export interface MpsState {
  jobs: IProductionJobStore;
  pipelines: PipelineStore;
  /** Where SubmitIProductionJob calls that created a job are counted. */
  submissions: SubmissionLog;
}

/** Answers the fields of `<Action>Response` besides RequestId; throws an ApiError to refuse. */
export type MpsAction = (state: MpsState, params: Record<string, string>, region: string) => Record<string, unknown>;

/** The actions answered, by name; any other is `InvalidAction.NotFound`. */
export const MPS_ACTIONS: Readonly<Record<string, MpsAction>> = {
  SubmitIProductionJob: submitIProductionJob,
  QueryIProductionJob: ({ jobs }, p) => {
    const job = p.JobId ? jobs.get(p.JobId) : undefined;
    if (!job) throw new ApiError(404, "InvalidParameter.JobNotFound", "The specified job is not found.");
    return jobs.describe(job);
  },
  AddPipeline: ({ pipelines }, p) => ({ Pipeline: pipelines.add(p) }),
  UpdatePipeline: ({ pipelines }, p) => ({ Pipeline: pipelines.update(p) }),
  QueryPipelineList: ({ pipelines }, p) => {
    const { found, missing } = pipelines.query((p.PipelineIds ?? "").split(",").filter(Boolean));
    return { PipelineList: { Pipeline: found }, NonExistPids: { String: missing } };
  },
  SearchPipeline: ({ pipelines }, p) => {
    const page = Number(p.PageNumber ?? "1");
    const size = Math.min(Number(p.PageSize ?? "10"), 100);
    const { total, list } = pipelines.search(p.State ?? "All", page, size);
    return { TotalCount: total, PageNumber: page, PageSize: size, PipelineList: { Pipeline: list } };
  },
  DeletePipeline: ({ pipelines }, p) => {
    pipelines.delete(p.PipelineId ?? "");
    return { PipelineId: p.PipelineId };
  },
};

function submitIProductionJob({ jobs, pipelines, submissions }: MpsState, p: Record<string, string>, region: string):
  Record<string, unknown> {
  if (!p.FunctionName) throw new ApiError(400, "MissingParameter", "FunctionName is mandatory for this action.");
  if (p.PipelineId && !pipelines.get(p.PipelineId)) {
    throw new ApiError(404, "InvalidParameter.ResourceNotFound", `The pipeline "${p.PipelineId}" does not exist.`);
  }
  if (p.JobParams) {
    try {
      JSON.parse(p.JobParams);
    } catch {
      throw new ApiError(400, "InvalidParameter.JobParams", "JobParams is not valid JSON.");
    }
  }
  const job = jobs.create(region, p);
  submissions.record(p.UserData);
  return { JobId: job.jobId, Result: "" };
}
