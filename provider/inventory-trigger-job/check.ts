/**
 * InventoryTriggerJob's check(): the rules its declaration states (provider/check/declared.ts), then those that
 * relate several fields (../shared/api/tencent-ci.md): one kind of input, what each type of batch needs, the time
 * window's order, and the CI operation's rules shared with CiMediaJob.
 */
import { checkCallback, checkXmlValue, checkTagAndOutput, exemptTemplated } from "../ci-operation/rules";
import { Checker, CheckResult, isRecord, isUnknown } from "../check/checker";
import { checkInputs } from "../check/declared";
import { BATCH_INPUT, BATCH_TIME_FORM, INVENTORY_TRIGGER_JOB } from "./shape";

const INPUT_KINDS = Object.keys(BATCH_INPUT.properties);

export function checkInventoryTriggerJob(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  if (isRecord(inputs.operation)) exemptTemplated(c, inputs.operation.jobParam, "operation.jobParam");
  checkInputs(c, INVENTORY_TRIGGER_JOB, inputs);
  checkInput(c, inputs.input);
  for (const sent of ["name", "type", "input", "operation"]) checkXmlValue(c, inputs[sent], sent);
  if (isRecord(inputs.operation)) checkOperation(c, inputs.type ?? "Job", inputs.operation);
  return c.result(inputs);
}

/** Exactly one kind of input. */
function checkInput(c: Checker, input: unknown): void {
  if (!isRecord(input)) return;
  const given = INPUT_KINDS.filter((k) => c.present(input[k]) || isUnknown(input[k]));
  if (given.length !== 1) {
    c.fail("input", `input takes exactly one of ${INPUT_KINDS.join(", ")}; got ${given.length ? given.join(" and ") : "none"}.`);
  }
}

function checkOperation(c: Checker, type: unknown, op: Record<string, unknown>): void {
  checkTimeInterval(c, op.timeInterval);
  checkCallback(c, op, "operation.");
  if (type === "Job") checkJobOperation(c, op);
  if (type === "Workflow") checkWorkflowOperation(c, op);
}

/** Type Job: a tag and a queue, the CiMediaJob rules for the tag's parameters and output, no workflows. */
function checkJobOperation(c: Checker, op: Record<string, unknown>): void {
  c.required("operation.tag", op.tag, "the media job to run on each object, e.g. Transcode");
  c.required("operation.queueId", op.queueId, "batch jobs of Type Job run in a queue");
  const jobParam = op.jobParam ?? {};
  if (isRecord(jobParam)) checkTagAndOutput(c, op.tag, jobParam, "operation.jobParam", op.output, "operation.output");
  if (c.present(op.workflowIds)) c.fail("operation.workflowIds", "operation.workflowIds is for type Workflow.");
}

function checkWorkflowOperation(c: Checker, op: Record<string, unknown>): void {
  const ids = op.workflowIds;
  const empty = Array.isArray(ids) ? ids.length === 0 : !c.present(ids);
  if (empty && !isUnknown(ids)) {
    c.fail("operation.workflowIds", "operation.workflowIds is required for type Workflow: the workflows to trigger.");
  }
}

/** The window's start must not be after its end (each instant's form is declared). */
function checkTimeInterval(c: Checker, interval: unknown): void {
  if (!isRecord(interval)) return;
  const [start, end] = [instant(interval.start), instant(interval.end)];
  if (start !== undefined && end !== undefined && start > end) {
    c.fail("operation.timeInterval", "operation.timeInterval.start must not be after operation.timeInterval.end.");
  }
}

/** `%Y-%m-%dT%H:%M:%S%z` as epoch ms; undefined for anything else. */
function instant(value: unknown): number | undefined {
  const m = typeof value === "string" ? BATCH_TIME_FORM.exec(value) : null;
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const offset = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset;
}
