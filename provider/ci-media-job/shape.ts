/**
 * CiMediaJob's shape, declared once: its TypeScript types (below), the resource schema, the SDK class's outputs, the
 * provider's name lists and check()'s type rules come from it; the README's tables are checked against it
 * (test/unit/shape-agreement.test.ts).
 */
import { CI_CALLBACK, CI_OUTPUT, CI_TAG_PARAMETERS } from "../ci-operation/shape";
import { CI_BUCKET, CI_JOB_LEVEL, CI_QUEUE_ID, CI_USER_DATA, regionId } from "../schema/forms";
import {
  ComputedOf, InputsOf, namesOf, object, ObjectValue, opt, OutputsOf, req, resource, t,
} from "../schema/declare";
import { JOB_KNOB_INPUTS, IN_PLACE_KNOBS } from "../lifecycle/job-knobs";

const OPERATION = object("CiOperation", "The tag's parameters (a template, or the nodes of the tag), the output, " +
  "userData and jobLevel.", {
  ...CI_TAG_PARAMETERS,
  output: opt(t.object(CI_OUTPUT), "Where the job writes its results (not for MediaInfo and the other tags " +
    "that write nothing)."),
  userData: opt(CI_USER_DATA, "Printable ASCII, at most 1024 characters; echoed in callbacks."),
  jobLevel: opt(CI_JOB_LEVEL, "0, 1 or 2; higher runs first."),
}, { open: true });

export const CI_OUTPUT_OBJECT = object("CiOutputObject", "One object the job wrote, with its MD5 where CI gives it.", {
  bucket: req(t.string(), "`<BucketName-APPID>`."),
  region: req(t.string(), "The bucket's region."),
  object: req(t.string(), "The object's name."),
  md5: opt(t.string(), "The object's MD5."),
});

const MEDIA_INFO_STREAMS = object("CiMediaInfoStreams", "The media's streams, each a map of CI's fields.", {
  video: opt(t.array(t.map(t.string())), "Video streams."),
  audio: opt(t.array(t.map(t.string())), "Audio streams."),
  subtitle: opt(t.any(), "Subtitle streams."),
});

const MEDIA_INFO = object("CiMediaInfo", "MediaInfo as CI reports it, keys in camelCase, values strings.", {
  format: opt(t.map(t.string()), "The container: formatName, duration, bitrate, size, …"),
  stream: opt(t.object(MEDIA_INFO_STREAMS), "The streams."),
}, { open: true });

export const CI_MEDIA_JOB = resource({
  name: "CiMediaJob",
  description: "A Tencent Cloud Infinite media job (SmartCover, MediaInfo, Snapshot, Transcode, …). `pulumi up` " +
    "submits the job and waits until CI reports a terminal state; a failed job fails the update with its JobId, " +
    "Code and Message. Any change of the job's inputs or `triggers` runs a new job; `pulumi destroy` cancels a job " +
    "that has not started running and otherwise forgets it (and, with `deleteOutputsOnDestroy`, deletes the objects " +
    "it wrote).",
  inputs: {
    bucket: req(CI_BUCKET, "`<BucketName-APPID>` with media processing enabled."),
    region: opt(regionId("ap-guangzhou"), "The bucket's region (falls back to the provider's Tencent Cloud region)."),
    tag: req(t.string({ pattern: /^[A-Z][A-Za-z0-9]*$/, form: "must be a CI job tag such as SmartCover, MediaInfo or " +
      "Transcode" }), "The job's kind: SmartCover, MediaInfo, Snapshot, Transcode, Animation, … (any CI job tag)."),
    input: req(t.object(object("CiInput", "The object to process.", {
      object: req(t.string({ pattern: /^[^/]/, form: "is an object name and must not start with /" }),
        "The object's name in the bucket."),
    })), "The object to process."),
    operation: req(t.object(OPERATION), "What the job does."),
    queueId: opt(CI_QUEUE_ID, "The queue to run in (default: the bucket's queue of `queueType`)."),
    queueType: opt(t.string(["Transcoding", "SpeedTranscoding"]),
      "SpeedTranscoding sends the job to the bucket's speed queue."),
    ...CI_CALLBACK,
    ...JOB_KNOB_INPUTS,
  },
  outputs: {
    jobId: req(t.string(), "The CI job id (`j…`), the resource's id."),
    state: req(t.string(), "The job's state in CI's spelling: Submitted, Running, Success, Failed, Pause, Cancel."),
    code: req(t.string(), "CI's result code (`Success`, or the failure code; empty until the job ends)."),
    message: req(t.string(), "CI's result message."),
    creationTime: req(t.string(), "When the job was created."),
    startTime: req(t.string(), "When the job started (empty until it starts)."),
    endTime: req(t.string(), "When the job ended (empty until it ends)."),
    queueId: req(t.string(), "The queue the job ran in."),
    outputObjects: req(t.array(t.object(CI_OUTPUT_OBJECT)), "The objects the job wrote (`${Number}` expanded)."),
    spriteObjects: req(t.array(t.object(CI_OUTPUT_OBJECT)), "For Snapshot jobs with sprites: the sprite sheets " +
      "written."),
    mediaInfo: opt(t.object(MEDIA_INFO), "For MediaInfo jobs: the media's format and streams."),
  },
  idOutput: "jobId",
  updatable: [...IN_PLACE_KNOBS],
});

/** The names of CiMediaJob's inputs and outputs (outputs hold every input too). */
export const CI_MEDIA_JOB_SHAPE = namesOf(CI_MEDIA_JOB);

/**
 * CiMediaJob's inputs as the provider takes them (resolved values): the vendor request one to one, same nesting,
 * vendor names in camelCase (design §2), plus the knobs of every job.
 */
export type CiMediaJobInputs = InputsOf<typeof CI_MEDIA_JOB>;
/**
 * What CI reports of the job: its id and state (CI's spelling), result code and message, times, the queue it ran in
 * (the one given, or the bucket's default), the objects and sprite sheets it wrote, and MediaInfo.
 */
export type CiMediaJobComputed = ComputedOf<typeof CI_MEDIA_JOB>;
export type CiMediaJobOutputs = OutputsOf<typeof CI_MEDIA_JOB>;
/** The tag's parameters (a template, or the nodes of the tag), the output, userData and jobLevel. */
export type CiOperation = ObjectValue<typeof OPERATION>;
/** One object the job wrote, with its MD5 where CI gives it. */
export type CiOutputObject = ObjectValue<typeof CI_OUTPUT_OBJECT>;
/** MediaInfo as CI reports it, keys in camelCase, values strings. */
export type CiMediaInfo = ObjectValue<typeof MEDIA_INFO>;
