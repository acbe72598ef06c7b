/** IProductionJob ⇄ the MPS wire: SubmitIProductionJob parameters, and QueryIProductionJob → outputs. */
import { MpsBody, MpsParams } from "../clients/alibaba/mps-client";
import { parseResult } from "./result";
import { IProductionJobComputed, IProductionJobInputs } from "./types";

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

export function fromQuery(body: MpsBody, inputs: IProductionJobInputs): IProductionJobComputed {
  const raw = typeof body.Result === "string" ? body.Result : "";
  const { result, outputFiles } = parseResult(inputs.functionName, raw, inputs.output);
  const computed: IProductionJobComputed = {
    jobId: String(body.JobId ?? ""),
    state: String(body.State ?? ""),
    code: result?.code ?? "",
    message: result?.message ?? "",
    outputFiles,
  };
  if (result) computed.result = result;
  return computed;
}
