/** The documented InventoryTriggerJob constraints (../shared/api/tencent-ci.md), each naming field and rule. */
import {
  checkBucket, checkCallback, checkTagAndOutput, checkUserDataAndLevel,
} from "../ci-operation/rules";
import { Checker, CheckResult, shown, isUnknown } from "../check/checker";
import { checkJobKnobs } from "../lifecycle/job-knobs";
import { checkCiQueueId, checkRegion } from "../check/ids";
import { DOCUMENTED_TAGS } from "../ci-operation/tags";
import { valuesOf } from "../schema/declare";
import { BATCH_INPUT, INVENTORY_TRIGGER_JOB } from "./shape";

const NAME = /^[A-Za-z0-9_-]{1,128}$/;
const TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([+-])(\d\d)(\d\d)$/;
const INPUT_KINDS = Object.keys(BATCH_INPUT.properties);

export function checkInventoryTriggerJob(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  checkBucket(c, "bucket", inputs.bucket, "the bucket whose objects are processed, as <BucketName>-<APPID>");
  checkRegion(c, "region", inputs.region);
  if (c.required("name", inputs.name, "the batch's name")) {
    c.pattern("name", inputs.name, NAME, "must be at most 128 letters, digits, - and _");
  }
  c.oneOf("type", inputs.type, valuesOf(INVENTORY_TRIGGER_JOB.inputs.type));
  checkInput(c, inputs.input);
  checkJobKnobs(c, inputs);
  if (c.required("operation", inputs.operation, "what to do with each object") &&
    c.object("operation", inputs.operation)) {
    checkOperation(c, inputs.type ?? "Job", inputs.operation);
  }
  return c.result(inputs);
}

/** Exactly one kind of input. */
function checkInput(c: Checker, input: unknown): void {
  if (!c.required("input", input, "which objects to process") || !c.object("input", input)) return;
  const given = INPUT_KINDS.filter((k) => c.present(input[k]) || isUnknown(input[k]));
  if (given.length !== 1) {
    c.fail("input", `input takes exactly one of ${INPUT_KINDS.join(", ")}; got ${given.length ? given.join(" and ") : "none"}.`);
  }
}

function checkOperation(c: Checker, type: unknown, op: Record<string, unknown>): void {
  checkTimeInterval(c, op.timeInterval);
  checkUserDataAndLevel(c, op, "operation.");
  checkCallback(c, op, "operation.");
  if (type === "Job") checkJobOperation(c, op);
  if (type === "Workflow") checkWorkflowOperation(c, op);
}

/** Type Job: a tag and a queue, the CiMediaJob rules for the tag's parameters and output, no workflows. */
function checkJobOperation(c: Checker, op: Record<string, unknown>): void {
  if (c.required("operation.tag", op.tag, "the media job to run on each object, e.g. Transcode")) {
    c.oneOf("operation.tag", op.tag, DOCUMENTED_TAGS);
  }
  if (c.required("operation.queueId", op.queueId, "batch jobs of Type Job run in a queue")) {
    checkCiQueueId(c, "operation.queueId", op.queueId);
  }
  const jobParam = op.jobParam ?? {};
  if (c.object("operation.jobParam", jobParam)) {
    checkTagAndOutput(c, op.tag, jobParam, "operation.jobParam", op.output, "operation.output");
  }
  if (c.present(op.workflowIds)) c.fail("operation.workflowIds", "operation.workflowIds is for type Workflow.");
}

function checkWorkflowOperation(c: Checker, op: Record<string, unknown>): void {
  const ids = op.workflowIds;
  const empty = Array.isArray(ids) ? ids.length === 0 : !c.present(ids);
  if (empty && !isUnknown(ids)) {
    c.fail("operation.workflowIds", "operation.workflowIds is required for type Workflow: the workflows to trigger.");
  }
}

function checkTimeInterval(c: Checker, interval: unknown): void {
  if (!c.object("operation.timeInterval", interval)) return;
  const instants: Record<string, number> = {};
  for (const key of ["start", "end"]) {
    const path = `operation.timeInterval.${key}`;
    const value = interval[key];
    if (!c.string(path, value)) continue;
    const m = TIME.exec(value);
    if (!m) {
      c.fail(path, `${path} must be %Y-%m-%dT%H:%M:%S%z, e.g. 2024-01-01T00:00:00+0800; got ${shown(value)}.`);
      continue;
    }
    const [, y, mo, d, h, mi, s, sign, oh, om] = m;
    const offset = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
    instants[key] = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset;
  }
  if (instants.start !== undefined && instants.end !== undefined && instants.start > instants.end) {
    c.fail("operation.timeInterval", "operation.timeInterval.start must not be after operation.timeInterval.end.");
  }
}
