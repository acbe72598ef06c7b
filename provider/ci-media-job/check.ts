/**
 * CiMediaJob's check(): the rules its declaration states (provider/check/declared.ts), then those that relate
 * several fields (../shared/api/tencent-ci.md): what the tag needs and takes, output names, callbacks.
 */
import { Checker, CheckResult, isRecord } from "../check/checker";
import { checkInputs } from "../check/declared";
import { checkCallback, checkXmlValue, checkTagAndOutput, exemptTemplated } from "../ci-operation/rules";
import { CI_MEDIA_JOB } from "./shape";

export function checkCiMediaJob(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  exemptTemplated(c, inputs.operation, "operation");
  checkInputs(c, CI_MEDIA_JOB, inputs);
  checkCallback(c, inputs, "");
  // What the request body carries (bucket and region go in the host).
  for (const sent of ["tag", "input", "operation", "queueId", "queueType", "callBack", "callBackFormat", "callBackType",
    "callBackMqConfig"]) checkXmlValue(c, inputs[sent], sent);
  const op = inputs.operation;
  if (isRecord(op)) checkTagAndOutput(c, inputs.tag, op, "operation", op.output, "operation.output");
  return c.result(inputs);
}
