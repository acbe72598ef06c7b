/**
 * MediaPipeline's shape, declared once: its TypeScript types (below, one per cloud), the resource schema, the SDK
 * class's outputs, the provider's name lists and check()'s type rules come from it; the README's tables are checked
 * against it (test/unit/shape-agreement.test.ts). One resource for both clouds: `cloud` picks the case (`variants`),
 * which says which inputs apply (check() enforces it); the schema holds the properties of both.
 */
import { MQ_REGIONS } from "../ci-operation/tags";
import { CI_BUCKET, CI_QUEUE_ID, regionId } from "../schema/forms";
import {
  ComputedOf, InputsOf, namesOf, object, ObjectValue, opt, OutputsOf, req, resource, t,
} from "../schema/declare";

/** A CI queue's notification settings, as `PUT /queue` takes them. */
const QUEUE_NOTIFY = {
  state: opt(t.string(["On", "Off"]), "tencentcloud: On or Off."),
  url: opt(t.string({ pattern: /^https?:\/\/\S+$/, form: "must be an http(s) URL" }),
    "tencentcloud: the callback URL (type Url)."),
  type: opt(t.string(["Url", "TDMQ"]), "tencentcloud: Url or TDMQ."),
  event: opt(t.string({ pattern: /^[A-Za-z]+(,[A-Za-z]+)*$/,
    form: "must be a comma-separated list of events such as TaskFinish,WorkflowFinish" }),
  "tencentcloud: which events notify, e.g. TaskFinish,WorkflowFinish."),
  resultFormat: opt(t.string(["XML", "JSON"]), "tencentcloud: XML or JSON."),
  mqMode: opt(t.string(["Queue", "Topic"]), "tencentcloud, TDMQ: Queue or Topic."),
  mqRegion: opt(t.string(MQ_REGIONS), "tencentcloud, TDMQ: the region."),
  mqName: opt(t.string(), "tencentcloud, TDMQ: the queue or topic."),
} as const;

export const NOTIFY_CONFIG = object("MediaPipelineNotifyConfig", "Where job notifications go. MPS (alicloud): `topic` or " +
  "`queueName`. CI (tencentcloud): the queue's notification settings as `PUT /queue` takes them.", {
  topic: opt(t.string(), "alicloud: an MNS topic."),
  queueName: opt(t.string(), "alicloud: an MNS queue."),
  ...QUEUE_NOTIFY,
});

const QUEUE_SETTINGS = object("QueueSettings", "What the queue held when it was adopted; restored on destroy.", {
  name: req(t.string(), "The queue's name."),
  state: req(t.string(), "The queue's state."),
  notifyConfig: req(t.object(object("QueueNotifyConfig", "A CI queue's notification settings.", QUEUE_NOTIFY)),
    "The queue's notification settings."),
});

/**
 * How `pulumi import` names what to adopt: an MPS pipeline by its id (region from the provider), a CI queue as
 * `[<region>/]<BucketName-APPID>/<queueId>` (region from the provider when omitted).
 */
export const IMPORT_ID_FORMATS = "an MPS pipeline id, or a CI queue as [<region>/]<BucketName-APPID>/<queueId>";

export const MEDIA_PIPELINE = resource({
  name: "MediaPipeline",
  description: "An Alibaba Cloud MPS pipeline (`cloud: alicloud`, added and deleted), or a Tencent Cloud Infinite " +
    "queue (`cloud: tencentcloud`, adopted: CI has no API to create or delete queues; destroy restores the " +
    "settings it had).",
  inputs: {
    cloud: req(t.string(["alicloud", "tencentcloud"]), "alicloud for an MPS pipeline, tencentcloud for a CI queue."),
    region: opt(regionId("cn-shanghai or ap-guangzhou"), "The region (falls back to the provider's region of that cloud)."),
    name: opt(t.string({ maxBytes: 128 }), "The name (required for alicloud, at most 128 bytes); for tencentcloud, omitted keeps the " +
      "queue's own."),
    state: opt(t.string(["Active", "Paused"]), "Active (default) or Paused: queued jobs wait, running jobs go on."),
    speed: opt(t.string({ pattern: /^[A-Za-z][A-Za-z0-9]*$/, form: "must be a pipeline type such as Standard or Boost" }),
      "alicloud: Standard (default), Boost, NarrowBandHDV2, AIVideoCover, AIVideoTag, … " +
      "Cannot change: replaces."),
    speedLevel: opt(t.integer({ min: 1, max: 3 }), "alicloud: 1–3. Cannot change: replaces."),
    notifyConfig: opt(t.object(NOTIFY_CONFIG), "Where job notifications go."),
    role: opt(t.string(), "alicloud: a RAM role for MPS to assume."),
    bucket: opt(CI_BUCKET, "tencentcloud: `<BucketName-APPID>` with media processing enabled (required)."),
    queueId: opt(CI_QUEUE_ID, "tencentcloud: the queue to adopt; without it, the bucket's only queue of `category`."),
    category: opt(t.string(["Transcoding", "SpeedTranscoding"]), "tencentcloud: Transcoding (default) or " +
      "SpeedTranscoding: which queue to adopt when `queueId` is omitted."),
  },
  outputs: {
    pipelineId: req(t.string(), "The pipeline or queue id, the resource's id."),
    name: req(t.string(), "The name the cloud holds."),
    state: req(t.string(), "Active or Paused."),
    speed: opt(t.string(), "alicloud: the pipeline's speed."),
    speedLevel: opt(t.integer(), "alicloud: the speed level."),
    quotaAllocate: opt(t.integer(), "alicloud: the pipeline's quota."),
    notifyConfig: opt(t.object(NOTIFY_CONFIG), "Where job notifications go, as the cloud holds it."),
    role: opt(t.string(), "alicloud: the RAM role."),
    queueId: opt(t.string(), "tencentcloud: the queue id."),
    category: opt(t.string(), "tencentcloud: the queue's category."),
    maxSize: opt(t.integer(), "tencentcloud: how many jobs the queue holds."),
    maxConcurrent: opt(t.integer(), "tencentcloud: how many jobs run at once."),
    original: opt(t.object(QUEUE_SETTINGS), "tencentcloud: the queue's settings before adoption."),
  },
  idOutput: "pipelineId",
  updatable: ["name", "state", "notifyConfig", "role"],
  variants: {
    key: "cloud",
    cases: {
      alicloud: {
        inputs: ["region", "name", "state", "speed", "speedLevel", "notifyConfig", "role"],
        required: ["name"],
        outputs: ["pipelineId", "name", "state", "speed", "speedLevel", "quotaAllocate", "notifyConfig", "role"],
        requiredOutputs: ["pipelineId", "name", "state", "speed"],
        fields: { notifyConfig: ["topic", "queueName"] },
      },
      tencentcloud: {
        inputs: ["region", "bucket", "queueId", "category", "name", "state", "notifyConfig"],
        required: ["bucket"],
        outputs: ["pipelineId", "queueId", "name", "state", "category", "notifyConfig", "maxSize", "maxConcurrent",
          "original"],
        requiredOutputs: ["pipelineId", "queueId", "name", "state", "category", "original"],
        fields: { notifyConfig: Object.keys(QUEUE_NOTIFY) as (keyof typeof QUEUE_NOTIFY)[] },
      },
    },
  },
});

/** The names of MediaPipeline's inputs and outputs (outputs hold every input too). */
export const MEDIA_PIPELINE_SHAPE = namesOf(MEDIA_PIPELINE);

/** MediaPipeline's inputs: an MPS pipeline's (`cloud: "alicloud"`) or an adopted CI queue's (`cloud: "tencentcloud"`). */
export type MediaPipelineInputs = InputsOf<typeof MEDIA_PIPELINE>;
export type MediaPipelineOutputs = OutputsOf<typeof MEDIA_PIPELINE>;
export type AlicloudPipelineInputs = Extract<MediaPipelineInputs, { cloud: "alicloud" }>;
export type TencentcloudPipelineInputs = Extract<MediaPipelineInputs, { cloud: "tencentcloud" }>;
/** What MPS reports of the pipeline; of its notification, only what a program can set (topic or queueName). */
export type AlicloudPipelineComputed = Extract<ComputedOf<typeof MEDIA_PIPELINE>, { speed: string }>;
/** What CI reports of the adopted queue, and the settings it had before adoption. */
export type TencentcloudPipelineComputed = Extract<ComputedOf<typeof MEDIA_PIPELINE>, { original: unknown }>;
/** Where MPS sends job notifications: one MNS topic or one MNS queue. */
export type AlicloudNotifyConfig = NonNullable<AlicloudPipelineInputs["notifyConfig"]>;
/** A CI queue's notification settings, as `PUT /queue` takes them (camelCase). */
export type TencentcloudNotifyConfig = NonNullable<TencentcloudPipelineInputs["notifyConfig"]>;
/** What the queue held when it was adopted; restored on destroy. */
export type QueueSettings = ObjectValue<typeof QUEUE_SETTINGS>;
