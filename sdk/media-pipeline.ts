import * as pulumi from "@pulumi/pulumi";
import type {
  AlicloudNotifyConfig, MediaPipelineInputs, QueueSettings, TencentcloudNotifyConfig,
} from "../provider/media-pipeline/shape";
import { ArgsOf } from "./input";
import { providerFor } from "./provider-ref";
import { registeredOutputs } from "./outputs";
import { MEDIA_PIPELINE_SHAPE } from "../provider/media-pipeline/shape";
import { DYNAMIC_MODULE } from "../provider/schema/package-schema";

/**
 * Arguments of a {@link MediaPipeline}. With `cloud: "alicloud"`: an MPS pipeline, as `AddPipeline` takes it
 * (`name`, `speed`, `speedLevel`, `notifyConfig`, `role`) plus its `state`. With `cloud: "tencentcloud"`: the CI
 * queue to adopt (`bucket` and `queueId`, or the bucket's only queue of `category`) and the `name`, `state` and
 * `notifyConfig` to give it.
 */
export type MediaPipelineArgs = ArgsOf<MediaPipelineInputs>;

/**
 * A media processing queue.
 *
 * With `cloud: "alicloud"`, an Alibaba Cloud MPS pipeline: `pulumi up` adds it (and pauses it when `state` is
 * Paused); `name`, `state`, `notifyConfig` and `role` change in place; `speed`, `speedLevel` and `region` replace
 * it; `pulumi destroy` deletes it.
 *
 * With `cloud: "tencentcloud"`, a Tencent CI queue. CI has no API to create or delete queues, so the resource
 * adopts one: it remembers the queue's name, state and notify settings, applies ours (`name`, `state`,
 * `notifyConfig` change in place; `bucket`, `queueId`, `category` and `region` replace), and `pulumi destroy`
 * restores what it found. Refresh shows drift.
 */
export class MediaPipeline extends pulumi.dynamic.Resource {
  /** The pipeline id (the resource's id). */
  readonly pipelineId: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  /** Active or Paused. */
  declare readonly state: pulumi.Output<string>;
  declare readonly speed: pulumi.Output<string | undefined>;
  declare readonly speedLevel: pulumi.Output<number | undefined>;
  /** How many jobs the pipeline runs at once. */
  declare readonly quotaAllocate: pulumi.Output<number | undefined>;
  declare readonly notifyConfig: pulumi.Output<AlicloudNotifyConfig | TencentcloudNotifyConfig | undefined>;
  /** MPS: the RAM role. */
  declare readonly role: pulumi.Output<string | undefined>;
  /** CI: the adopted queue's id (same as pipelineId) and category. */
  declare readonly queueId: pulumi.Output<string | undefined>;
  declare readonly category: pulumi.Output<string | undefined>;
  /** CI: how many jobs the queue holds and runs at once. */
  declare readonly maxSize: pulumi.Output<number | undefined>;
  declare readonly maxConcurrent: pulumi.Output<number | undefined>;
  /** CI: the queue's settings before adoption, restored on destroy. */
  declare readonly original: pulumi.Output<QueueSettings | undefined>;

  constructor(name: string, args: MediaPipelineArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerFor("media-pipeline"), name, {
      ...registeredOutputs(MEDIA_PIPELINE_SHAPE.outputs, "pipelineId"), ...args,
    }, opts, DYNAMIC_MODULE, "MediaPipeline");
    // The id stays known while an update is previewed, unlike the other outputs of a dynamic resource: jobs that
    // name this pipeline then preview as unchanged when only its state or name changes, not as replaced.
    this.pipelineId = this.id;
  }
}
