/**
 * IProductionJob's shape, declared once: its TypeScript types (below), the resource schema, the SDK class's outputs,
 * the provider's name lists and check()'s type rules come from it; the README's tables are checked against it
 * (test/unit/shape-agreement.test.ts).
 */
import { JOB_KNOB_INPUTS, IN_PLACE_KNOBS } from "../lifecycle/job-knobs";
import { OSS_URL } from "../clients/alibaba/oss-url";
import { regionId } from "../schema/forms";
import {
  ComputedOf, InputsOf, namesOf, object, ObjectValue, opt, OutputsOf, req, resource, t,
} from "../schema/declare";

const OSS_URL_TEXT = "`oss://<bucket>.oss-<region>.aliyuncs.com/<object>`";
/** An OSS URL as MPS takes it (clients/alibaba/oss-url.ts reads it). */
const OSS_URL_TYPE = t.string({ pattern: OSS_URL,
  form: "must be an OSS URL oss://<bucket>.oss-<region>.aliyuncs.com/<object>" });
/**
 * An MNS queue URL: `<accountId>.mns.<region>`, or `<accountId>.oss-<region>` as the API reference's own example
 * writes it.
 */
export const MNS_URL = /^mns:\/\/(\d+)\.(?:mns\.|oss-)([a-z0-9-]+)\.aliyuncs\.com\/queues\/[A-Za-z0-9][A-Za-z0-9-]{0,255}$/;

const RESULT = object("IProductionResult", "The job's Result, both JSON levels parsed.", {
  code: req(t.string(), "The algorithm's result code."),
  message: req(t.string(), "The algorithm's result message."),
  data: opt(t.any(), "The algorithm's data (typed for the algorithms the README lists)."),
});

/**
 * The shapes `result.data` takes for the algorithms whose results are documented. Not in the schema (`data` is any
 * there: its shape depends on the algorithm); declared here so their TypeScript types come from one place too.
 */
export const COVER_FRAME = object("CoverFrame", "Cover: one scored frame.", {
  score: req(t.number(), "The frame's score."),
  time: req(t.number(), "Seconds into the video."),
  url: req(t.string(), "The frame's object."),
});
export const MUSIC_SEGMENT = object("MusicSegment", "MusicSegmentDetect: one segment.", {
  start: req(t.number(), "Seconds from the start."),
  end: req(t.number(), "Seconds from the start."),
  title: req(t.string(), "The segment's title."),
});

export const IPRODUCTION_JOB = resource({
  name: "IProductionJob",
  description: "An Alibaba Cloud MPS smart-production job (Cover, ImageCartoonize, CaptionExtraction, …). " +
    "`pulumi up` submits it and waits until MPS reports Success or Fail; its result becomes outputs.",
  inputs: {
    region: opt(regionId("cn-shanghai"), "MPS region (falls back to the provider's Alibaba Cloud region)."),
    functionName: req(t.string({ pattern: /^[A-Za-z][A-Za-z0-9]*$/, form: "must be an algorithm name" }),
      "The algorithm, e.g. Cover, ImageCartoonize, CaptionExtraction."),
    input: opt(OSS_URL_TYPE, `${OSS_URL_TEXT}; required by the algorithms that process a file.`),
    output: opt(OSS_URL_TYPE, `${OSS_URL_TEXT} with \`{source}\`, \`{timestamp}\`, \`{sequenceId}\`, \`{resultType}\`.`),
    jobParams: opt(t.map(t.any()), "The algorithm's parameters, sent as a JSON string."),
    modelId: opt(t.string(), "The model to use."),
    pipelineId: opt(t.string({ pattern: /^[0-9a-f]{32}$/, form: "must be an MPS pipeline id (32 hex characters)" }),
      "A pipeline id; without it MPS uses the region's default pipeline."),
    notifyUrl: opt(t.string({ pattern: MNS_URL, form: "must be an MNS queue URL " +
      "mns://<accountId>.mns.<region>.aliyuncs.com/queues/<queue>" }),
    "An MNS queue or topic for the job's notification."),
    userData: opt(t.string(), "Echoed in the notification."),
    scheduleParams: opt(t.oneOf(t.map(t.any()), t.string()), "Scheduling parameters: an object (sent as JSON) or " +
      "a JSON string."),
    ...JOB_KNOB_INPUTS,
  },
  outputs: {
    jobId: req(t.string(), "The MPS job id, the resource's id."),
    state: req(t.string(), "MPS's spelling: Queuing, Analysing, Success, Fail."),
    code: req(t.string(), "MPS's result code (empty until the job ends)."),
    message: req(t.string(), "MPS's result message."),
    result: opt(t.object(RESULT), "The job's Result, both JSON levels parsed."),
    outputFiles: req(t.array(t.string()), "The objects the job wrote, as full `oss://` URLs."),
    pipelineId: req(t.string(), "The pipeline the job ran in: the one given, or the region's default one."),
  },
  idOutput: "jobId",
  updatable: [...IN_PLACE_KNOBS],
});

/** The names of IProductionJob's inputs and outputs (outputs hold every input too). */
export const IPRODUCTION_JOB_SHAPE = namesOf(IPRODUCTION_JOB);

/** IProductionJob's inputs: SubmitIProductionJob's parameters in camelCase, plus the knobs of every job. */
export type IProductionJobInputs = InputsOf<typeof IPRODUCTION_JOB>;
/** What MPS reports of the job: its state, its Result parsed, the objects it wrote, the pipeline it ran in. */
export type IProductionJobComputed = ComputedOf<typeof IPRODUCTION_JOB>;
export type IProductionJobOutputs = OutputsOf<typeof IPRODUCTION_JOB>;
/** The job's Result, both JSON levels parsed; `data` is typed for the algorithms listed in the README. */
export type IProductionResult = ObjectValue<typeof RESULT>;
/** Cover: one scored frame. */
export type CoverFrame = ObjectValue<typeof COVER_FRAME>;
/** MusicSegmentDetect: one segment. */
export type MusicSegment = ObjectValue<typeof MUSIC_SEGMENT>;
