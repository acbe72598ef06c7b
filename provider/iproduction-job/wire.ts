/** IProductionJob ⇄ the MPS wire: SubmitIProductionJob parameters, and a job's status → outputs. */
import type { IProductionJobStatus } from "../clients/alibaba/iproduction-jobs";
import type { MpsParams } from "../clients/alibaba/mps-client";
import { parseResult } from "./result";
import { IProductionJobComputed, IProductionJobInputs } from "./shape";

/** SubmitIProductionJob's parameters; `marker` is the UserData when the user left it empty. */
export function toSubmitParams(inputs: IProductionJobInputs, marker?: string): MpsParams {
  return {
    FunctionName: inputs.functionName,
    Input: inputs.input,
    Output: inputs.output,
    JobParams: inputs.jobParams === undefined ? undefined : JSON.stringify(inputs.jobParams),
    ModelId: inputs.modelId,
    PipelineId: inputs.pipelineId,
    NotifyUrl: inputs.notifyUrl,
    UserData: inputs.userData || marker,
    ScheduleParams: typeof inputs.scheduleParams === "object" ? JSON.stringify(inputs.scheduleParams)
      : inputs.scheduleParams,
  };
}

/** The outputs of a job: its state, and its Result with both JSON levels parsed and typed for the algorithm. */
export function outputsOfStatus(status: IProductionJobStatus, inputs: IProductionJobInputs): IProductionJobComputed {
  const { result, outputFiles } = parseResult(inputs.functionName, status.result, inputs.output);
  const computed: IProductionJobComputed = {
    jobId: status.jobId,
    state: status.state,
    code: result?.code ?? "",
    message: result?.message ?? "",
    outputFiles,
    pipelineId: status.pipelineId || inputs.pipelineId || "",
  };
  if (result) computed.result = result;
  return computed;
}
