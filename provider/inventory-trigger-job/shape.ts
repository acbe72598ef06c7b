/**
 * InventoryTriggerJob's shape, declared once: its TypeScript types (below), the resource schema, the SDK class's
 * outputs, the provider's name lists and check()'s type rules come from it; the README's tables are checked against
 * it (test/unit/shape-agreement.test.ts).
 */
import { CI_CALLBACK, CI_OUTPUT, CI_TAG_PARAMETERS } from "../ci-operation/shape";
import { CI_BUCKET, CI_JOB_LEVEL, CI_QUEUE_ID, CI_USER_DATA, regionId } from "../schema/forms";
import { DOCUMENTED_TAGS } from "../ci-operation/tags";
import { JOB_KNOB_INPUTS, IN_PLACE_KNOBS } from "../lifecycle/job-knobs";
import {
  ComputedOf, InputsOf, namesOf, object, ObjectValue, opt, OutputsOf, req, resource, t,
} from "../schema/declare";

/** An instant of `Operation.TimeInterval` (seed 004): `%Y-%m-%dT%H:%M:%S%z`. */
export const BATCH_TIME_FORM = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([+-])(\d\d)(\d\d)$/;
const BATCH_TIME = t.string({ pattern: BATCH_TIME_FORM,
  form: "must be %Y-%m-%dT%H:%M:%S%z, e.g. 2024-01-01T00:00:00+0800" });

export const BATCH_INPUT = object("BatchInput", "Which objects to process: exactly one of the four.", {
  manifest: opt(t.string(), "A COS inventory manifest.json."),
  urlFile: opt(t.string(), "A file listing object URLs."),
  prefix: opt(t.string(), "Every object under this prefix."),
  object: opt(t.string(), "One object."),
});

const JOB_PARAM = object("BatchJobParam", "Type Job: a template, or the tag's parameters.", CI_TAG_PARAMETERS,
  { open: true });

export const BATCH_OPERATION = object("BatchOperation", "What to do with each object.", {
  timeInterval: opt(t.object(object("BatchTimeInterval", "Only objects uploaded in this window.", {
    start: opt(BATCH_TIME, "`%Y-%m-%dT%H:%M:%S%z` (e.g. 2024-01-01T00:00:00+0800)."),
    end: opt(BATCH_TIME, "`%Y-%m-%dT%H:%M:%S%z`."),
  })), "Only objects uploaded in this window."),
  tag: opt(t.string(DOCUMENTED_TAGS), "Type Job: the media job to run on each object."),
  jobParam: opt(t.object(JOB_PARAM), "Type Job: a template, or the tag's parameters (`transcode`, `smartCover`, " +
    "`snapshot`, …)."),
  output: opt(t.object(CI_OUTPUT), "Type Job: where each object's result goes; `${InventoryTriggerJobId}` may " +
    "appear in the object name."),
  queueId: opt(CI_QUEUE_ID, "Type Job: the queue the child jobs run in (required)."),
  userData: opt(CI_USER_DATA, "Echoed in callbacks."),
  jobLevel: opt(CI_JOB_LEVEL, "0, 1 or 2; higher runs first."),
  ...CI_CALLBACK,
  workflowIds: opt(t.oneOf(t.array(t.string()), t.string()), "Type Workflow: the workflows to trigger (required)."),
});

const FAILED_OBJECT = object("FailedObject", "One child job that failed.", {
  jobId: req(t.string(), "The child job's id."),
  object: req(t.string(), "The object it processed."),
  code: req(t.string(), "CI's failure code."),
  message: req(t.string(), "CI's failure message."),
});

const CHILD_JOBS = object("ChildJobSummary", "Type Job: what happened to the objects.", {
  total: req(t.integer(), "How many child jobs there were."),
  byState: req(t.map(t.integer()), "Counts by CI state (Success, Failed, Cancel, Running, …)."),
  failed: req(t.array(t.object(FAILED_OBJECT)), "The failed objects with their codes (at most 20)."),
  truncated: req(t.boolean(), "True when there were more child jobs (or failures) than were read."),
});

export const INVENTORY_TRIGGER_JOB = resource({
  name: "InventoryTriggerJob",
  description: "A Tencent Cloud Infinite batch job over a prefix, an inventory manifest, a URL list or one object: " +
    "each object gets a media job (Type Job) or triggers workflows (Type Workflow). `pulumi up` submits it and " +
    "waits until CI reports a terminal state.",
  inputs: {
    bucket: req(CI_BUCKET, "`<BucketName-APPID>` with media processing enabled."),
    region: opt(regionId("ap-guangzhou"), "The bucket's region (falls back to the provider's Tencent Cloud region)."),
    name: req(t.string({ pattern: /^[A-Za-z0-9_-]{1,128}$/, form: "must be at most 128 letters, digits, - and _" }),
      "At most 128 letters, digits, `-` and `_`."),
    type: opt(t.string(["Job", "Workflow"]), "Job (default) or Workflow."),
    input: req(t.object(BATCH_INPUT), "Which objects to process."),
    operation: req(t.object(BATCH_OPERATION), "What to do with each object."),
    ...JOB_KNOB_INPUTS,
  },
  outputs: {
    jobId: req(t.string(), "The batch job id, the resource's id."),
    state: req(t.string(), "The batch's state in CI's spelling."),
    progress: req(t.string(), "Percent of objects processed, as CI reports it (e.g. `66%`)."),
    code: req(t.string(), "CI's result code."),
    message: req(t.string(), "CI's result message."),
    times: req(t.object(object("BatchTimes", "When the batch was created, started and ended.", {
      creationTime: req(t.string(), "Created."),
      startTime: req(t.string(), "Started."),
      endTime: req(t.string(), "Ended."),
    })), "When the batch was created, started and ended."),
    childJobs: opt(t.object(CHILD_JOBS), "Type Job: what happened to the objects."),
  },
  idOutput: "jobId",
  updatable: [...IN_PLACE_KNOBS],
});

/** The names of InventoryTriggerJob's inputs and outputs (outputs hold every input too). */
export const INVENTORY_TRIGGER_JOB_SHAPE = namesOf(INVENTORY_TRIGGER_JOB);

/** InventoryTriggerJob's inputs: CI's `POST /inventorytriggerjob` request in camelCase, plus the knobs of every job. */
export type InventoryTriggerJobInputs = InputsOf<typeof INVENTORY_TRIGGER_JOB>;
/** What CI reports of the batch; for Type Job, once it has ended, a summary of its child jobs. */
export type InventoryTriggerJobComputed = ComputedOf<typeof INVENTORY_TRIGGER_JOB>;
export type InventoryTriggerJobOutputs = OutputsOf<typeof INVENTORY_TRIGGER_JOB>;
/** Which objects to process: exactly one of the four. */
export type BatchInput = ObjectValue<typeof BATCH_INPUT>;
/** What to do with each object. */
export type BatchOperation = ObjectValue<typeof BATCH_OPERATION>;
/** Type Job: what happened to the objects. */
export type ChildJobSummary = ObjectValue<typeof CHILD_JOBS>;
/** One child job that failed. */
export type FailedObject = ObjectValue<typeof FAILED_OBJECT>;
